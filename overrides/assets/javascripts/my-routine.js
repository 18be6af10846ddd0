"use strict";
// My routine page: the reader's routine, or one from a shared link, as a printable sheet.
// Ids and doses from a link or from storage are checked against the catalog in the page and
// only ever set as text, never as HTML; the markup comes from the page's <template>s.
(() => {
  const $ = (name) => document.querySelector(`[data-sg-routine-${name}]`);
  const app = $("app");
  const store = window.sgRoutine;
  if (!app || !store) return;
  const part = (root, name) => root.querySelector(`[data-sg-part="${name}"]`);
  const byId = (id) => document.getElementById(id);
  const copy = (id) => byId(id).content.firstElementChild.cloneNode(true);
  const data = JSON.parse(byId("sg-routine-data").textContent);
  const figures = byId("sg-routine-figures").content;
  const list = $("items");
  const LOW = data.lowest;
  const has = Object.hasOwn; // own keys only: a link's "constructor" is not an exercise
  const fields = Object.fromEntries(data.fields.map((f) => [f.key, f]));
  const codes = Object.fromEntries(data.fields.map((f) => [f.code, f.key]));
  // Page links come from MkDocs (they differ online and offline), via the no-script list.
  const hrefs = {};
  for (const a of document.querySelectorAll("a[data-sg-routine-link]")) {
    hrefs[a.dataset.sgRoutineLink] = a.getAttribute("href");
  }
  // Sheets carry the site's web address, also when printed from the offline copy.
  const base =
    document.querySelector("link[rel=canonical]")?.href.replace(/\.html$/, "/") ??
    location.href.split("#")[0];
  let routine;
  let shared;

  const el = (tag, ...children) => {
    const node = document.createElement(tag);
    node.append(...children); // strings become text nodes
    return node;
  };
  const say = (message) => {
    $("status").textContent = message;
  };
  const shown = (value) => String(value).slice(0, 40);
  const ex = (item) => data.exercises[item.id];
  const count = () => `Your routine has ${store.count(routine.items.length)}.`;

  // Worded as sitegen/text.py does: "10 repetitions", "twice a day", "hold 20–30 seconds".
  function phrase(field, low, high = low) {
    if (low !== high) return field.many.replace("{n}", `${low}–${high}`);
    return field.words[low] || (low === 1 ? field.one : field.many).replace("{n}", low);
  }
  const doseText = (e, dose) => e.dose
    .map(([key, ...range]) => phrase(fields[key], ...(dose ? [dose[key]] : range)))
    .join(" · ");
  // A reader may do less than the source says, down to 1, but never more than its top.
  const allowed = (n, high) => Number.isInteger(n) && n >= LOW && n <= high;

  function checkDose(e, asked, notes) {
    const dose = {};
    const label = (key) => (has(fields, key) ? fields[key].label.toLowerCase() : shown(key));
    for (const key of Object.keys(asked)) {
      if (!e.dose.some(([k]) => k === key)) {
        notes.push(`${e.name}: it has no “${label(key)}”; left out.`);
      }
    }
    for (const [key, low, high] of e.dose) {
      const n = has(asked, key) ? asked[key] : low;
      dose[key] = allowed(n, high) ? n : low;
      if (dose[key] !== n) {
        const range = `is not from ${LOW} to ${high}, so it is ${low}`;
        notes.push(`${e.name}: ${label(key)} “${shown(n)}” ${range}.`);
      }
    }
    return dose;
  }

  function check(asked, notes) {
    const items = [];
    for (const { id, dose } of asked) {
      const e = has(data.exercises, id) && data.exercises[id];
      if (!e) {
        notes.push(`“${shown(id)}” is not an exercise in this guide; left out.`);
      } else if (items.some((item) => item.id === id)) {
        notes.push(`${e.name} is in it twice; shown once.`);
      } else if (items.length >= data.max) {
        notes.push(`${e.name}: left out; a routine holds ${data.max} at most.`);
      } else {
        items.push({ id, dose: checkDose(e, dose, notes) });
      }
    }
    return items;
  }

  // "#r=bridge:r10s2,knee-to-chest:h20s1": each id, then a letter and a number per dose field.
  function fromLink(notes) {
    let text = location.hash.slice(3);
    try {
      text = decodeURIComponent(text);
    } catch {
      // a stray "%": read it as typed
    }
    if (text.length > 1000) {
      notes.push("The link is too long to read.");
      return [];
    }
    return text.split(",").filter(Boolean).map((entry) => {
      const [id, spec = ""] = entry.split(":", 2);
      const dose = {};
      if (!/^([a-z]\d{1,4})*$/.test(spec)) {
        notes.push(`Numbers “${shown(spec)}” not read; the guide’s dose is used.`);
      } else {
        for (const [, code, n] of spec.matchAll(/([a-z])(\d+)/g)) {
          dose[has(codes, code) ? codes[code] : code] = Number(n);
        }
      }
      return { id, dose };
    });
  }

  const itemCode = (item) =>
    `${item.id}:${ex(item).dose.map(([key]) => fields[key].code + item.dose[key]).join("")}`;
  const linkCode = () => "r=" + routine.items.map(itemCode).join(",");
  const keep = () => store.save({ items: routine.items, text: routine.text });

  function changed() {
    if (shared) history.replaceState(null, "", `#${linkCode()}`);
    else keep();
    summary();
  }

  // Made here, not at build time: the link changes with every edit (vendor/lean-qr).
  function qr(url) {
    let code;
    try {
      code = window.leanQR.generate(url);
    } catch {
      return "";
    }
    let d = "";
    for (let y = 0; y < code.size; y++) {
      for (let x = 0; x < code.size; x++) {
        if (code.get(x, y)) d += `M${x + 2} ${y + 2}h1v1h-1z`;
      }
    }
    const svg = copy("sg-routine-qr-code");
    svg.setAttribute("viewBox", `0 0 ${code.size + 4} ${code.size + 4}`);
    svg.lastChild.setAttribute("d", d);
    return svg;
  }

  // All that depends on the whole routine: stop rules, dates, link, QR code, title.
  function summary() {
    const merged = (key) => [...new Set(routine.items.flatMap((item) => ex(item)[key]))];
    for (const rules of document.querySelectorAll("[data-sg-routine-rules]")) {
      rules.replaceChildren(...merged(rules.dataset.sgRoutineRules).map((rule) => el("li", rule)));
    }
    const reviewed = new Set(routine.items.map((item) => ex(item).reviewed));
    $("reviewed").textContent = [...reviewed].sort().join(", ");
    const url = `${base}#${linkCode()}`;
    $("url").textContent = url.replace(/^https?:\/\//, "");
    $("link-out").value = url;
    $("follow").querySelector("a").hash = linkCode(); // the doses as set here, saved or not
    for (const box of document.querySelectorAll("[data-sg-routine-qr]")) {
      box.replaceChildren(qr(url));
    }
    const { title, for: to, from, note } = routine.text;
    $('out="title"').textContent = title || "My routine";
    Object.assign($("reminders").dataset, { title: title || "My routine", link: url });
    const who = [to && `For: ${to}`, from && `From: ${from}`];
    $('out="who"').textContent = who.filter(Boolean).join(" · ");
    $('out="note"').textContent = note;
  }

  function doseField(item, [key, , high]) {
    const node = copy("sg-routine-field");
    const id = `sg-${key}-${item.id}`;
    const input = Object.assign(part(node, "input"), {
      id,
      min: LOW,
      max: high,
      value: item.dose[key],
    });
    input.dataset.key = key;
    input.setAttribute("aria-describedby", (part(node, "error").id = `${id}-e`));
    const label = Object.assign(part(node, "label"), { htmlFor: id });
    label.append(`${fields[key].label} `, el("small", `(${LOW} to ${high})`));
    return node;
  }

  function itemView(item, index) {
    const e = ex(item);
    const node = copy("sg-routine-item");
    const at = (name) => part(node, name);
    const texts = {
      heading: `${index + 1}. ${e.name}`,
      dose: doseText(e, item.dose),
      sourced: doseText(e),
      source: e.source,
      page: e.name,
    };
    for (const [name, text] of Object.entries(texts)) at(name).textContent = text;
    for (const name of node.querySelectorAll("[data-sg-part=name]")) {
      name.textContent = ` (${e.name})`;
    }
    at("heading").id = `sg-item-${item.id}`;
    at("source").href = `${hrefs.references}#${e.source_id}`;
    at("page").href = hrefs[item.id];
    const title = figures.getElementById(`fig-${item.id}-title`);
    at("figure").replaceWith(title?.closest("figure").cloneNode(true) ?? "");
    at("fields").replaceWith(...e.dose.map((range) => doseField(item, range)));
    at("steps").append(...e.steps.map((step) => el("li", step)));
    for (const action of ["up", "down", "remove"]) at(action).id = `sg-${action}-${item.id}`;
    // At the ends, Move up or down stays focusable (unlike disabled) and says why it does nothing.
    at("up").ariaDisabled = index === 0;
    at("down").ariaDisabled = index === routine.items.length - 1;
    return node;
  }

  function render(focus) {
    const some = routine.items.length > 0;
    $("empty").hidden = some;
    $("sheet").hidden = $("more").hidden = $("print").hidden = $("follow").hidden = !some;
    $("reminders").hidden = !some;
    // The print layout's classes, never in the page's HTML: the PDF step would print it.
    $("sheet").className = some ? "sg-sheet sg-routine-sheet" : "";
    list.replaceChildren(...routine.items.map(itemView));
    summary();
    byId(focus)?.focus();
  }

  function move(index, by) {
    const items = routine.items;
    const item = items[index];
    const to = index + by;
    if (to < 0 || to >= items.length) {
      return say(`${ex(item).name} is already ${by < 0 ? "first" : "last"}.`);
    }
    items.splice(to, 0, ...items.splice(index, 1));
    changed();
    render(`sg-${by < 0 ? "up" : "down"}-${item.id}`);
    say(`${ex(item).name} moved to number ${to + 1} of ${items.length}.`);
  }

  function remove(index) {
    const [item] = routine.items.splice(index, 1);
    changed();
    const next = routine.items[Math.min(index, routine.items.length - 1)];
    render(next && `sg-item-${next.id}`);
    if (!next) $("empty").focus();
    say(`${ex(item).name} removed. ${count()}`);
  }

  const indexOf = (node) => [...list.children].indexOf(node.closest("section"));
  list.addEventListener("click", ({ target }) => {
    const action = target.closest("button")?.dataset.sgPart;
    if (action === "remove") remove(indexOf(target));
    else if (action) move(indexOf(target), action === "up" ? -1 : 1);
  });
  list.addEventListener("input", ({ target: input }) => {
    const item = routine.items[indexOf(input)];
    const n = Number(input.value); // an empty box is 0: not allowed either
    const ok = allowed(n, Number(input.max));
    input.ariaInvalid = !ok;
    input.nextElementSibling.hidden = ok;
    if (!ok) return;
    item.dose[input.dataset.key] = n;
    part(input.closest("section"), "dose").textContent = doseText(ex(item), item.dose);
    changed();
  });

  function start() {
    const notes = [];
    const mine = store.load();
    shared = location.hash.startsWith("#r=");
    routine = { items: check(shared ? fromLink(notes) : mine.items, notes), text: {} };
    for (const [key, limit] of Object.entries(data.text)) {
      routine.text[key] = shared ? "" : String(mine.text[key] ?? "").slice(0, limit);
      $(`text="${key}"`).value = routine.text[key];
    }
    if (!shared && notes.length) keep(); // forget what the guide no longer has
    $("notice").hidden = !notes.length;
    $("notes").replaceChildren(...notes.map((note) => el("li", note)));
    $("shared").hidden = !shared || !routine.items.length;
    $("replaces").hidden = !mine.items.length;
    $("storage").hidden = store.kept();
    render();
    say(count());
  }

  for (const input of document.querySelectorAll("[data-sg-routine-text]")) {
    input.addEventListener("input", () => {
      routine.text[input.dataset.sgRoutineText] = input.value;
      if (!shared) keep();
      summary();
    });
  }
  $("save").addEventListener("click", () => {
    keep();
    history.replaceState(null, "", location.pathname);
    start();
    byId(`sg-item-${routine.items[0].id}`).focus();
    say("Saved as your routine in this browser.");
  });
  $("print").addEventListener("click", () => window.print());
  $("copy").addEventListener("click", async () => {
    $("link-out").select();
    try {
      await navigator.clipboard.writeText($("link-out").value);
      say("Link copied.");
    } catch {
      say("Copy the selected link with Ctrl+C (Cmd+C on a Mac).");
    }
  });
  window.addEventListener("hashchange", start);
  window.addEventListener("storage", () => shared || start());
  $("nojs").hidden = true;
  app.hidden = false;
  start();
})();
