/**
 * normalize.ts with a one-entry memory for long inputs: normalising the same article text again
 * returns the first result. Only the anchoring worker's bundle uses it — scripts/build-embed.ts
 * (buildAnchorWorker) points anchor.ts's import of "./normalize" here — so that the worker's
 * warm-up, which runs while the claims are still on their way, leaves the page's text already
 * normalised (the larger part of anchoring 1,000 claims) for the request that follows.
 * The result is the same object for the same input; normalize is a pure function and its
 * result read-only, so anchoring gives the same answers (bench/reader-highlights.ts compares
 * the worker's results with anchorAll's on the main thread).
 */
import { normalize as normalizeAnew, type NormalizedText } from "./normalize";

export * from "./normalize";

/** Quotes and their context are short and many: only texts this long are remembered. */
const REMEMBER_FROM_LENGTH = 1000;

let last: { input: string; result: NormalizedText } | null = null;

export function normalize(input: string): NormalizedText {
  if (last !== null && last.input === input) return last.result;
  const result = normalizeAnew(input);
  if (input.length >= REMEMBER_FROM_LENGTH) last = { input, result };
  return result;
}
