/**
 * Where the database lives. The embedded default is a SQLite file in ./data, created and
 * migrated on first start; a `file:` URL is resolved from the working directory.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/factcheck.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Creates the folder a SQLite file will be written to (SQLite creates the file, not its folder). */
export function ensureSqliteFolder(url: string): void {
  if (!url.startsWith("file:")) return;
  const file = url.slice("file:".length).split("?")[0];
  if (file && file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
