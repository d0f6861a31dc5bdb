/**
 * Backups and restores of the database DATABASE_URL names (scripts/db-backup.ts is the command).
 *
 * - SQLite: SQLite's online backup API (better-sqlite3 `backup`) copies a consistent snapshot
 *   while the app keeps reading and writing. Restore copies the file into place, and refuses while
 *   another connection has the database open (the app must be stopped: replacing a file under an
 *   open connection corrupts what it sees). The replaced file is kept beside it.
 * - PostgreSQL: `pg_dump --format=custom` (one repeatable-read snapshot; writers go on) and
 *   `pg_restore --clean --single-transaction` into the target database, refused while other
 *   sessions are connected to it unless forced.
 * Both write to a temporary name first, so a failed backup never leaves a half file behind.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider, ensureSqliteFolder, postgresConnection, sqliteFile, type DatabaseProvider } from "./database-url";

const run = promisify(execFile);

/** Where `npm run db:backup` writes without an argument: data/backups/, named by kind and time. */
export function defaultBackupFile(url: string, now = new Date()): string {
  const provider = databaseProvider(url);
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  return path.join("data", "backups", `factcheck-${provider}-${stamp}.${provider === "sqlite" ? "db" : "dump"}`);
}

/** The kind of database a backup file holds, from its first bytes. */
export function backupKind(file: string): DatabaseProvider | null {
  const head = readFileSync(file).subarray(0, 16).toString("latin1");
  if (head.startsWith("SQLite format 3\0")) return "sqlite";
  if (head.startsWith("PGDMP")) return "postgresql";
  return null;
}

/** Writes a consistent snapshot of the database at `url` to `file` (overwriting it). */
export async function backupDatabase(url: string, file: string): Promise<void> {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    if (databaseProvider(url) === "sqlite") await backupSqlite(sqliteFile(url), partial);
    else await pgTool("pg_dump", url, ["--format=custom", `--file=${partial}`]);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Replaces the database at `url` with the backup in `file`. */
export async function restoreDatabase(url: string, file: string, { force = false } = {}): Promise<void> {
  const provider = databaseProvider(url);
  const kind = backupKind(file);
  if (kind !== provider) throw new Error(`${file} is ${kind ? `a ${kind} backup` : "not a backup"}; DATABASE_URL names a ${provider} database`);
  if (provider === "sqlite") return restoreSqlite(file, sqliteFile(url));
  if (!force) await refuseIfPostgresInUse(url);
  await pgTool("pg_restore", url, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"], file);
}

async function backupSqlite(source: string, target: string): Promise<void> {
  const db = new Database(source, { fileMustExist: true, timeout: 5_000 });
  try {
    // The first step copies 100 pages; the callback makes every later step copy all the rest.
    // A step is one read transaction, so each step (and each restart after a write by another
    // connection) copies a consistent snapshot at once instead of trickling behind the writers.
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  checkSqlite(target);
}

/** Throws unless `file` is an intact SQLite database with the app's migrations table. */
export function checkSqlite(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`${file} failed SQLite's integrity check: ${String(result)}`);
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = '_prisma_migrations'").get()) throw new Error(`${file} is not a database of this app`);
  } finally {
    db.close();
  }
}

/**
 * Throws if another connection has the SQLite file open. In WAL mode (which prepare.ts sets) every
 * open connection holds a shared lock, so an exclusive lock succeeds only when nobody else is there.
 */
export function refuseIfSqliteInUse(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE; COMMIT");
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") throw new Error(`${file} is in use: stop the app before restoring`);
    throw error;
  } finally {
    db.close();
  }
}

function restoreSqlite(backup: string, target: string): void {
  checkSqlite(backup);
  ensureSqliteFolder(`file:${target}`);
  if (existsSync(target)) {
    refuseIfSqliteInUse(target);
    // Keep the database being replaced (with any WAL leftovers) instead of deleting it.
    const aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(target + suffix)) renameSync(target + suffix, aside + suffix);
    console.log(`restore: the replaced database was moved to ${aside}`);
  }
  const incoming = `${target}.restoring`;
  copyFileSync(backup, incoming);
  renameSync(incoming, target);
}

/** Runs pg_dump or pg_restore on the database at `url`; the password goes by environment, not argv. */
async function pgTool(tool: "pg_dump" | "pg_restore", url: string, args: string[], input?: string): Promise<void> {
  const target = new URL(postgresConnection(url).connectionString);
  const password = decodeURIComponent(target.password);
  target.password = "";
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  try {
    await run(tool, [...args, `--dbname=${target.toString()}`, ...(input ? [input] : [])], { env, maxBuffer: 16 << 20 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    if ((error as { code?: string }).code === "ENOENT") throw new Error(`${tool} is not installed (Debian: apt-get install postgresql-client)`);
    throw new Error(`${tool} failed${stderr ? `: ${stderr}` : ""}`);
  }
}

async function refuseIfPostgresInUse(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresConnection(url).connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
    );
    const others = Number(rows[0].count);
    if (others > 0) throw new Error(`${others} other session(s) are connected to the database: stop the app before restoring (or pass --force)`);
  } finally {
    await client.end();
  }
}
