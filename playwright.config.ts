import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;

// Debian's Chromium where it exists (Playwright cannot download browsers here), Playwright's own elsewhere.
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const launchOptions = {
  executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: PORT === 3100 ? "test-results" : `test-results-${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: PORT === 3100 ? "playwright-report" : `playwright-report-${PORT}` }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "de-DE",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: {
    // A production build on a throw-away database (see scripts/e2e-server.ts).
    command: "tsx --conditions=react-server scripts/e2e-server.ts",
    url: `${BASE_URL}/api/v1/articles`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // The import test serves its article from a local server (e2e/import.spec.ts); 127.0.0.1 is otherwise refused.
    env: { E2E_PORT: String(PORT), IMPORT_ALLOWED_HOSTS: "127.0.0.1,localhost" },
  },
});
