/**
 * Runs article extraction (lib/import/extract-html.ts) in a worker thread of its own, so a heavy
 * page cannot stall every other request of this instance, and gives up on a page that takes
 * longer than {@link EXTRACT_TIMEOUT_MS} or more memory than {@link EXTRACT_MEMORY_MB} (that
 * worker ends: nothing of it lingers). A worker that answered is kept warm for the next page.
 */
import "server-only";
import { Worker } from "node:worker_threads";
import type { ExtractJob, WorkerAnswer } from "../import/extract-worker";

/** Ordinary pages take well under a second; a page still being parsed after this is refused
 * rather than keeping a CPU core busy (the reviewer can paste the article's text instead). */
export const EXTRACT_TIMEOUT_MS = 20_000;

/** A worker's heap: jsdom holds a 5 MB page (the fetch limit) in well under this; a page built
 * to blow up the parser ends its own worker (ERR_WORKER_OUT_OF_MEMORY), not the server. */
export const EXTRACT_MEMORY_MB = 512;

/** Extractions running at once; more wait their turn (each worker holds a parsed page in memory). */
const MAX_PARALLEL = 2;

/** Extractions waiting for a turn; beyond this the server is busy and says so at once, rather
 * than keeping requests (and their pages) waiting for minutes. */
const MAX_WAITING = 6;

/** A worker that answered stays for the next page this long: starting one (jsdom, Readability)
 * costs ~350 ms, more than extracting an ordinary page. Then it ends, and its memory with it. */
const IDLE_MS = 60_000;

/** Pages one worker extracts before a fresh one takes over (jsdom's leftovers add up). */
const PAGES_PER_WORKER = 50;

export type OffThreadResult = WorkerAnswer | { ok: false; reason: "busy" };

let running = 0;
const waiting: (() => void)[] = [];

interface PooledWorker {
  worker: Worker;
  pages: number;
  /** While idle: the timer that ends it, and what takes it off the idle list should it exit. */
  idleTimer?: NodeJS.Timeout;
  onIdleExit?: () => void;
}

/** Workers with the default limits that answered and wait for the next page (at most MAX_PARALLEL). */
const idle: PooledWorker[] = [];

/** Extractions running now (at most MAX_PARALLEL) and warm workers waiting for a page. */
export const extractionWorkers = () => ({ running, idle: idle.length });

/** A turn, or null when too many are waiting; the returned function ends it. */
async function takeTurn(): Promise<(() => void) | null> {
  if (running < MAX_PARALLEL) running++;
  else if (waiting.length >= MAX_WAITING) return null;
  else await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over, still counted
  return () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}

/**
 * Inside Next's server the worker is a chunk of the bundle (Turbopack bundles
 * `new Worker(new URL(…, import.meta.url))`). Run from the TypeScript sources (Vitest, the tsx
 * scripts) it is a .ts file, which a worker on Node 20 can only load through tsx's require hook:
 * the worker registers it first. The path is built by string replacement so the bundler does
 * not take the source file for an asset of its own.
 */
function startWorker(memoryMb: number): Worker {
  // A stack like the main thread's (a worker's default is 4 MB): markup nested thousands deep, which
  // no real page has, overflows the DOM walks within seconds instead of parsing until the timeout.
  const options = { resourceLimits: { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 1 } };
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("../import/extract-worker.ts", import.meta.url), options);
  const entry = decodeURIComponent(new URL(import.meta.url).pathname).replace(/server\/extract-off-thread\.ts$/, "import/extract-worker.ts");
  return new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`, { ...options, eval: true });
}

/** A warm worker when there is one (and the limits are the default ones), else a new one. */
function workerFor(memoryMb: number): PooledWorker {
  const warm = memoryMb === EXTRACT_MEMORY_MB ? idle.pop() : undefined;
  if (!warm) return { worker: startWorker(memoryMb), pages: 0 };
  clearTimeout(warm.idleTimer);
  warm.worker.off("exit", warm.onIdleExit!).ref();
  return warm;
}

/** Keeps a worker that answered for the next page, unless it has done its share; whether it did. */
function keepWarm(pooled: PooledWorker, memoryMb: number): boolean {
  pooled.pages++;
  if (memoryMb !== EXTRACT_MEMORY_MB || pooled.pages >= PAGES_PER_WORKER || idle.length >= MAX_PARALLEL) return false;
  const leave = () => {
    const at = idle.indexOf(pooled);
    if (at >= 0) idle.splice(at, 1);
  };
  pooled.onIdleExit = leave;
  pooled.worker.once("exit", leave).unref(); // an idle worker keeps no process alive
  pooled.idleTimer = setTimeout(() => {
    leave();
    void pooled.worker.terminate();
  }, IDLE_MS);
  pooled.idleTimer.unref();
  idle.push(pooled);
  return true;
}

export interface ExtractLimits {
  timeoutMs?: number;
  memoryMb?: number;
}

export async function extractOffThread(html: string, pageUrl: string | undefined, { timeoutMs = EXTRACT_TIMEOUT_MS, memoryMb = EXTRACT_MEMORY_MB }: ExtractLimits = {}): Promise<OffThreadResult> {
  const done = await takeTurn();
  if (!done) return { ok: false, reason: "busy" };
  let pooled: PooledWorker;
  try {
    pooled = workerFor(memoryMb);
  } catch (error) {
    done();
    throw error;
  }
  const { worker } = pooled;
  return new Promise<OffThreadResult>((resolve, reject) => {
    /** Settles once; then the worker is kept warm, or ended (the turn ends when it has exited:
     * a terminated worker may still hold its page for a moment). */
    const finish = (settle: () => void, then: "keep" | "end" | "exited") => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      settle();
      if (then === "exited") return done();
      if (then === "keep" && keepWarm(pooled, memoryMb)) return done();
      worker.once("exit", done);
      void worker.terminate();
    };
    // A worker that gave up on a page (its stack overflowed) starts afresh for the next one.
    const onMessage = (answer: WorkerAnswer) => finish(() => resolve(answer), answer.ok || answer.reason === "no_article" ? "keep" : "end");
    // An error ends the worker: its exit follows.
    const onError = (error: Error & { code?: string }) =>
      finish(() => (error.code === "ERR_WORKER_OUT_OF_MEMORY" ? resolve({ ok: false, reason: "too_complex" }) : reject(error)), "end");
    const onExit = (code: number) => finish(() => reject(new Error(`extraction worker stopped with exit code ${code}`)), "exited");
    const timer = setTimeout(() => finish(() => resolve({ ok: false, reason: "too_complex" }), "end"), timeoutMs);
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage({ html, pageUrl } satisfies ExtractJob);
  });
}
