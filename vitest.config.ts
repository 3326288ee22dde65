import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(import.meta.dirname, "app") };

// Two projects: unit tests need nothing running; integration tests get a real
// embedded PostgreSQL + Meilisearch started once per run by the global setup.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node", setupFiles: ["./test/support/console-errors.ts"] },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["./test/support/global-setup.ts"],
          setupFiles: ["./test/support/console-errors.ts", "./test/support/setup-env.ts"],
          hookTimeout: 60_000,
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
