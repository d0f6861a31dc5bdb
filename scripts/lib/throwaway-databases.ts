/**
 * Throw-away databases for tests and benchmarks: a SQLite file removed with its side files, and
 * a PostgreSQL database with a unique name on a given server, dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import pg from "pg";

/** Removes a SQLite database file with its journal, WAL and shared-memory files. */
export function removeSqliteDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

/** Runs one statement on the server's maintenance database (the one `serverUrl` names). */
async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Why the server cannot be used, or null when it answers. */
export async function postgresUnavailable(serverUrl: string): Promise<string | null> {
  try {
    await onServer(serverUrl, "SELECT 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export interface ThrowawayPostgres {
  name: string;
  url: string;
  /** Drops the database, also while connections to it remain (PostgreSQL 13+). */
  drop(): Promise<void>;
}

/** Creates `<prefix>_<random>` on the server at `serverUrl` (the role needs CREATEDB). */
export async function createPostgresDatabase(serverUrl: string, prefix: string): Promise<ThrowawayPostgres> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
