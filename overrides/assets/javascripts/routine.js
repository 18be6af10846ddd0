"use strict";
// The reader's own routine: exercise ids and doses, kept in this browser only
// (localStorage; no account, no server). On every page it runs the "Add to my routine"
// buttons (hidden without JavaScript) and the "My routine (3)" links, and it lends
// load and save to my-routine.js.
(() => {
  const KEY = "sg-routine";
  const MAX = 8; // sitegen/routine_catalog.py MAX_ITEMS (a test keeps them equal)
  let memory = {};
  let kept = true;

  // Stored data may be old or edited by hand: keep the shape this code knows (my-routine.js
  // checks ids and doses against the catalog).
  const clean = (value) => ({
    items: (Array.isArray(value?.items) ? value.items : [])
      .filter((item) => typeof item?.id === "string")
      .slice(0, MAX)
      .map(({ id, dose }) => ({ id, dose: Object(dose) })),
    text: Object(value?.text),
  });

  function load() {
    try {
      memory = JSON.parse(localStorage.getItem(KEY));
    } catch (error) {
      // Private modes and policies make storage throw: the routine then lives in memory.
      if (error.name !== "SyntaxError") kept = false;
    }
    return clean(memory);
  }

  function save(routine) {
    memory = clean(routine);
    try {
      localStorage.setItem(KEY, JSON.stringify(memory));
    } catch {
      kept = false;
    }
  }

  const status = Object.assign(document.createElement("p"), {
    className: "sg-visually-hidden",
    role: "status",
  });
  document.body.append(status);
  const count = (n) => (n === 1 ? "1 exercise" : `${n} exercises`);

  function refresh() {
    const ids = load().items.map((item) => item.id);
    for (const block of document.querySelectorAll("[data-sg-routine-add]")) {
      const added = ids.includes(block.dataset.sgRoutineAdd);
      const label = block.querySelector("[data-sg-routine-label]");
      label.textContent = `${added ? "Remove from" : "Add to"} my routine`;
      block.hidden = false;
    }
    for (const link of document.querySelectorAll("[data-sg-routine-count]")) {
      link.textContent = `My routine (${ids.length})`;
    }
  }

  function toggle(block) {
    const id = block.dataset.sgRoutineAdd;
    const name = block.querySelector("[data-sg-routine-name]").textContent;
    const routine = load();
    const at = routine.items.findIndex((item) => item.id === id);
    let message = `${name} added.`;
    if (at >= 0) {
      routine.items.splice(at, 1);
      message = `${name} removed.`;
    } else if (routine.items.length >= MAX) {
      message = `Your routine is full. Remove one of its ${MAX} exercises first.`;
    } else {
      routine.items.push({ id, dose: {} });
    }
    save(routine);
    refresh();
    const lost = kept ? "" : " This browser does not keep it when you leave the page.";
    status.textContent = `${message} Your routine has ${count(routine.items.length)}.${lost}`;
  }

  // Follow along links: what to follow goes in the address's # part, which no server sees.
  for (const link of document.querySelectorAll("a[data-sg-follow]")) {
    link.hash = link.dataset.sgFollow;
  }
  for (const block of document.querySelectorAll("[data-sg-routine-add]")) {
    block.querySelector("button").addEventListener("click", () => toggle(block));
  }
  // Another tab may change the routine.
  window.addEventListener("storage", (event) => event.key === KEY && refresh());
  refresh();
  window.sgRoutine = { load, save, kept: () => kept, count };
})();
