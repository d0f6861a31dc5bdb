/**
 * Where the database lives and which kind it is. `DATABASE_URL` decides: a `file:` URL is a
 * SQLite file (the embedded default, created and migrated on first start, resolved from the
 * working directory); a `postgresql://` or `postgres://` URL is a PostgreSQL database.
 * Shared by the app (lib/server/db.ts), the Prisma CLI (prisma.config.ts) and the scripts.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/factcheck.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The database kind a URL names; anything else is a configuration error, reported at once. */
export function databaseProvider(url: string = databaseUrl()): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL), not "${redactUrl(url).slice(0, 40)}"`);
}

/**
 * The schema and migrations for each kind. prisma/schema.prisma is the source of truth; the
 * PostgreSQL pair is generated from it (npm run db:generate-postgres).
 */
export const PRISMA_FILES: Record<DatabaseProvider, { schema: string; migrations: string }> = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" },
};

/** The file a `file:` URL names (without query parameters). */
export function sqliteFile(url: string): string {
  return path.resolve(url.slice("file:".length).split("?")[0]);
}

/** Creates the folder a SQLite file will be written to (SQLite creates the file, not its folder). */
export function ensureSqliteFolder(url: string): void {
  if (!url.startsWith("file:")) return;
  const file = url.slice("file:".length).split("?")[0];
  if (file && file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

// Parameters of Prisma's PostgreSQL URLs that neither node-postgres nor libpq (pg_dump) know.
const PRISMA_ONLY_PARAMETERS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"];

/**
 * A PostgreSQL URL split into what the drivers understand and Prisma's `schema` parameter
 * (the adapter takes it as an option; the default is `public`).
 */
export function postgresConnection(url: string): { connectionString: string; schema?: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  for (const name of PRISMA_ONLY_PARAMETERS) parsed.searchParams.delete(name);
  return { connectionString: parsed.toString(), schema };
}

/** The URL without its password, for log lines. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");
}
