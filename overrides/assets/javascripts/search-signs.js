// A link to the red flags above the search results when the query names a serious sign.
// The theme ranks pages by its own weights, so "cant feel toilet paper" can put a page about
// feeling first. The phrases come from content/red-flags.yaml, written into the red-flag box
// on every page (data-sg-sign-words, "|" between phrases). A query shows the link when it has
// every word of one phrase, as whole words in any order; apostrophes are dropped first, so
// "can't" and "can’t" are "cant".
(() => {
  const input = document.querySelector("[data-md-component=search-query]");
  const result = document.querySelector("[data-md-component=search-result]");
  const flags = document.querySelector("[data-sg-sign-words]");
  if (!input || !result || !flags) return;
  const meta = result.querySelector(".md-search-result__meta");
  const link = flags.querySelector("a[href*=red-flags]");
  if (!meta || !link) return;
  const phrases = flags.dataset.sgSignWords.split("|").map((phrase) => phrase.split(" "));

  // A live region that stays in the page, so screen readers announce the link when it appears.
  const box = document.createElement("p");
  box.className = "sg-search-sign";
  box.setAttribute("aria-live", "polite");
  meta.before(box);

  function words(query) {
    const plain = query.toLowerCase().replace(/['\u2019]/g, "");
    return new Set(plain.split(/[^\p{L}]+/u).filter(Boolean));
  }

  function namesASign(query) {
    const said = words(query);
    return phrases.some((phrase) => phrase.every((word) => said.has(word)));
  }

  function show(visible) {
    if (!visible) {
      box.replaceChildren();
      return;
    }
    const a = document.createElement("a");
    a.href = link.href;
    a.textContent = "Check the red flags: when to get urgent help";
    box.replaceChildren("Is this a serious sign? ", a);
  }

  // The theme rewrites the result count after every search: check that query.
  new MutationObserver(() => show(namesASign(input.value))).observe(meta, {
    childList: true,
    characterData: true,
    subtree: true,
  });
})();
