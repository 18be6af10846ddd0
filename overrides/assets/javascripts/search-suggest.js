// "Did you mean …?" under the search box. The theme's search matches whole words and word
// starts only, so "hamstrng" finds nothing. When a word of the query (4 letters or more)
// starts no word of the search index, this offers the closest index word: Damerau-Levenshtein
// distance (swapping two neighbouring letters is one edit) at most 1 for words of 4-5 letters,
// 2 for longer ones; a tie goes to the word in more index entries. Choosing it (click it, or
// ArrowDown from the box and Enter; Enter in the box when nothing matched) puts the corrected
// query in the box, and the theme searches again.
// The words come from the index the theme loads itself: search/search_index.json (same file,
// same host), or in the offline copy the __index global that search/search_index.js sets.
(() => {
  const input = document.querySelector("[data-md-component=search-query]");
  const result = document.querySelector("[data-md-component=search-result]");
  const config = document.getElementById("__config");
  if (!input || !result || !config) return;
  const meta = result.querySelector(".md-search-result__meta");
  const list = result.querySelector(".md-search-result__list");

  // A live region that stays in the page, so screen readers announce what appears in it.
  const box = document.createElement("p");
  box.className = "sg-search-suggest";
  box.setAttribute("aria-live", "polite");
  box.setAttribute("aria-atomic", "true");
  meta.after(box);

  let vocabulary = null;
  function loadVocabulary() {
    if (!vocabulary) {
      const base = new URL(JSON.parse(config.textContent).base, location.href);
      const index = location.protocol === "file:"
        ? Promise.resolve(window.__index)
        : fetch(new URL("search/search_index.json", base)).then((response) => response.json());
      vocabulary = index.then(wordsOf).catch(() => {
        vocabulary = null; // not loaded (yet): try again with the next query
        return null;
      });
    }
    return vocabulary;
  }

  // Every word of the index as the theme's search splits and trims it, with the number of
  // entries (pages and their sections) it appears in.
  function wordsOf(index) {
    const separator = new RegExp(index.config.separator);
    const count = new Map();
    const trimmed = (w) => w.toLowerCase().replace(/^\W+|\W+$/g, "");
    for (const doc of index.docs) {
      const tags = (doc.tags || []).join(" ");
      const text = `${doc.title} ${doc.text} ${tags}`.replace(/<[^>]*>/g, " ");
      const words = new Set(text.split(separator).map(trimmed));
      for (const word of words) if (word) count.set(word, (count.get(word) || 0) + 1);
    }
    return { sorted: [...count.keys()].sort(), count };
  }

  // Search matches word starts, so a word is known if some index word starts with it.
  function known(term, { sorted }) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle] < term) low = middle + 1;
      else high = middle;
    }
    return low < sorted.length && sorted[low].startsWith(term);
  }

  // Edits to turn a into b: insert, delete, replace, or swap two neighbouring letters.
  function distance(a, b) {
    let before = [];
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      const current = [i];
      for (let j = 1; j <= b.length; j += 1) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          current[j] = Math.min(current[j], before[j - 2] + 1);
        }
      }
      [before, previous] = [previous, current];
    }
    return previous[b.length];
  }

  function closest(term, { sorted, count }) {
    const limit = term.length < 6 ? 1 : 2;
    let best = null;
    let bestDistance = limit + 1;
    for (const word of sorted) {
      if (Math.abs(word.length - term.length) > limit || !/^\p{L}+$/u.test(word)) continue;
      const d = distance(term, word);
      if (d < bestDistance || (d === bestDistance && count.get(word) > count.get(best))) {
        best = word;
        bestDistance = d;
      }
    }
    return best;
  }

  // The query with each unknown word replaced by its closest index word, or null.
  function corrected(query, words) {
    let changed = false;
    const fixed = query.replace(/\p{L}+/gu, (word) => {
      const term = word.toLowerCase();
      const better = term.length < 4 || known(term, words) ? null : closest(term, words);
      if (!better) return word;
      changed = true;
      return better;
    });
    return changed ? fixed : null;
  }

  function show(suggestion) {
    if (!suggestion) {
      box.replaceChildren();
      return;
    }
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sg-search-suggest__button";
    button.textContent = suggestion;
    box.replaceChildren("Did you mean ", button, "?");
  }

  function accept(button) {
    input.value = button.textContent;
    input.focus();
    // The theme searches on keyup.
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  // The theme rewrites the result count after every search: suggest for that query.
  new MutationObserver(() => {
    const query = input.value;
    if (!query.trim()) {
      show(null);
      return;
    }
    loadVocabulary().then((words) => {
      if (input.value === query) show(words ? corrected(query, words) : null);
    });
  }).observe(meta, { childList: true, characterData: true, subtree: true });

  box.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button) accept(button);
  });
  // The theme handles keys for the whole search dialog on window: keep the ones meant here.
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.stopPropagation(); // the button's own click runs
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      event.stopPropagation();
      input.focus();
    }
  });
  input.addEventListener("keydown", (event) => {
    const button = box.querySelector("button");
    if (!button) return;
    if (event.key === "ArrowDown" || (event.key === "Enter" && !list.children.length)) {
      event.preventDefault();
      event.stopPropagation();
      if (event.key === "Enter") accept(button);
      else button.focus();
    }
  });
})();
