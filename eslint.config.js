// ESLint (flat config): the recommended JavaScript and typescript-eslint rules, without type information (fast).
// Turned off below, each with its reason; the layering itself is checked by dependency-cruiser (npm run lint:deps).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["build/", "public/build/", ".data*/", "node_modules/", "test-results/", "playwright-report/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: "warn" },
    rules: {
      // Unused bindings: an error, except names starting with "_" (rest siblings, ignored arguments).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // Off: the hand-written parsers (candidate CSV, synthetic candidates) use comma expressions in one-line branches.
      "@typescript-eslint/no-unused-expressions": "off",
    },
  },
  {
    // Migrations are frozen and typed against Kysely<any>, as Kysely's own documentation does (a migration must not
    // depend on today's table types); the migration test and runner share that type.
    files: [
      "migrations/**",
      "server/migrate.ts",
      "server/db-types.ts",
      "test/integration/delegation-migration.test.ts",
      "test/integration/vacancy-codes-migration.test.ts",
      "test/integration/hire-outcome-codes-migration.test.ts",
      "test/support/migration-db.ts",
    ],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Remix's generated type declarations reference its packages with triple-slash directives.
    files: ["**/*.d.ts"],
    rules: { "@typescript-eslint/triple-slash-reference": "off" },
  },
);
