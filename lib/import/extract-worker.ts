/**
 * Worker-thread entry for {@link extractArticle}: parsing a page with jsdom and running
 * Readability takes from a few hundred milliseconds to many seconds (a page with a thousand
 * teasers: ~2 s; with thousands of sibling elements: over ten), which must not stall the server's
 * other requests. lib/server/extract-off-thread.ts starts it, one page per worker.
 */
import { parentPort, workerData } from "node:worker_threads";
import { extractArticle } from "./extract-html";

export interface ExtractJob {
  html: string;
  pageUrl: string | undefined;
}

/** What the worker answers besides extractArticle's results. */
export type WorkerRefusal = { ok: false; reason: "too_complex" };

const job = workerData as ExtractJob;
try {
  parentPort!.postMessage(extractArticle(job.html, job.pageUrl));
} catch (error) {
  // Markup nested tens of thousands deep overflows the stack of the DOM walks (jsdom's, Readability's, ours).
  if (!(error instanceof RangeError)) throw error;
  parentPort!.postMessage({ ok: false, reason: "too_complex" } satisfies WorkerRefusal);
}
