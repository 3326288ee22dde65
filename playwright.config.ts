import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data-e2e";
// The phone project has a portal of its own (its own database): the specs change the demo data (a rosa is presented,
// a vacancy closes), so each project starts from the same seeded state, and both run at the same time.
const MOBILE_PORT = Number(process.env.E2E_MOBILE_PORT ?? PORT + 1);
const MOBILE_DATA_DIR = `${DATA_DIR}-mobile`;

/** The projects named on the command line (`--project x`, `--project=x`), or null for all: only their portals start. */
function requestedProjects(): string[] | null {
  const names: string[] = [];
  process.argv.forEach((arg, i) => {
    if (arg === "--project" && process.argv[i + 1]) names.push(process.argv[i + 1]!);
    else if (arg.startsWith("--project=")) names.push(arg.slice("--project=".length));
  });
  return names.length ? names : null;
}
const requested = requestedProjects();
const wants = (project: string) => !requested || requested.includes(project);

function portal(port: number, dataDir: string) {
  return {
    // Plain node (not npm/npx) so SIGTERM reaches the server and it stops PostgreSQL and Meilisearch.
    command: `rm -rf ${dataDir} && node --import tsx server/index.ts`,
    url: `http://127.0.0.1:${port}/healthz`,
    // LOG_LEVEL=warn: the test output shows the portal's warnings and errors, not a line per request.
    env: {
      PORT: String(port),
      NODE_ENV: "production",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
  };
}

export default defineConfig({
  testDir: "test/e2e",
  // Two projects side by side on a 2-core machine: each test has twice the time it had alone.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One test at a time per project (each project's specs share its portal's data), the two projects side by side.
  workers: 2,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    headless: true,
    locale: "it-IT",
    timezoneId: "Europe/Rome",
    launchOptions: {
      // Debian's Chromium: Playwright never downloads a browser here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      workers: 1,
      // The tour of every page of every role runs on the phone, the narrower (and so the stricter) of the two.
      testIgnore: /pages\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${PORT}`, viewport: { width: 1280, height: 720 } },
    },
    {
      // Every spec again on a 390 px phone (iPhone 12–14 size): the fixtures fail on any page wider than the screen.
      name: "mobile",
      workers: 1,
      use: {
        baseURL: `http://127.0.0.1:${MOBILE_PORT}`,
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
  webServer: [...(wants("desktop") ? [portal(PORT, DATA_DIR)] : []), ...(wants("mobile") ? [portal(MOBILE_PORT, MOBILE_DATA_DIR)] : [])],
});
