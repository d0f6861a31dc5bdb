import { defineConfig } from "vitest/config";
import path from "node:path";
import { availableParallelism } from "node:os";

// The data-layer tests run on SQLite always and, when TEST_POSTGRES_URL names a PostgreSQL server
// (e.g. postgresql://postgres@127.0.0.1:5432/postgres), a second time on PostgreSQL. Each project
// tells tests/test-database.ts which kind of database to create.
const postgres = process.env.TEST_POSTGRES_URL
  ? [
      {
        extends: true as const,
        test: {
          name: "postgres",
          include: ["tests/**/*.test.ts"],
          // No database in these: once is enough.
          exclude: ["tests/safe-fetch.test.ts", "tests/postgres-schema.test.ts", "tests/highlighted-article.test.ts", "tests/passwords.test.ts"],
          env: { TEST_DATABASE_PROVIDER: "postgresql" },
        },
      },
    ]
  : [];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; the data layer is tested in plain Node.
      "server-only": path.resolve(import.meta.dirname, "tests/stubs/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    // Most test files wait on a database server, a database file or child processes more than
    // they compute: on 2 cores, 4 workers ran the suite (SQLite + PostgreSQL) in 177 s instead of
    // 382 s with Vitest's default of one per core.
    maxWorkers: Math.max(4, availableParallelism()),
    projects: [
      {
        extends: true,
        test: { name: "sqlite", include: ["lib/**/*.test.ts", "tests/**/*.test.ts"], env: { TEST_DATABASE_PROVIDER: "sqlite" } },
      },
      ...postgres,
    ],
  },
});
