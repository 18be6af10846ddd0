// Exercise library filters. Without this script the form stays hidden and every
// exercise is listed. Rules match sitegen/filters.py: ticks in one group widen
// ("any"), except "what you have", where an exercise shows only if it needs
// nothing you did not tick ("within"); different groups narrow.
(() => {
  const form = document.querySelector("[data-sg-filters]");
  if (!form) return;
  const cards = [...document.querySelectorAll("[data-sg-card]")];
  const sections = [...document.querySelectorAll("[data-sg-section]")];
  const facets = [...form.querySelectorAll("[data-sg-facet]")].map((fieldset) => ({
    name: fieldset.dataset.sgFacet,
    within: fieldset.dataset.sgMatch === "within",
    boxes: [...fieldset.querySelectorAll("input[type=checkbox]")],
  }));
  const status = form.querySelector("[data-sg-status]");
  const empty = document.querySelector("[data-sg-empty]");
  const valuesOf = (card, name) => (card.dataset[name] || "").split(" ").filter(Boolean);

  const ticked = () => Object.fromEntries(
    facets.map((f) => [f.name, new Set(f.boxes.filter((b) => b.checked).map((b) => b.value))]));

  const passes = (card, chosen, skip) => facets.every((f) => {
    const want = chosen[f.name];
    if (f.name === skip || want.size === 0) return true;
    const have = valuesOf(card, f.name);
    return f.within ? have.every((v) => want.has(v)) : have.some((v) => want.has(v));
  });

  // Each option's count: how many exercises you would see with that box ticked too.
  const countFor = (facet, box, chosen) => cards.filter((card) => {
    if (!passes(card, chosen, facet.name)) return false;
    const want = new Set([...chosen[facet.name], box.value]);
    const have = valuesOf(card, facet.name);
    return facet.within ? have.every((v) => want.has(v)) : have.includes(box.value);
  }).length;

  function update() {
    const chosen = ticked();
    let shown = 0;
    for (const card of cards) {
      card.hidden = !passes(card, chosen);
      if (!card.hidden) shown += 1;
    }
    for (const section of sections) {
      section.hidden = !section.querySelector("[data-sg-card]:not([hidden])");
    }
    for (const facet of facets) {
      for (const box of facet.boxes) {
        const count = box.parentElement.querySelector("[data-sg-count]");
        count.textContent = `(${countFor(facet, box, chosen)})`;
      }
    }
    const all = shown === cards.length;
    status.textContent = all
      ? `Showing all ${cards.length} exercises.`
      : `Showing ${shown} of ${cards.length} exercises.`;
    empty.hidden = shown > 0;
    // Keep the choice in the address, so reload, back and shared links keep it.
    const query = new URLSearchParams();
    for (const facet of facets) {
      for (const value of chosen[facet.name]) query.append(facet.name, value);
    }
    const search = query.toString();
    history.replaceState(null, "", search ? `?${search}` : location.pathname);
  }

  const wanted = new URLSearchParams(location.search);
  for (const facet of facets) {
    for (const box of facet.boxes) box.checked = wanted.getAll(facet.name).includes(box.value);
  }
  form.addEventListener("change", update);
  form.addEventListener("reset", () => setTimeout(update));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  update();
})();
