/**
 * Production instances of the app for tests and benchmarks: the environment a `next start`
 * needs, preparing its database, building, and starting N instances that are stopped again
 * reliably. Used by scripts/e2e-server.ts (the Playwright web server), e2e/multi-instance.spec.ts
 * and bench/load.ts.
 *
 * Instances started by `startInstances` run in their own process groups, so stopping one ends
 * everything it spawned, also when the caller fails half-way (an exit hook kills what is left).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, createWriteStream, existsSync, readFileSync, rmSync, writeFileSync, type WriteStream } from "node:fs";
import { createRequire } from "node:module";

/** The Playwright web server's port when E2E_PORT is not set; its build lives in `.next`. */
export const DEFAULT_E2E_PORT = 3100;

const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
/** Answers only when the app is up and its database is reachable. */
const READINESS_PATH = "/api/v1/articles";
const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;

/** The build folder of the e2e web server on `port`: one per port, so parallel runs do not collide. */
export function e2eDistDir(port: number): string {
  return port === DEFAULT_E2E_PORT ? ".next" : `.next-e2e-${port}`;
}

export interface AppSettings {
  port: number;
  databaseUrl: string;
  /** The build folder (NEXT_DIST_DIR, read by next.config.ts). */
  distDir: string;
  /** Instances that share sessions need the same secret. */
  secret: string;
  /** The host name the app's URLs use; `next start` binds to it unless it is "localhost". */
  host?: string;
  extraEnv?: Record<string, string>;
}

export function appUrl(settings: Pick<AppSettings, "port" | "host">): string {
  return `http://${settings.host ?? "localhost"}:${settings.port}`;
}

/** The environment for `prepare`, `next build` and `next start` of one instance. */
export function appEnv(settings: AppSettings): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: settings.databaseUrl,
    NEXTAUTH_URL: appUrl(settings),
    NEXTAUTH_SECRET: settings.secret,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: settings.distDir,
    ...settings.extraEnv,
  };
}

/** Migrates and seeds the database `env.DATABASE_URL` names (scripts/prepare.ts, as `npm start` does). */
export function prepareDatabase(env: NodeJS.ProcessEnv, { quiet = false } = {}): void {
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/prepare.ts"], { stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit", env });
}

/**
 * `npm run build` into `env.NEXT_DIST_DIR`. next build adds the build folder's type folders to
 * tsconfig.json's include list; a build for a test or a benchmark puts the file back as it was.
 */
export function buildApp(env: NodeJS.ProcessEnv, { quiet = false } = {}): void {
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  try {
    execFileSync("npm", ["run", "build"], { stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit", env });
  } finally {
    if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  }
}

export function hasBuild(distDir: string): boolean {
  return existsSync(`${distDir}/BUILD_ID`);
}

/**
 * Runs `next start` in the foreground: same process group (whoever stops the caller's group
 * stops the server too, as Playwright does with its web server), output inherited, signals
 * passed on; the caller exits with the server.
 */
export function serveInForeground(settings: AppSettings): void {
  const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(settings.port)], { stdio: "inherit", env: appEnv(settings) });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

export interface AppInstance {
  port: number;
  url: string;
  /** The last few thousand characters the instance printed (for failure messages). */
  outputTail(): string;
}

export interface RunningInstances {
  instances: AppInstance[];
  urls: string[];
  /** Stops every instance (their whole process groups) and removes their private build copies. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * Run each instance from its own copy of the build (without the build cache), as separate
   * machines or containers would: no instance can see another's runtime cache files on disk.
   */
  privateBuildCopies?: boolean;
  /** Appends each instance's output to `<logPrefix>-<port>.log`. */
  logPrefix?: string;
}

/** Process groups still running, killed when this process exits (a failed test, an exception). */
const runningGroups = new Set<number>();
process.once("exit", () => {
  for (const pid of runningGroups) killGroup(pid, "SIGKILL");
});

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Copies a build for one instance; the `cache` folder (build cache, runtime caches) stays behind. */
function copyBuild(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true, filter: (source) => source !== `${from}/cache` });
}

interface Child {
  instance: AppInstance;
  process: ChildProcess;
  exited: Promise<void>;
  distDir: string | null;
  log: WriteStream | null;
}

/** Where an instance's copy of the build goes: named per port, and matched by .gitignore's `.next-e2e-*`. */
const buildCopyFor = (port: number) => `.next-e2e-instance-${port}`;

function launch(settings: AppSettings, options: StartOptions): Child {
  const distDir = options.privateBuildCopies ? buildCopyFor(settings.port) : settings.distDir;
  if (options.privateBuildCopies) copyBuild(settings.distDir, distDir);
  const args = [NEXT_BIN, "start", "-p", String(settings.port)];
  if (settings.host && settings.host !== "localhost") args.push("-H", settings.host);
  const child = spawn(process.execPath, args, { env: appEnv({ ...settings, distDir }), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid) runningGroups.add(child.pid);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = options.logPrefix ? createWriteStream(`${options.logPrefix}-${settings.port}.log`, { flags: "a" }) : null;
  let tail = "";
  const record = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
    log?.write(chunk);
  };
  child.stdout!.on("data", record);
  child.stderr!.on("data", record);
  const instance = { port: settings.port, url: appUrl(settings), outputTail: () => tail };
  return { instance, process: child, exited, distDir: options.privateBuildCopies ? distDir : null, log };
}

const hasExited = (child: Child) => child.process.exitCode !== null || child.process.signalCode !== null;

async function waitUntilReady(child: Child): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`the instance on port ${child.instance.port} exited (${child.process.exitCode ?? child.process.signalCode}):\n${child.instance.outputTail()}`);
    try {
      if ((await fetch(`${child.instance.url}${READINESS_PATH}`, { signal: AbortSignal.timeout(10_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the instance on port ${child.instance.port} did not answer ${READINESS_PATH} within ${READY_TIMEOUT_MS / 1000} s:\n${child.instance.outputTail()}`);
}

async function stopChild(child: Child): Promise<void> {
  const pid = child.process.pid;
  if (pid && !hasExited(child)) {
    killGroup(pid, "SIGTERM");
    const stopped = await Promise.race([child.exited.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), STOP_GRACE_MS))]);
    if (!stopped) killGroup(pid, "SIGKILL");
  }
  if (pid) runningGroups.delete(pid);
  child.log?.end();
  if (child.distDir) rmSync(child.distDir, { recursive: true, force: true });
}

/**
 * Refuses a port another server already answers on: the new instance would fail to bind, but the
 * readiness check would get its answer from the old server — and a test or benchmark would run
 * against whatever code and database that one has.
 */
async function refuseTakenPort(settings: AppSettings): Promise<void> {
  const url = `${appUrl(settings)}${READINESS_PATH}`;
  const answered = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`port ${settings.port} is taken: a server already answers ${url} — stop it first`);
}

/** Starts one `next start` per settings entry and resolves when all of them answer. */
export async function startInstances(all: AppSettings[], options: StartOptions = {}): Promise<RunningInstances> {
  const children: Child[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  try {
    for (const settings of all) {
      if (!hasBuild(settings.distDir)) throw new Error(`no production build in ${settings.distDir} (missing BUILD_ID)`);
      await refuseTakenPort(settings);
      children.push(launch(settings, options));
    }
    await Promise.all(children.map(waitUntilReady));
  } catch (error) {
    await stop();
    throw error;
  }
  const instances = children.map((c) => c.instance);
  return { instances, urls: instances.map((i) => i.url), stop };
}
