// ESLint for the JavaScript of this repository: what the service serves to browsers, the widget (widget.js) and the
// admin page (admin.js), and the Node.js scripts (*.mjs: the eval's MiniSearch runner, the glossary converter). The
// first two are plain scripts that run on other people's pages, so besides the recommended rules: nothing may leak
// into the page's global scope except window.BlogSearch, and no syntax newer than ES2017, which every browser that
// has Promise.prototype.finally (the widget needs it) reads.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["**/target/**", "**/node_modules/**"] },
  js.configs.recommended,
  {
    files: ["search-api/src/main/resources/**/*.js"],
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A top-level var or function of a script is a global of the blog's page.
      "no-implicit-globals": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "AssignmentExpression > MemberExpression.left[object.name=/^(window|self|globalThis)$/]"
            + "[property.name!='BlogSearch']",
          message: "The widget's only global is window.BlogSearch.",
        },
      ],
      "no-unused-vars": ["error", { caughtErrorsIgnorePattern: "^ignored$" }],
      strict: ["error", "function"],
      eqeqeq: ["error", "smart"],
    },
  },
  {
    files: ["eslint.config.js", "**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
];
