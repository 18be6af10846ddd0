"use strict";
// Follow along: runs one exercise or a routine as a guided session. The page's address says
// what (#e=bridge, #routine=id, #r=<share code>, #mine); the data comes from the page's JSON
// (no fetch, so it works from file://), and every text is set as text, never as HTML.
// A session is a list of phases (get ready, moves, holds, rests, side switches), each with
// its length; one animation-frame loop runs the current phase and draws the figure.
(() => {
  const root = document.querySelector("[data-sg-session]");
  const cues = window.sgCues;
  if (!root || !cues) return;
  const byId = (id) => document.getElementById(id);
  const data = JSON.parse(byId("sg-session-data").textContent);
  const figures = byId("sg-session-figures").content;
  const out = (name) => root.querySelector(`[data-sg-out="${name}"]`);
  const view = (name) => root.querySelector(`[data-sg-view="${name}"]`);
  const button = (name) => root.querySelector(`[data-sg-do="${name}"]`);
  const has = Object.hasOwn;
  const el = (tag, ...children) => {
    const node = document.createElement(tag);
    node.append(...children);
    return node;
  };
  const hrefs = {};
  for (const a of document.querySelectorAll("a[data-sg-session-page]")) {
    hrefs[a.dataset.sgSessionPage] = a.getAttribute("href");
  }
  const still = matchMedia("(prefers-reduced-motion: reduce)");
  const PREFS = "sg-session-prefs";
  const LOG = "sg-sessions";
  const KEEP = 1000; // records kept: years of daily sessions
  const read = (key, fallback) => {
    try {
      return JSON.parse(localStorage.getItem(key)) ?? fallback;
    } catch {
      return fallback;
    }
  };
  const write = (key, value) => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false; // blocked storage: the session still runs
    }
  };
  const prefs = { sound: true, speech: false, ...Object(read(PREFS, {})) };

  let items = [];
  let phases = [];
  let at = 0;
  let spent = 0;
  let last = 0;
  let running = false;
  let shown = -1;
  let record = null;

  // A reader may do less than the dose, down to 1, never more than its top (as My routine).
  function doseOf(e, asked) {
    const dose = {};
    for (const [key, low, high] of e.dose) {
      const n = Object(asked)[key];
      dose[key] = Number.isInteger(n) && n >= 1 && n <= high ? n : low;
    }
    return dose;
  }

  function fromCode(text) {
    return text.split(",").filter(Boolean).map((entry) => {
      const [id, spec = ""] = entry.split(":", 2);
      const dose = {};
      for (const [, code, n] of spec.matchAll(/([a-z])(\d{1,4})/g)) {
        if (has(data.codes, code)) dose[data.codes[code]] = Number(n);
      }
      return { id, dose };
    });
  }

  // What the address asks for, as a title and [{id, dose}].
  function asked() {
    let hash = location.hash.slice(1);
    try {
      hash = decodeURIComponent(hash);
    } catch {
      // a stray "%": read it as typed
    }
    const [kind, value = ""] = hash.split(/=(.*)/s);
    const e = has(data.exercises, value) && data.exercises[value];
    if (kind === "e") return e && { title: e.name, list: [{ id: value, dose: {} }] };
    const routine = has(data.routines, value) && data.routines[value];
    if (kind === "routine") return routine && { title: routine.title, list: routine.items };
    if (kind === "r") return { title: "A shared routine", list: fromCode(value.slice(0, 1000)) };
    if (kind === "mine" && window.sgRoutine) {
      const mine = window.sgRoutine.load();
      return { title: mine.text.title || "My routine", list: mine.items };
    }
    return null;
  }

  function figureOf(id) {
    const title = figures.getElementById(`fig-${id}-title`);
    const box = title?.closest("figure").cloneNode(true);
    return box ? { box, moving: null } : null;
  }

  // One repetition: moves between the figure's key positions, resting where it holds.
  function repetition(item, base) {
    const path = item.figure?.moving ?? { moves: 2, holds: [0, 0, 0] };
    const hold = item.dose.hold_seconds || 0;
    let stops = [];
    for (let i = 1; i < path.moves; i += 1) if (path.holds[i] > 0) stops.push(i);
    if (hold && !stops.length) stops = [path.moves / 2];
    const moveMs = (item.e.rep_seconds * 1000) / path.moves;
    const points = [0, ...stops, path.moves];
    const parts = [];
    for (let i = 1; i < points.length; i += 1) {
      const [from, to] = [points[i - 1], points[i]];
      parts.push({ ...base, kind: "move", ms: (to - from) * moveMs, from, to, first: i === 1 });
      if (i < points.length - 1) {
        const seconds = hold || path.holds[to];
        parts.push({ ...base, kind: "hold", ms: seconds * 1000, from: to, to });
      }
    }
    return parts;
  }

  function plan() {
    const list = [];
    items.forEach((item, n) => {
      const { e, dose } = item;
      const moved = n > 0 && items[n - 1].e.position !== e.position;
      const ready = (moved ? data.change : data.ready) * 1000;
      list.push({ n, kind: "ready", ms: ready, moved, side: 0, from: 0, to: 0 });
      const reps = dose.reps || 1;
      const sets = dose.sets || 1;
      const turns = e.sides === "alternate" ? [0, 1] : [0];
      const sides = e.sides === "each" ? [0, 1] : [0];
      const pause = (kind, side, ms) => ({ n, kind, ms, side, from: 0, to: 0 });
      for (const side of sides) {
        if (side) list.push(pause("switch", 1, data.ready * 1000));
        for (let set = 1; set <= sets; set += 1) {
          if (set > 1) list.push(pause("rest", side, e.rest_seconds * 1000));
          const start = list.length;
          for (let rep = 1; rep <= reps; rep += 1) {
            for (const turn of turns) {
              const turned = turn || (rep > 1 && turns.length > 1); // taking turns
              if (turned) list.push(pause("switch", turn, data.ready * 1000));
              const base = { n, side: side || turn, set, sets, rep, reps };
              list.push(...repetition(item, base));
            }
          }
          list[start].setStart = true;
          list[list.length - 1].setEnd = true;
        }
      }
    });
    return list;
  }

  const sideName = (side) => (side ? "Other side" : "First side");
  const seconds = (ms) => Math.max(0, Math.ceil(ms / 1000));

  // What a phase shows, announces and says.
  function words(ph) {
    const e = items[ph.n].e;
    const rep = `Rep ${ph.rep} of ${ph.reps}`;
    const table = {
      ready: [
        "Get ready",
        `${ph.moved ? "Get into position for" : "Get ready for"} ${e.name}.`,
        `Get ready for ${e.name}.`,
      ],
      move: [
        rep,
        ph.first ? "Move slowly, with the figure." : "Slowly come back.",
        ph.first && `${ph.rep}`,
      ],
      hold: ["Hold", "Hold still, and keep breathing.", "Hold."],
      rest: ["Rest", `Rest. Then set ${ph.set} of ${ph.sets}.`, "Rest."],
      switch: ["Switch sides", e.switch_cue, e.switch_cue],
    };
    const [phase, cue, say] = table[ph.kind];
    return { phase, cue, say };
  }

  function announce(ph, w) {
    if (ph.kind === "move" && !ph.first) return;
    const time = ph.kind === "move" ? "" : ` ${seconds(ph.ms)} seconds.`;
    out("live").textContent = `${w.phase}.${time} ${ph.kind === "move" ? "" : w.cue}`.trim();
  }

  function enter(i) {
    at = i;
    spent = 0;
    const ph = phases[i];
    const item = items[ph.n];
    const w = words(ph);
    if (shown !== ph.n) showExercise(ph.n);
    item.figure?.box.classList.toggle("sg-flip", ph.side === 1);
    const set = ph.sets > 1 ? `Set ${ph.set} of ${ph.sets}` : "";
    const side = item.e.sides === "one" ? "" : sideName(ph.side);
    out("where").textContent = [set, side].filter(Boolean).join(" · ");
    out("phase").textContent = w.phase;
    out("cue").textContent = w.cue;
    announce(ph, w);
    if (ph.kind === "hold" || ph.setStart) sound("start");
    if (w.say && prefs.speech) cues.say(w.say);
    draw();
  }

  function leave(ph) {
    if (ph.kind === "hold" || ph.setEnd) sound("end");
  }

  function sound(kind) {
    if (prefs.sound) cues.tone(kind);
  }

  function showExercise(n) {
    shown = n;
    const { e, figure } = items[n];
    out("name").textContent = items.length > 1 ? `${n + 1} of ${items.length}: ${e.name}` : e.name;
    out("figure").replaceChildren(figure?.box ?? "");
    if (figure && !figure.moving) figure.moving = window.sgFigure?.attach(figure.box) ?? null;
    out("steps").replaceChildren(...e.steps.map((step) => el("li", step)));
    const next = items[n + 1];
    const end = items.length > 1 ? "Last exercise" : "";
    out("next").textContent = next ? `Next: ${next.e.name}` : end;
  }

  function draw() {
    const ph = phases[at];
    const share = ph.ms ? Math.min(spent / ph.ms, 1) : 1;
    const moving = items[ph.n].figure?.moving;
    if (moving) {
      const go = still.matches ? Math.round(share) : share;
      moving.draw(ph.from + (ph.to - ph.from) * go);
    }
    out("count").textContent = ph.kind === "move" ? ph.rep : seconds(ph.ms - spent);
  }

  function tick() {
    if (!running) return;
    const now = performance.now();
    spent += now - last;
    last = now;
    while (spent >= phases[at].ms) {
      const over = spent - phases[at].ms;
      leave(phases[at]);
      if (at + 1 >= phases.length) return finish(true);
      enter(at + 1);
      spent = over;
    }
    draw();
    requestAnimationFrame(tick);
  }

  function run(on) {
    running = on;
    button("pause").textContent = on ? "Pause" : "Resume";
    cues.awake(on);
    if (on) {
      last = performance.now();
      requestAnimationFrame(tick);
    } else {
      cues.quiet();
      out("live").textContent = `Paused. ${out("phase").textContent}.`;
    }
  }

  function jump(step) {
    const target = step < 0 && spent > 2000 ? at : at + step;
    if (step > 0) leave(phases[at]);
    if (target >= phases.length) return finish(true);
    enter(Math.max(0, target));
    last = performance.now();
  }

  function show(name) {
    for (const part of root.querySelectorAll("[data-sg-view]")) {
      part.hidden = part.dataset.sgView !== name;
    }
    document.body.classList.toggle("sg-session-on", name === "run");
  }

  function finish(done) {
    running = false;
    cues.awake(false);
    const end = done ? "Well done. That is the end of the session." : "You stopped the session.";
    out("done").textContent = end;
    if (prefs.speech) cues.say(end);
    out("live").textContent = "";
    record.done = done;
    keep();
    show("end");
    out("done").focus();
  }

  function keep() {
    const log = read(LOG, []);
    const list = Array.isArray(log) ? log.filter((r) => r?.at !== record.at) : [];
    const kept = write(LOG, [...list, record].slice(-KEEP));
    out("kept").textContent = kept
      ? "Your answer stays in this browser only. Nothing is sent anywhere."
      : "This browser does not let the site keep your answer (private mode or blocked storage).";
  }

  function feel(answer) {
    record.feel = answer;
    keep();
    for (const b of root.querySelectorAll("[data-sg-feel]")) {
      b.ariaPressed = b.dataset.sgFeel === answer;
    }
    const advice = byId("sg-session-advice").content;
    const parts = [advice.querySelector(`[data-sg-feel-advice="${answer}"]`).cloneNode(true)];
    if (answer === "worse") {
      for (const { id, e } of items) {
        const page = el("a", `${e.name}: the whole page`);
        page.href = hrefs[id];
        parts.push(
          el("h3", e.name),
          el("p", el("strong", "Easier version: "), e.bad_day),
          el("p", el("strong", "Ease off when:")),
          el("ul", ...e.ease_off.map((rule) => el("li", rule))),
          el("p", el("strong", "Stop, and ask a doctor or physio, when:")),
          el("ul", ...e.stop.map((rule) => el("li", rule))),
          el("p", page),
        );
      }
    }
    out("advice").replaceChildren(...parts);
  }

  function rules(kind) {
    const all = items.flatMap(({ e }) => e[kind]);
    return [...new Set(all)].map((rule) => el("li", rule));
  }

  function minutes() {
    const ms = phases.reduce((sum, ph) => sum + ph.ms, 0);
    const n = Math.max(1, Math.round(ms / 60000));
    return n === 1 ? "about 1 minute" : `about ${n} minutes`;
  }

  function start() {
    running = false;
    cues.awake(false);
    const wanted = asked();
    const list = Array.isArray(wanted?.list) ? wanted.list : [];
    const known = list.filter((item) => has(data.exercises, item?.id));
    items = known.map(({ id, dose }) => {
      const e = data.exercises[id];
      return { id, e, dose: doseOf(e, dose), figure: figureOf(id) };
    });
    const some = items.length > 0;
    root.hidden = !some;
    document.querySelector("[data-sg-session-choose]").hidden = some;
    document.querySelector("[data-sg-session-about]").hidden = some;
    if (!some) return show("none");
    phases = plan();
    shown = -1;
    out("title").textContent = wanted.title;
    const count = items.length === 1 ? "1 exercise" : `${items.length} exercises`;
    out("summary").textContent = `${count}, ${minutes()}. You can pause at any time.`;
    const notice = out("notice");
    notice.hidden = known.length === list.length;
    notice.textContent = "Some exercises in the link are not in this guide, so they are left out.";
    out("ease").replaceChildren(...rules("ease_off"));
    out("stop").replaceChildren(...rules("stop"));
    out("signs").replaceChildren(document.querySelector(".sg-flags-box") ?? "");
    show("intro");
    out("title").focus();
  }

  function begin() {
    cues.unlock();
    record = {
      at: new Date().toISOString(),
      title: out("title").textContent,
      items: items.map(({ id, dose }) => ({ id, dose })),
      done: false,
      feel: null,
    };
    for (const b of root.querySelectorAll("[data-sg-feel]")) b.ariaPressed = "false";
    out("advice").replaceChildren();
    show("run");
    enter(0);
    run(true);
    button("pause").focus();
  }

  for (const box of root.querySelectorAll("[data-sg-pref]")) {
    const key = box.dataset.sgPref;
    box.checked = prefs[key];
    box.addEventListener("change", () => {
      prefs[key] = box.checked;
      write(PREFS, prefs);
      if (!box.checked && key === "speech") cues.quiet();
    });
  }
  if (!cues.speech) {
    const speech = root.querySelector('[data-sg-pref="speech"]');
    speech.checked = prefs.speech = false;
    speech.disabled = true;
    out("nospeech").hidden = false;
  }
  const actions = {
    begin,
    pause: () => run(!running),
    back: () => jump(-1),
    skip: () => jump(1),
    stop: () => finish(false),
  };
  for (const [name, act] of Object.entries(actions)) button(name).addEventListener("click", act);
  for (const b of root.querySelectorAll("[data-sg-feel]")) {
    b.addEventListener("click", () => feel(b.dataset.sgFeel));
  }
  button("again").addEventListener("click", () => {
    history.pushState(null, "", location.pathname + location.search);
    start();
  });
  // Space pauses and goes on, wherever the focus is in the session.
  document.addEventListener("keydown", (event) => {
    if (event.key !== " " || view("run").hidden || event.target.matches("input, textarea")) return;
    event.preventDefault();
    if (!event.repeat) run(!running);
  });
  // A hidden page pauses: the count must not run on with nobody watching.
  document.addEventListener("visibilitychange", () => {
    if (document.hidden && running) run(false);
  });
  window.addEventListener("hashchange", start);
  document.querySelector("[data-sg-session-nojs]").hidden = true;
  start();
})();
