/**
 * Load benchmark: `npm run bench:load` (= `tsx --conditions=react-server bench/load.ts`).
 *
 * A production build (`.next-e2e-bench`, built unless BENCH_REUSE_BUILD=1 finds one) is started
 * on loopback only, in three configurations, each on a fresh, seeded database:
 *   sqlite       one instance on a SQLite file (data/bench-load.db)
 *   postgresql   one instance on a new PostgreSQL database
 *   postgresql×2 two instances on one new PostgreSQL database (skipped, like the one above, with
 *                the reason printed when BENCH_POSTGRES_URL's server does not answer)
 * Each instance runs from its own copy of the build (scripts/lib/app-instances.ts).
 *
 * Per configuration three workloads, BENCH_DURATION seconds each (default 30), after a short
 * warm-up of the same workload:
 *   reader page      GET /articles/<slug>, 50 connections
 *   annotations API  GET /api/v1/articles/<slug>/annotations, 50 connections
 *   writers          20 connections, each a different signed-in reviewer creating claims and
 *                    editing them (bench/lib/load-writers.ts)
 * With two instances autocannon spreads the connections round-robin: connection i talks to
 * instance i mod 2 for the whole run (autocannon's multi-URL mode; no proxy in between).
 * Afterwards every acknowledged write is checked in the database (bench/lib/load-database.ts).
 *
 * The 20 reviewer accounts are created through the data layer as an admin would; each signs in
 * once over HTTP through next-auth's credentials flow, all from 127.0.0.1. The per-address
 * sign-in limit counts failed sign-ins only (lib/server/sign-in-throttle.ts), so 20 successful
 * ones from one address are not throttled, and TRUST_PROXY stays off: no forged X-Forwarded-For.
 *
 * Prints req/s, latency p50/p97.5/p99, errors, timeouts, non-2xx, 5xx and lost writes per run,
 * and the command that reproduces them. Exits 1 on any error, timeout, 5xx or lost write; never
 * on speed. Environment: BENCH_DURATION (s), BENCH_REUSE_BUILD=1, BENCH_POSTGRES_URL (default
 * postgresql://postgres@127.0.0.1:5432/postgres), BENCH_ONLY (comma-separated configuration names).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { appEnv, buildApp, hasBuild, prepareDatabase, startInstances, type AppSettings } from "../scripts/lib/app-instances";
import { createPostgresDatabase, postgresUnavailable, removeSqliteDatabase } from "../scripts/lib/throwaway-databases";
import { runAutocannon, type AutocannonOptions, type AutocannonResult } from "./lib/load-autocannon";
import { createBenchAccounts, verifyWrites, type WriteVerification } from "./lib/load-database";
import { signInOverHttp } from "./lib/load-sessions";
import { pickPassages, WriteLedger, writerClients } from "./lib/load-writers";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 30);
const WARM_UP_S = Math.min(3, DURATION_S);
const REUSE_BUILD = process.env.BENCH_REUSE_BUILD === "1";
const POSTGRES_SERVER = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ONLY = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());
// A name .gitignore and the lint configuration already leave alone (`.next-e2e-*`).
const DIST_DIR = ".next-e2e-bench";
const PORTS = [3245, 3246];
const HOST = "127.0.0.1";
const SECRET = "load-bench-only-secret-not-for-production-0123456789";
const SQLITE_FILE = "data/bench-load.db";
const LOG_FOLDER = "data/bench-load-logs";
const READER_CONNECTIONS = 50;
const WRITER_CONNECTIONS = 20;
const PASSAGES = 500;

interface Configuration {
  name: string;
  instances: number;
  /** A fresh database: its URL and how to get rid of it. */
  database(): Promise<{ url: string; drop(): Promise<void> }>;
}

interface Run {
  configuration: string;
  workload: string;
  connections: number;
  result: AutocannonResult;
  writes?: WriteVerification;
}

const CONFIGURATIONS: Configuration[] = [
  {
    name: "sqlite",
    instances: 1,
    database: async () => {
      removeSqliteDatabase(SQLITE_FILE);
      return { url: `file:./${SQLITE_FILE}`, drop: async () => removeSqliteDatabase(SQLITE_FILE) };
    },
  },
  { name: "postgresql", instances: 1, database: () => createPostgresDatabase(POSTGRES_SERVER, "factcheck_bench") },
  { name: "postgresql×2", instances: 2, database: () => createPostgresDatabase(POSTGRES_SERVER, "factcheck_bench") },
];

function reproduceCommand(): string {
  const settings = [`BENCH_DURATION=${DURATION_S}`, process.env.BENCH_ONLY ? `BENCH_ONLY=${process.env.BENCH_ONLY}` : "", process.env.BENCH_POSTGRES_URL ? `BENCH_POSTGRES_URL=${POSTGRES_SERVER}` : ""];
  return `${settings.filter(Boolean).join(" ")} npm run bench:load   (BENCH_REUSE_BUILD=1 skips the build when ${DIST_DIR} exists)`;
}

function ensureBuild(): void {
  if (REUSE_BUILD && hasBuild(DIST_DIR)) {
    console.log(`build: reusing ${DIST_DIR} (built ${statSync(`${DIST_DIR}/BUILD_ID`).mtime.toISOString()})`);
    return;
  }
  console.log(`build: npm run build into ${DIST_DIR} (a few minutes on 2 cores)…`);
  // The build reads no database; the settings only give it a complete environment.
  buildApp(appEnv({ port: PORTS[0], host: HOST, databaseUrl: `file:./${SQLITE_FILE}`, distDir: DIST_DIR, secret: SECRET }), { quiet: true });
}

async function measure(configuration: string, workload: string, options: AutocannonOptions): Promise<Run> {
  await runAutocannon({ ...options, duration: WARM_UP_S });
  const result = await runAutocannon(options);
  const run = { configuration, workload, connections: options.connections, result };
  console.log(`  ${formatRun(run)}`);
  return run;
}

async function runConfiguration(configuration: Configuration): Promise<Run[]> {
  console.log(`\n${configuration.name}: ${configuration.instances} instance(s)`);
  const database = await configuration.database();
  try {
    const settings: AppSettings[] = PORTS.slice(0, configuration.instances).map((port) => ({ port, host: HOST, databaseUrl: database.url, distDir: DIST_DIR, secret: SECRET }));
    prepareDatabase(appEnv(settings[0]), { quiet: true });
    const { accounts, articleSlug, articleText } = createBenchAccounts(database.url, WRITER_CONNECTIONS);
    const logPrefix = `${LOG_FOLDER}/${configuration.name.replace(/\W/g, "-")}`;
    const running = await startInstances(settings, { privateBuildCopies: true, logPrefix });
    try {
      // Sessions are signed JWTs checked against the shared database, so one sign-in serves every instance.
      const sessions: string[] = [];
      for (const account of accounts) sessions.push(await signInOverHttp(running.urls[0], account));
      const urlsFor = (path: string) => running.urls.map((base) => `${base}${path}`);
      const runs = [
        await measure(configuration.name, "reader page", { url: urlsFor(`/articles/${articleSlug}`), connections: READER_CONNECTIONS, duration: DURATION_S }),
        await measure(configuration.name, "annotations API", { url: urlsFor(`/api/v1/articles/${articleSlug}/annotations`), connections: READER_CONNECTIONS, duration: DURATION_S }),
      ];
      // Warm-up writes go into the same ledger: they are checked like the measured ones.
      const ledger = new WriteLedger(`${configuration.name.replace(/\W/g, "")}-${randomBytes(3).toString("hex")}`);
      const setupClient = writerClients({ sessions, slug: articleSlug, passages: pickPassages(articleText, PASSAGES), ledger });
      const writers = await measure(configuration.name, "writers", { url: running.urls, connections: WRITER_CONNECTIONS, duration: DURATION_S, setupClient });
      writers.writes = verifyWrites(database.url, ledger.acknowledged);
      console.log(`  writes: ${writers.writes.acknowledged} acknowledged on ${writers.writes.claims} claims, ${writers.writes.lost} lost`);
      for (const problem of writers.writes.problems) console.log(`    lost: ${problem}`);
      runs.push(writers);
      return runs;
    } finally {
      await running.stop();
    }
  } finally {
    await database.drop();
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Non-2xx statuses with counts. "no status": responses autocannon could not parse, seen only after timeouts (its connection was reset mid-response). */
function statusSummary(result: AutocannonResult): string {
  const other = Object.entries(result.statusCodeStats).filter(([status]) => !status.startsWith("2"));
  const label = (status: string) => (status === "undefined" ? "no status" : status);
  return other.length === 0 ? "" : `  (${other.map(([status, { count }]) => `${label(status)}×${count}`).join(", ")})`;
}

function formatRun({ workload, connections, result, writes }: Run): string {
  const columns = [
    workload.padEnd(16),
    `${connections} conn`.padStart(7),
    `${result.requests.average.toFixed(1)} req/s`.padStart(12),
    `p50 ${ms(result.latency.p50)}`.padStart(11),
    `p97.5 ${ms(result.latency.p97_5)}`.padStart(14),
    `p99 ${ms(result.latency.p99)}`.padStart(12),
    `errors ${result.errors}`,
    `timeouts ${result.timeouts}`,
    `non-2xx ${result.non2xx}`,
    `5xx ${result["5xx"]}`,
    writes ? `lost writes ${writes.lost}/${writes.acknowledged}` : "",
  ];
  return columns.filter(Boolean).join("  ") + statusSummary(result);
}

/** The issue's targets: zero errors, zero 5xx, zero lost writes in every run. */
function failures(run: Run): string[] {
  const found: string[] = [];
  if (run.result.errors > 0) found.push(`${run.result.errors} errors (${run.result.timeouts} timeouts)`);
  if (run.result["5xx"] > 0) found.push(`${run.result["5xx"]} responses 5xx`);
  if (run.writes && run.writes.lost > 0) found.push(`${run.writes.lost} lost writes`);
  return found.map((f) => `${run.configuration} / ${run.workload}: ${f}`);
}

async function main(): Promise<void> {
  console.log(`Load benchmark — reproduce with: ${reproduceCommand()}`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} at start (the instances, PostgreSQL and autocannon share these cores)`);
  rmSync(LOG_FOLDER, { recursive: true, force: true });
  mkdirSync(LOG_FOLDER, { recursive: true });
  ensureBuild();

  const postgresProblem = await postgresUnavailable(POSTGRES_SERVER);
  const runs: Run[] = [];
  for (const configuration of CONFIGURATIONS) {
    if (ONLY && !ONLY.includes(configuration.name)) continue;
    if (configuration.name.startsWith("postgresql") && postgresProblem) {
      console.log(`\n${configuration.name}: skipped — PostgreSQL at ${POSTGRES_SERVER} does not answer (${postgresProblem}); set BENCH_POSTGRES_URL`);
      continue;
    }
    runs.push(...(await runConfiguration(configuration)));
  }

  console.log(`\nSummary (${DURATION_S} s per run after a ${WARM_UP_S} s warm-up; latencies from autocannon, non-2xx responses included; server logs in ${LOG_FOLDER}/)`);
  let current = "";
  for (const run of runs) {
    if (run.configuration !== current) console.log((current = run.configuration));
    console.log(`  ${formatRun(run)}`);
  }
  const problems = runs.flatMap(failures);
  console.log(problems.length === 0 ? "\ntargets met: no errors, no 5xx, no lost writes" : `\ntargets missed:\n  ${problems.join("\n  ")}`);
  console.log(`reproduce: ${reproduceCommand()}`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
