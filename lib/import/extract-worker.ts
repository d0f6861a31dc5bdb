/**
 * Worker-thread side of {@link extractArticle}: parsing a page with jsdom and running
 * Readability takes from a few hundred milliseconds to many seconds (a page with a thousand
 * teasers: ~2 s; with thousands of sibling elements: over ten), which must not stall the server's
 * other requests. lib/server/extract-off-thread.ts starts it and sends it one page at a time; it
 * answers each with extractArticle's result.
 */
import { parentPort } from "node:worker_threads";
import { extractArticle, type ExtractResult } from "./extract-html";

export interface ExtractJob {
  html: string;
  pageUrl: string | undefined;
}

/** What the worker answers besides extractArticle's results. */
export type WorkerRefusal = { ok: false; reason: "too_complex" };

export type WorkerAnswer = ExtractResult | WorkerRefusal;

parentPort!.on("message", (job: ExtractJob) => {
  let answer: WorkerAnswer;
  try {
    answer = extractArticle(job.html, job.pageUrl);
  } catch (error) {
    // Markup nested tens of thousands deep overflows the stack of the DOM walks (jsdom's, Readability's, ours).
    if (!(error instanceof RangeError)) throw error;
    answer = { ok: false, reason: "too_complex" };
  }
  parentPort!.postMessage(answer);
});
