/**
 * Runs article extraction (lib/import/extract-html.ts) in a worker thread of its own, so a heavy
 * page cannot stall every other request of this instance, and gives up on a page that takes
 * longer than {@link EXTRACT_TIMEOUT_MS} or more memory than {@link EXTRACT_MEMORY_MB} (the
 * worker ends: nothing of it lingers).
 */
import "server-only";
import { Worker } from "node:worker_threads";
import type { ExtractJob, WorkerRefusal } from "../import/extract-worker";
import type { ExtractResult } from "../import/extract-html";

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

export type OffThreadResult = ExtractResult | WorkerRefusal | { ok: false; reason: "busy" };

let running = 0;
const waiting: (() => void)[] = [];

/** Extraction workers alive now (at most MAX_PARALLEL). */
export const extractionsRunning = () => running;

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
function startWorker(job: ExtractJob, memoryMb: number): Worker {
  // A stack like the main thread's (a worker's default is 4 MB): markup nested thousands deep, which
  // no real page has, overflows the DOM walks within seconds instead of parsing until the timeout.
  const options = { workerData: job, resourceLimits: { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 1 } };
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("../import/extract-worker.ts", import.meta.url), options);
  const entry = decodeURIComponent(new URL(import.meta.url).pathname).replace(/server\/extract-off-thread\.ts$/, "import/extract-worker.ts");
  return new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`, { ...options, eval: true });
}

export interface ExtractLimits {
  timeoutMs?: number;
  memoryMb?: number;
}

export async function extractOffThread(html: string, pageUrl: string | undefined, { timeoutMs = EXTRACT_TIMEOUT_MS, memoryMb = EXTRACT_MEMORY_MB }: ExtractLimits = {}): Promise<OffThreadResult> {
  const done = await takeTurn();
  if (!done) return { ok: false, reason: "busy" };
  let worker: Worker;
  try {
    worker = startWorker({ html, pageUrl }, memoryMb);
  } catch (error) {
    done();
    throw error;
  }
  // The turn ends when the worker has exited, not when its answer is in: a terminated worker
  // may still hold its page for a moment.
  worker.once("exit", done);
  return new Promise<OffThreadResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      resolve({ ok: false, reason: "too_complex" });
      void worker.terminate();
    }, timeoutMs);
    worker.once("message", (result: ExtractResult | WorkerRefusal) => {
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      clearTimeout(timer);
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") resolve({ ok: false, reason: "too_complex" });
      else reject(error);
    });
    worker.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`extraction worker stopped with exit code ${code}`)); // a no-op once answered
    });
  });
}
