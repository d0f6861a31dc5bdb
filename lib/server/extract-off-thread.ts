/**
 * Runs article extraction (lib/import/extract-html.ts) in a worker thread of its own, so a heavy
 * page cannot stall every other request of this instance, and gives up on a page that takes
 * longer than {@link EXTRACT_TIMEOUT_MS} or more memory than {@link EXTRACT_MEMORY_MB} (the
 * worker ends: nothing of it lingers).
 */
import "server-only";
import { Worker } from "node:worker_threads";
import type { ExtractJob } from "../import/extract-worker";
import type { ExtractResult } from "../import/extract-html";

/** Ordinary pages take well under a second; a page still being parsed after this is refused
 * rather than keeping a CPU core busy (the reviewer can paste the article's text instead). */
export const EXTRACT_TIMEOUT_MS = 20_000;

/** A worker's heap: jsdom holds a 5 MB page (the fetch limit) in well under this; a page built
 * to blow up the parser ends its own worker (ERR_WORKER_OUT_OF_MEMORY), not the server. */
export const EXTRACT_MEMORY_MB = 512;

/** Extractions running at once; more wait their turn (each worker holds a parsed page in memory). */
const MAX_PARALLEL = 2;

export type OffThreadResult = ExtractResult | { ok: false; reason: "too_complex" };

let running = 0;
const waiting: (() => void)[] = [];

/** Extraction workers alive now (at most MAX_PARALLEL). */
export const extractionsRunning = () => running;

async function takeTurn(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
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
  const options = { workerData: job, resourceLimits: { maxOldGenerationSizeMb: memoryMb } };
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
    worker.once("message", (result: ExtractResult) => {
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", (error: Error & { code?: string }) => {
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
