"use strict";
// My progress: the check-in form, the chart and its table, the weekly summary, the safety
// prompts (worded in content/red-flags.yaml), the printed report, and export, import and
// delete. The diary itself is progress-store.js; the chart, progress-chart.js.
(() => {
  const root = document.querySelector("[data-sg-progress]");
  if (!root) return;
  const store = window.sgDiary;
  const $ = (name) => document.querySelector(`[data-sg-${name}]`);
  const form = $("form");
  const DAY = 86_400_000;
  let diary = store.load();
  let weeks = 6;
  let editing = null;
  let undo = null;

  const el = (tag, text, className) => Object.assign(document.createElement(tag),
    { textContent: text ?? "", ...(className && { className }) });
  const when = (at, opts) => new Date(at).toLocaleDateString("en-GB", opts);
  const dayName = (at) => when(at, { weekday: "short", day: "numeric", month: "short" });
  const stamp = (at) => `${dayName(at)}, ${at.slice(11)}`;
  const plural = (n, word, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
  const FEEL = { better: "felt better", same: "felt about the same", worse: "felt worse" };
  // Days on the calendar, not 24-hour steps: a clock change would move midnight.
  const onDay = (date, n = 0) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + n);
  const daysAgo = (n) => store.local(new Date(Date.now() - n * DAY));

  function say(message, canUndo = false) {
    $("status").textContent = message;
    $("undo").hidden = !canUndo;
  }

  // The weeks shown end today; the first day starts at midnight.
  function range(n = weeks) {
    const start = onDay(new Date(), 1 - n * 7);
    return { start, days: n * 7, from: store.local(start) };
  }
  const inRange = (from) => diary.entries.filter((e) => e.at >= from);

  // "leg pain from 6 to 4": the first and the latest rating of the days given.
  function change(list, key, name) {
    const rated = list.filter((e) => e[key] !== null);
    if (!rated.length) return "";
    const [first, last] = [rated[0][key], rated.at(-1)[key]];
    return rated.length === 1 ? `${name} ${last}` : `${name} from ${first} to ${last}`;
  }
  function week(list) {
    const parts = [plural(sum(list), "session"), change(list, "leg", "leg pain"),
      change(list, "back", "back pain")].filter(Boolean);
    return `${parts.join("; ")}.`;
  }
  function summary() {
    const now = daysAgo(0);
    const [last, before] = [daysAgo(7), daysAgo(14)];
    const lines = [["In the last 7 days", (e) => e.at > last && e.at <= now],
      ["The 7 days before", (e) => e.at > before && e.at <= last]];
    return lines.map(([label, keep]) => `${label}: ${week(diary.entries.filter(keep))}`);
  }

  // Which prompts the diary calls for (the rules are in content/red-flags.yaml's diary).
  function prompts() {
    const lastWeek = diary.entries.filter((e) => e.at > daysAgo(7));
    const legs = diary.entries.filter((e) => e.leg !== null);
    const recent = lastWeek.filter((e) => e.leg !== null);
    const mean = (list) => list.reduce((n, e) => n + e.leg, 0) / list.length;
    const rise = recent.length > 1 && recent.at(-1).at.slice(0, 10) !== recent[0].at.slice(0, 10)
      && recent.at(-1).leg - recent[0].leg >= Number(root.dataset.worseBy);
    let stuck = false;
    if (legs.length && recent.length && legs[0].at < daysAgo(Number(root.dataset.weeks) * 7)) {
      const firstWeek = store.local(new Date(new Date(legs[0].at).getTime() + 7 * DAY));
      stuck = mean(recent) >= mean(legs.filter((e) => e.at < firstWeek));
    }
    const numb = lastWeek.some((e) => e.numb === "yes");
    return { "new-numbness": numb, worse: rise, "not-better": stuck };
  }

  // A table with a header row, and each row's first cell as its heading.
  function tableOf(heads, rows, className) {
    const t = el("table", "", className);
    t.createTHead().insertRow().append(...heads.map((h) => el("th", h)));
    const body = t.createTBody();
    for (const [first, ...cells] of rows) {
      const r = body.insertRow();
      r.append(Object.assign(el("th", first), { scope: "row" }), ...cells.map((v) => el("td", v)));
    }
    return t;
  }
  const sum = (of) => of.reduce((n, e) => n + e.sessions, 0);

  function table(list) {
    const days = new Map();
    for (const e of list) days.set(e.at.slice(0, 10), [...(days.get(e.at.slice(0, 10)) || []), e]);
    const all = (of, key) => of.filter((e) => e[key] !== null).map((e) => e[key]).join(", ")
      || "–";
    const rows = [...days].map(([d, of]) => [dayName(`${d}T12:00`), all(of, "leg"),
      all(of, "back"), sum(of)]);
    return rows.length ? tableOf(["Day", "Leg pain", "Back pain", "Sessions"], rows)
      : el("p", "No entries in these weeks yet.");
  }

  function chart(list, width) {
    const { start, days } = range();
    return window.sgChart.draw({ entries: list, start, days, width,
      title: `Leg and back pain (0 to 10) and sessions, the last ${weeks} weeks`,
      summary: summary().join(" ") });
  }

  function entryItem(e) {
    const li = el("li");
    const facts = [e.leg !== null && `leg pain ${e.leg}`, e.back !== null && `back pain ${e.back}`,
      e.numb && `new numbness or weakness: ${e.numb}`,
      e.sessions && plural(e.sessions, "session")
        + (e.from === "check-in" ? "" : " in Follow along"),
      e.what, FEEL[e.feel]].filter(Boolean);
    const p = el("p");
    p.append(el("strong", stamp(e.at)), ` · ${facts.join(" · ")}`);
    li.append(p);
    if (e.note) li.append(el("p", e.note, "sg-entry-note"));
    const tools = el("p", "", "sg-entry-tools");
    for (const [action, label] of [["edit", "Edit"], ["remove", "Delete"]]) {
      const b = el("button", label, "md-button");
      b.type = "button";
      b.append(el("span", ` the entry of ${stamp(e.at)}`, "sg-visually-hidden"));
      b.addEventListener("click", () => (action === "edit" ? edit(e) : remove(e)));
      tools.append(b, " ");
    }
    li.append(tools);
    return li;
  }

  function show() {
    const { from } = range();
    const list = inRange(from);
    const box = $("summary");
    box.replaceChildren(...summary().map((line) => el("p", line)));
    $("chart").replaceChildren(chart(list, $("chart").clientWidth || 640));
    $("table").replaceChildren(table(list));
    $("entries").replaceChildren(...list.toReversed().map(entryItem));
    $("none").hidden = list.length > 0;
    for (const b of document.querySelectorAll("[data-sg-range]")) {
      b.ariaPressed = String(Number(b.dataset.sgRange) === weeks);
      b.classList.toggle("md-button--primary", b.ariaPressed === "true");
    }
    const due = prompts();
    for (const box of document.querySelectorAll("[data-sg-prompt]")) {
      box.hidden = !due[box.dataset.sgPrompt];
    }
    $("progress-blocked").hidden = store.kept();
    report();
  }

  // The form: a new check-in, or the entry being edited.
  function fill(e) {
    form.elements.at.value = e ? e.at : store.local(new Date());
    for (const key of ["leg", "back", "numb"]) {
      for (const input of form.elements[key]) input.checked = input.value === String(e?.[key]);
    }
    form.elements.sessions.value = e ? e.sessions : 0;
    form.elements.note.value = e ? e.note : "";
    $("save").textContent = e ? "Save changes" : "Save check-in";
    $("cancel").hidden = !e;
    $("form-heading").textContent = e ? `Edit the entry of ${stamp(e.at)}` : "Check in";
  }
  function edit(e) {
    editing = e.id;
    fill(e);
    $("form-heading").focus();
  }

  function keep(message, canUndo) {
    store.save(diary);
    diary = store.load();
    show();
    const lost = store.kept() ? "" : " This browser does not keep it after you leave.";
    say(message + lost, canUndo);
  }

  function remove(e) {
    undo = structuredClone(diary.entries);
    diary.entries = diary.entries.filter((x) => x.id !== e.id);
    keep(`The entry of ${stamp(e.at)} is deleted.`, true);
    $("form-heading").focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const f = form.elements;
    const value = (key) => (f[key].value === "" ? null : Number(f[key].value));
    const sessions = Number(f.sessions.value || 0);
    const problems = [];
    if (!store.validAt(f.at.value)) problems.push("Give the date and the time.");
    if (!Number.isInteger(sessions) || sessions < 0 || sessions > store.data.max_sessions) {
      problems.push(`Sessions: use a whole number from 0 to ${store.data.max_sessions}.`);
    }
    const old = diary.entries.find((e) => e.id === editing);
    const entry = store.clean({ ...old, id: editing || store.newId(), at: f.at.value,
      leg: value("leg"), back: value("back"), numb: f.numb.value, sessions,
      note: f.note.value.trim(),
      from: old?.from ?? "check-in" });
    if (!problems.length && entry.leg === null && entry.back === null && !entry.numb
      && !entry.sessions && !entry.note && entry.from === "check-in") {
      problems.push("Rate your pain, answer a question or write a note first.");
    }
    if (problems.length) {
      say(`Not saved. ${problems.join(" ")}`);
      return;
    }
    undo = null;
    diary.entries = [...diary.entries.filter((e) => e.id !== editing), entry];
    const message = editing ? "Your changes are saved." : "Your check-in is saved.";
    editing = null;
    fill(null);
    keep(message);
    const due = prompts();
    if (Object.values(due).some(Boolean)) {
      say(`${$("status").textContent} Please read the advice at the top of the page.`);
    }
  });
  $("cancel").addEventListener("click", () => {
    editing = null;
    fill(null);
    say("");
  });
  $("undo").addEventListener("click", () => {
    if (!undo) return;
    diary.entries = undo;
    undo = null;
    keep("The entry is back.");
  });
  for (const b of document.querySelectorAll("[data-sg-range]")) {
    b.addEventListener("click", () => {
      weeks = Number(b.dataset.sgRange);
      show();
    });
  }

  function download(text, name, type) {
    const a = Object.assign(document.createElement("a"), { download: name,
      href: URL.createObjectURL(new Blob([text], { type })) });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
  $("csv").addEventListener("click", () => {
    download(store.toCsv(diary.entries), "my-progress.csv", "text/csv;charset=utf-8");
    say(`Your diary is in my-progress.csv: ${plural(diary.entries.length, "entry", "entries")}.`);
  });

  $("import").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    const box = $("import-problems");
    let result;
    try {
      const bytes = file.size > 1_000_000 ? "" : await file.text();
      result = store.fromCsv(bytes, file.size);
    } catch {
      result = { problems: ["The file could not be read."] };
    }
    if (result.problems) {
      $("import-why").textContent = result.foreign
        ? `${file.name} is not a diary file from this site. Your diary is as it was.`
        : `${file.name} has problems, so your diary is as it was. Mend them and import it again:`;
      const shown = result.problems.slice(0, 20).map((p) => el("li", p));
      const more = result.problems.length - 20;
      if (more > 0) shown.push(el("li", `and ${more} more.`));
      $("import-list").replaceChildren(...shown);
      box.hidden = false;
      box.focus();
      say("");
      return;
    }
    box.hidden = true;
    undo = null;
    const added = store.merge(diary, result.entries);
    const skipped = result.entries.length - added;
    keep(`Imported ${file.name}: ${plural(added, "new entry", "new entries")}`
      + `${skipped ? `, ${skipped} already here` : ""}.`);
  });

  $("delete").addEventListener("click", () => {
    $("confirm").hidden = false;
    $("confirm-text").focus();
  });
  $("delete-no").addEventListener("click", () => {
    $("confirm").hidden = true;
    $("delete").focus();
  });
  $("delete-yes").addEventListener("click", () => {
    store.wipe();
    diary = store.load();
    undo = null;
    $("confirm").hidden = true;
    fill(null);
    show();
    say("Everything this site kept in this browser is deleted.");
    $("delete").focus();
  });

  // The printed report: the chart, week by week, and the routine from My routine.
  function report() {
    const { start, from } = range();
    const list = inRange(from);
    const made = when(Date.now(), { day: "numeric", month: "long", year: "numeric" });
    $("report-about").textContent = `From the diary kept in this browser. The last ${weeks} weeks, `
      + `${when(start, { day: "numeric", month: "long" })} to ${made}.`
      + " Pain is 0 (none) to 10 (worst).";
    $("report-summary").replaceChildren(...summary().map((line) => el("p", line)));
    $("report-chart").replaceChildren(chart(list, 680));
    const span = (of, key) => {
      const v = of.filter((e) => e[key] !== null).map((e) => e[key]);
      if (v.length < 2) return v.length ? String(v[0]) : "–";
      const avg = (v.reduce((a, b) => a + b, 0) / v.length).toFixed(1);
      return `${Math.min(...v)}–${Math.max(...v)} (average ${avg})`;
    };
    const date = (at) => when(at, { day: "numeric", month: "short" });
    const rows = Array.from({ length: weeks }, (_, w) => {
      const [a, b] = [store.local(onDay(start, w * 7)), store.local(onDay(start, w * 7 + 7))];
      const of = list.filter((e) => e.at >= a && e.at < b);
      const numb = of.filter((e) => e.numb === "yes").map((e) => date(e.at));
      return [date(a), of.filter((e) => e.from === "check-in").length, span(of, "leg"),
        span(of, "back"), sum(of), numb.length ? `Yes: ${numb.join(", ")}` : "–"];
    });
    const heads = ["Week from", "Check-ins", "Leg pain", "Back pain", "Sessions", "New numbness"];
    $("report-weeks").replaceChildren(tableOf(heads, rows, "sg-report-table"));
    const data = store.data;
    const items = (window.sgRoutine?.load().items || []).filter(({ id }) => data.exercises[id]);
    const phrase = (f, n) => f.words[n] || (n === 1 ? f.one : f.many).replace("{n}", n);
    const fields = Object.fromEntries(data.fields.map((f) => [f.key, f]));
    $("report-routine").replaceChildren(...(items.length ? items.map(({ id, dose }) => {
      const e = data.exercises[id];
      const amounts = e.dose.map(([key, low, high]) => {
        const n = dose[key];
        return phrase(fields[key], Number.isInteger(n) && n >= 1 && n <= high ? n : low);
      });
      return el("li", `${e.name}: ${amounts.join(" · ")}`);
    }) : [el("li", "No routine is saved in this browser (see My routine).")]));
  }
  $("print").addEventListener("click", () => window.print());
  window.addEventListener("beforeprint", report);
  // Another tab may add to the diary, or finish a session.
  window.addEventListener("storage", () => {
    diary = store.load();
    store.sync(diary);
    show();
  });
  let frame = 0;
  window.addEventListener("resize", () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(show);
  });

  const flags = document.querySelector(".sg-flags-box a").href;
  for (const a of document.querySelectorAll("[data-sg-flags-link]")) a.href = flags;
  store.sync(diary);
  root.hidden = false;
  $("report").hidden = false;
  $("progress-nojs").hidden = true;
  fill(null);
  show();
})();
