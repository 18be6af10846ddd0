"use strict";
// The diary's chart: leg and back pain (0 to 10) over the chosen weeks, and a mark under the
// day for each session. A short function of ours, not a chart library: the small ones draw on
// a canvas, which a screen reader cannot read, and this needs an SVG with a text alternative
// (the page's table). Colours come from CSS (light, dark and print).
(() => {
  const NS = "http://www.w3.org/2000/svg";
  const DAY = 86_400_000;
  const SERIES = ["leg", "back"];

  function node(name, attrs, text) {
    const n = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    return n;
  }
  const short = (date) => date.toLocaleDateString("en-GB", { day: "numeric", month: "short" });

  // entries: diary entries in time order; start: the first day's midnight; days: how many.
  function draw({ entries, start, days, width, title, summary }) {
    const W = Math.max(300, Math.round(width));
    const [left, right, top, bottom] = [30, 12, 10, 190];
    const H = 242;
    const span = days * DAY;
    const x = (at) => left + ((new Date(at) - start) / span) * (W - left - right);
    const y = (v) => bottom - (v / 10) * (bottom - top);
    const svg = node("svg", { class: "sg-chart", viewBox: `0 0 ${W} ${H}`, width: W, height: H,
      role: "img", "aria-labelledby": "sg-chart-title sg-chart-desc" });
    svg.append(node("title", { id: "sg-chart-title" }, title), node("desc", { id: "sg-chart-desc" },
      summary));
    const grid = node("g", { class: "sg-chart-grid", "aria-hidden": "true" });
    for (let v = 0; v <= 10; v += 2) {
      grid.append(node("line", { x1: left, x2: W - right, y1: y(v), y2: y(v) }));
      grid.append(node("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" }, v));
    }
    // A date under every week that leaves room for its label (about 60 px).
    const weeks = days / 7;
    const every = Math.ceil(weeks / Math.max(1, Math.floor((W - left - right) / 60)));
    for (let w = 0; w < weeks; w += every) {
      const at = new Date(start.getFullYear(), start.getMonth(), start.getDate() + w * 7);
      const wx = x(at);
      grid.append(node("line", { class: "sg-chart-week", x1: wx, x2: wx, y1: top, y2: bottom }));
      // The first date starts at its line, so it stays inside the chart.
      const anchor = w ? "middle" : "start";
      grid.append(node("text", { x: wx, y: H - 4, "text-anchor": anchor }, short(at)));
    }
    svg.append(grid);
    for (const key of SERIES) {
      const rated = entries.filter((e) => e[key] !== null);
      const g = node("g", { class: `sg-chart-${key}` });
      if (rated.length > 1) {
        const points = rated.map((e) => `${x(e.at).toFixed(1)},${y(e[key])}`).join(" ");
        g.append(node("polyline", { points }));
      }
      for (const e of rated) {
        const [cx, cy] = [x(e.at), y(e[key])];
        const mark = key === "leg"
          ? node("circle", { cx, cy, r: 4.5 })
          : node("rect", { x: cx - 4, y: cy - 4, width: 8, height: 8 });
        mark.dataset.sgPoint = key;
        mark.dataset.at = e.at;
        mark.dataset.value = e[key];
        g.append(mark);
      }
      svg.append(g);
    }
    // Sessions: one triangle under each day that has any, with the count when it is more.
    const perDay = new Map();
    for (const e of entries) {
      const day = e.at.slice(0, 10);
      if (e.sessions) perDay.set(day, (perDay.get(day) || 0) + e.sessions);
    }
    const marks = node("g", { class: "sg-chart-sessions" });
    for (const [day, n] of perDay) {
      const cx = x(`${day}T12:00`);
      const mark = node("path", { d: `M${cx - 5},${bottom + 20}h10l-5,-9z` });
      mark.dataset.sgSessions = n;
      mark.dataset.day = day;
      marks.append(mark);
      if (n > 1) marks.append(node("text", { x: cx, y: bottom + 33, "text-anchor": "middle" }, n));
    }
    svg.append(marks);
    return svg;
  }

  window.sgChart = { draw };
})();
