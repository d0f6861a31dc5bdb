/**
 * Backup and restore of the database DATABASE_URL names (see lib/server/backup.ts for how).
 *
 *   npm run db:backup [-- <file>]           while the app runs; default data/backups/factcheck-<kind>-<time>.<db|dump>
 *   npm run db:restore -- <file> [--force]  with the app stopped; --force (PostgreSQL only) ignores other sessions
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import "dotenv/config";
import { backupDatabase, defaultBackupFile, restoreDatabase } from "../lib/server/backup";
import { databaseUrl, redactUrl } from "../lib/server/database-url";

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const url = databaseUrl();
  const force = rest.includes("--force");
  const file = rest.find((arg) => !arg.startsWith("--"));
  if (command === "backup") {
    const target = file ?? defaultBackupFile(url);
    mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    await backupDatabase(url, target);
    console.log(`backup: ${redactUrl(url)} → ${target}`);
  } else if (command === "restore" && file) {
    await restoreDatabase(url, file, { force });
    console.log(`restore: ${file} → ${redactUrl(url)}`);
  } else {
    throw new Error("usage: db-backup.ts backup [file] | restore <file> [--force]");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
