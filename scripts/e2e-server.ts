/**
 * Starts the app for the end-to-end tests: a fresh SQLite database seeded with the demo data,
 * a production build, `next start` on E2E_PORT. Refuses any database that is not a local file.
 */
import { appEnv, buildApp, DEFAULT_E2E_PORT, e2eDistDir, prepareDatabase, serveInForeground, type AppSettings } from "./lib/app-instances";
import { removeSqliteDatabase } from "./lib/throwaway-databases";

const port = Number(process.env.E2E_PORT ?? DEFAULT_E2E_PORT);
// One database and build folder per port, so two e2e runs on one machine do not collide.
const databaseFile = `data/e2e-${port}.db`;
const settings: AppSettings = {
  port,
  databaseUrl: `file:./${databaseFile}`,
  distDir: e2eDistDir(port),
  secret: "e2e-only-secret-not-for-production-0123456789",
};

removeSqliteDatabase(databaseFile);
prepareDatabase(appEnv(settings));
if (process.env.E2E_SKIP_BUILD !== "1") buildApp(appEnv(settings));
serveInForeground(settings);
