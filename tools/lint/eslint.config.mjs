// ESLint for our own scripts in overrides/assets/javascripts (make lint): the recommended
// rules, as they are. The scripts are plain browser scripts, not modules: mkdocs.yml's
// extra_javascript and overrides/main.html load them with <script src>, and each keeps its
// names inside an IIFE. The vendored code in vendor/ is published as it is, not ours to lint.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["**/vendor/**"] },
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      // ES2022, the newest they use (Object.hasOwn): newer syntax or globals are errors.
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser },
    },
  },
];
