/**
 * Prisma CLI configuration. Runs Prisma on its JS/WASM engines with a driver adapter, so no
 * native engine binary has to be downloaded (see STACK-NOTES). A config file turns off Prisma's
 * own .env loading, hence dotenv here.
 *
 * DATABASE_URL picks the schema, the migrations and the adapter: a `file:` URL uses
 * prisma/schema.prisma with SQLite, a `postgresql://` URL the generated prisma/postgres/ pair
 * with a PostgreSQL adapter fixed up for the schema engine (prisma/postgres-migration-adapter.ts).
 * `--schema` on the command line still wins (postinstall generates both clients that way).
 */
import "dotenv/config";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PRISMA_FILES, databaseProvider, databaseUrl, ensureSqliteFolder, postgresConnection } from "./lib/server/database-url";
import { postgresMigrationAdapter } from "./prisma/postgres-migration-adapter";

// The datasource reads env("DATABASE_URL"); without it the CLI tries to download an engine.
const url = databaseUrl();
process.env.DATABASE_URL = url;
const provider = databaseProvider(url);

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: PRISMA_FILES[provider].schema,
  migrations: { path: PRISMA_FILES[provider].migrations },
  async adapter() {
    if (provider === "postgresql") {
      const { connectionString, schema } = postgresConnection(url);
      return postgresMigrationAdapter(connectionString, schema);
    }
    ensureSqliteFolder(url);
    return new PrismaBetterSQLite3({ url });
  },
});
