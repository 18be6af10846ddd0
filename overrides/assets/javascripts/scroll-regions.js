// A table wider than the screen scrolls sideways in its wrapper. Keyboard users can
// scroll it only if the wrapper takes focus, and screen readers need it named (WCAG 2.1.1).
// The theme adds the wrappers after load, so this runs on its document$ signal.
function markScrollRegions() {
  for (const wrapper of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrapper.scrollWidth > wrapper.clientWidth) {
      wrapper.tabIndex = 0;
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("aria-label", "Table: scroll sideways to see all of it");
    }
  }
}
if (window.document$) window.document$.subscribe(markScrollRegions);
else markScrollRegions();
