"use strict";
// The reader's progress diary, kept in this browser only (localStorage; no account, no
// server): its entries, the Follow along sessions it takes in, and the CSV file that
// exports and imports it. progress.js draws the page from it.
(() => {
  const KEY = "sg-diary";
  const LOG = "sg-sessions"; // written by session.js when a session ends
  const data = JSON.parse(document.getElementById("sg-progress-data").textContent);
  const FEELS = ["better", "same", "worse"];
  const FROM = ["check-in", "follow-along"];
  const HEAD = ["Date", "Time", "Leg pain (0-10)", "Back pain (0-10)", "New numbness or weakness",
    "Sessions", "How it felt", "Session", "Note", "Added by"];
  const MAX_BYTES = 1_000_000;
  const MAX_ENTRIES = 10_000;
  const MAX_WHAT = 200;
  let memory = { entries: [], synced: "" };
  let kept = true;

  const whole = (v, low, high) => Number.isInteger(v) && v >= low && v <= high;
  const rating = (v) => (whole(v, 0, 10) ? v : null);
  const text = (v, max) => (typeof v === "string" ? v.slice(0, max) : "");
  const one = (v, list) => (list.includes(v) ? v : "");
  const AT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
  // A real local date and time, "2026-12-04T09:30" (no time zone: the reader's own clock).
  function validAt(at) {
    const m = AT.exec(at);
    if (!m) return false;
    const d = new Date(Date.UTC(m[1], m[2] - 1, m[3], m[4], m[5]));
    return d.toISOString().slice(0, 16) === at;
  }
  const local = (date) => new Date(date - date.getTimezoneOffset() * 60_000).toISOString()
    .slice(0, 16);
  const newId = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 8);

  // Stored data may be old or edited by hand: keep only entries of the shape this code knows.
  function clean(e) {
    if (!validAt(e?.at)) return null;
    return {
      id: text(e.id, 80) || newId(),
      at: e.at,
      leg: rating(e.leg),
      back: rating(e.back),
      numb: one(e.numb, ["yes", "no"]),
      sessions: whole(e.sessions, 0, data.max_sessions) ? e.sessions : 0,
      feel: one(e.feel, FEELS),
      what: text(e.what, MAX_WHAT),
      note: text(e.note, data.max_note),
      from: one(e.from, FROM) || "check-in",
    };
  }
  const sorted = (list) => list.sort((a, b) => a.at.localeCompare(b.at)
    || a.id.localeCompare(b.id));
  const valid = (list) => sorted((Array.isArray(list) ? list : []).map(clean).filter(Boolean));

  function read(key) {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch (error) {
      // Private modes and policies make storage throw: the diary then lives in memory.
      if (error.name !== "SyntaxError") kept = false;
      return null;
    }
  }

  function load() {
    const stored = read(KEY);
    if (kept && stored) memory = stored;
    return { entries: valid(memory.entries), synced: text(memory.synced, 40) };
  }

  function save(diary) {
    memory = { version: 1, entries: valid(diary.entries), synced: diary.synced };
    try {
      localStorage.setItem(KEY, JSON.stringify(memory));
    } catch {
      kept = false;
    }
  }

  // Follow along keeps each session it ran; a finished one becomes a diary entry once. A session
  // the reader deleted here is not added again: the diary keeps the time of the newest one taken.
  function sync(diary) {
    const log = read(LOG);
    let changed = false;
    for (const r of Array.isArray(log) ? log : []) {
      const when = new Date(r?.at);
      if (r?.done !== true || typeof r.at !== "string" || Number.isNaN(when.getTime())) continue;
      const id = `s${r.at}`;
      const entry = diary.entries.find((e) => e.id === id);
      if (entry) {
        if (one(r.feel, FEELS) && entry.feel !== r.feel) [entry.feel, changed] = [r.feel, true];
      } else if (r.at > diary.synced) {
        diary.entries.push(clean({ id, at: local(when), sessions: 1, feel: r.feel, what: r.title,
          from: "follow-along" }));
        changed = true;
      }
      if (r.at > diary.synced) [diary.synced, changed] = [r.at, true];
    }
    if (changed) save(diary);
    return changed;
  }

  function wipe() {
    memory = { entries: [], synced: "" };
    try {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith("sg-")) localStorage.removeItem(key);
      }
    } catch {
      kept = false;
    }
  }

  // A spreadsheet runs a cell that starts with = + - @ as a formula: such text goes out with a
  // leading apostrophe, which the import takes off again (a text that starts with one gets two).
  const RISKY = /^[=+\-@\t\r']/;
  const guard = (s) => (RISKY.test(s) ? `'${s}` : s);
  const unguard = (s) => (s[0] === "'" && RISKY.test(s.slice(1)) ? s.slice(1) : s);
  const cell = (v) => {
    const s = String(v ?? "");
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const row = (e) => [e.at.slice(0, 10), e.at.slice(11), e.leg, e.back, e.numb, e.sessions, e.feel,
    guard(e.what), guard(e.note), e.from];
  const toCsv = (entries) => [HEAD, ...entries.map(row), []].map((r) => r.map(cell).join(","))
    .join("\r\n");

  // RFC 4180: fields in double quotes may hold commas, quotes ("") and line breaks.
  function parseCsv(input) {
    const rows = [];
    let fields = [];
    let field = "";
    let line = 1;
    let start = 1;
    let quoted = false;
    let i = 0;
    const end = () => {
      fields.push(field);
      field = "";
    };
    while (i < input.length) {
      const c = input[i++];
      if (quoted) {
        if (c === '"' && input[i] === '"') [field, i] = [field + '"', i + 1];
        else if (c === '"') quoted = false;
        else field += c;
        if (c === "\n") line++;
      } else if (c === '"' && field === "") quoted = true;
      else if (c === ",") end();
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && input[i] === "\n") i++;
        end();
        rows.push({ line: start, fields });
        [fields, start] = [[], ++line];
      } else field += c;
    }
    if (quoted) return { rows, broken: start };
    if (field !== "" || fields.length) {
      end();
      rows.push({ line: start, fields });
    }
    return { rows };
  }

  const NUMBER = /^\d{1,3}$/;
  const score = (v) => (NUMBER.test(v) && whole(Number(v), 0, 10) ? Number(v) : false);
  // Columns 3 to 10: [field, its name, what it may hold, how to read it (false: it is wrong)].
  const SCORE = "a whole number from 0 to 10, or empty";
  const COLUMNS = [
    ["leg", "leg pain", SCORE, (v) => (v === "" ? null : score(v))],
    ["back", "back pain", SCORE, (v) => (v === "" ? null : score(v))],
    ["numb", "new numbness or weakness", "yes, no or empty", (v) => ["", "yes", "no"].includes(v)
      && v],
    ["sessions", "sessions", `a whole number from 0 to ${data.max_sessions}`,
      (v) => NUMBER.test(v) && whole(Number(v), 0, data.max_sessions) && Number(v)],
    ["feel", "how it felt", "better, same, worse or empty", (v) => ["", ...FEELS].includes(v) && v],
    ["what", "session", `at most ${MAX_WHAT} characters`, (v) => v.length <= MAX_WHAT
      && unguard(v)],
    ["note", "note", `at most ${data.max_note} characters`, (v) => v.length <= data.max_note
      && unguard(v)],
    ["from", "added by", "check-in or follow-along", (v) => FROM.includes(v) && v],
  ];

  // Every problem of a file at once, so a reader can mend it in one go; entries only if none.
  function fromCsv(input, size) {
    if (size > MAX_BYTES) {
      const kb = (n) => `${Math.ceil(n / 1000)} KB`;
      return { problems: [`The file is ${kb(size)}; a diary file is at most ${kb(MAX_BYTES)}.`] };
    }
    const { rows, broken } = parseCsv(input.replace(/^\uFEFF/, ""));
    if (!rows.length || rows[0].fields.join(",") !== HEAD.join(",")) {
      return { foreign: true, problems: [`Its first line should be: ${HEAD.join(",")}`] };
    }
    const problems = broken ? [`Line ${broken}: a quote (") is opened and never closed.`] : [];
    if (rows.length - 1 > MAX_ENTRIES) problems.push(`It has more than ${MAX_ENTRIES} entries.`);
    const entries = [];
    for (const { line, fields } of rows.slice(1, MAX_ENTRIES + 1)) {
      if (fields.length === 1 && fields[0] === "") continue; // a blank line
      if (fields.length !== HEAD.length) {
        problems.push(`Line ${line}: ${fields.length} fields, where there should be ${HEAD.length}`
          + ".");
        continue;
      }
      const at = `${fields[0]}T${fields[1]}`;
      const e = { at };
      if (!validAt(at)) problems.push(`Line ${line}: date and time: use 2026-12-31 and 09:30.`);
      COLUMNS.forEach(([field, name, rule, read], i) => {
        e[field] = read(fields[i + 2]);
        if (e[field] === false) problems.push(`Line ${line}: ${name}: use ${rule}.`);
      });
      entries.push(e);
    }
    return problems.length ? { problems } : { entries: entries.map(clean) };
  }

  // Imported entries join the diary; one it has already (same time and contents) is skipped.
  function merge(diary, entries) {
    const key = (e) => JSON.stringify({ ...e, id: "" });
    const have = new Set(diary.entries.map(key));
    const fresh = entries.filter((e) => !have.has(key(e)) && have.add(key(e)));
    diary.entries.push(...fresh);
    return fresh.length;
  }

  window.sgDiary = { load, save, sync, wipe, merge, toCsv, fromCsv, clean, local, newId, validAt,
    kept: () => kept, data };
})();
