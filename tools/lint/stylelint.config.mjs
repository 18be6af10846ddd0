// stylelint for overrides/assets/stylesheets/*.css (make lint): the standard config, with
// these adjustments for a stylesheet that extends Material for MkDocs.
const kebab = "[a-z0-9]+(?:-[a-z0-9]+)*";

export default {
  extends: ["stylelint-config-standard"],
  rules: {
    // The theme's classes and ours are BEM: block, __element, --modifier
    // (.md-content__inner, .md-button--primary, .sg-filters__title).
    "selector-class-pattern": `^${kebab}(?:__${kebab})?(?:--${kebab})?$`,
    // Material's custom properties have modifiers too: --md-default-fg-color--light.
    "custom-property-pattern": `^${kebab}(?:--${kebab})*$`,
    // :not(.a):not(.b) counts each class toward specificity; :not(.a, .b) counts only
    // one, so rewriting it would let rules that lose today win.
    "selector-not-notation": "simple",
    // min-width: as the theme's own queries; Safari before 16.4 ignores (width >= 60em).
    "media-feature-range-notation": "prefix",
    // It compares selectors by their last part only, so it flags rules for different
    // elements (".sg-search-sign a" after ".md-typeset a:not(...)"). Satisfying it means
    // sorting rules by specificity instead of by purpose, and the print rules' order is
    // what keeps each sheet on its pages (see the print section of extra.css).
    "no-descending-specificity": null,
  },
};
