/**
 * Starts the app for the end-to-end tests: a fresh SQLite database seeded with the demo data,
 * a production build, `next start` on E2E_PORT. Refuses any database that is not a local file.
 */
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";

const port = process.env.E2E_PORT ?? "3100";
// One database and build folder per port, so two e2e runs on one machine do not collide.
const databaseFile = `data/e2e-${port}.db`;
const env = {
  ...process.env,
  DATABASE_URL: `file:./${databaseFile}`,
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: port === "3100" ? ".next" : `.next-e2e-${port}`,
};

for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${databaseFile}${suffix}`, { force: true });
execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/prepare.ts"], { stdio: "inherit", env });
if (process.env.E2E_SKIP_BUILD !== "1") execFileSync("npm", ["run", "build"], { stdio: "inherit", env });
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
