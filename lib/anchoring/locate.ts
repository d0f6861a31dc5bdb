/**
 * Locating one prepared quote in the normalised text: the steps of anchor.ts's module doc.
 */
import { acceptable, decideFar, decideNear, exactCandidate, farCandidates, windowCandidates, type Candidate } from "./candidates";
import type { PreparedQuote } from "./quote";
import * as T from "./thresholds";

/** How a claim was found. */
export type AnchorMethod = "position" | "exact" | "fuzzy-window" | "fuzzy-global";

/** A candidate accepted by `method`; `near` when found at or within NEAR_RADIUS of the expected position. */
export interface Found {
  candidate: Candidate;
  method: AnchorMethod;
  near: boolean;
}
/** Found, or not: a tie between locations, or nothing acceptable (score of the best rejected). */
export type Step = { found: Found } | { tie: AnchorMethod; score: number } | { score: number };

/**
 * Whether the quote occurs verbatim within RIVAL_RADIUS of the expected position but outside
 * the window [lo, hi), with a context that fits better than `context`: then an edited match in
 * the window is not self-evident.
 */
function verbatimRival(text: string, q: PreparedQuote, lo: number, hi: number, expected: number, context: number): boolean {
  const from = Math.max(0, expected - T.RIVAL_RADIUS);
  const area = text.slice(from, expected + q.quote.length + T.RIVAL_RADIUS);
  for (let i = area.indexOf(q.quote); i !== -1; i = area.indexOf(q.quote, i + 1)) {
    const at = from + i;
    if (at >= lo && at + q.quote.length <= hi) continue;
    if (exactCandidate(text, q, at).context > context) return true;
  }
  return false;
}

/**
 * The steps of the module doc, stopping at the first acceptance. With `nearOnly`, only steps
 * 1–2 (the backward pass of anchorAll accepts nothing else).
 */
export function locate(text: string, q: PreparedQuote, expected: number, nearOnly = false): Step {
  const m = q.quote.length;
  let rejected = 0; // best score seen and rejected, reported with an orphan
  // 1. Verbatim at the expected position.
  if (text.startsWith(q.quote, expected)) {
    const c = exactCandidate(text, q, expected);
    if (acceptable(c, q, "position")) return { found: { candidate: c, method: "position", near: true } };
    rejected = c.score;
  }
  // 2. Approximate search (verbatim copies included) close to the expected position. A tie is
  // settled by step 3 instead, and so is an edited match while a verbatim copy a little further
  // away fits the context better.
  for (const radius of [T.NEAR_RADIUS, T.LOCAL_RADIUS]) {
    const [lo, hi] = [expected - radius - q.maxErrors, expected + m + radius + q.maxErrors];
    const d = decideNear(windowCandidates(text, q, lo, hi, expected), q, expected);
    if (d.kind === "tie") break;
    if (d.kind === "none") {
      rejected = Math.max(rejected, d.score);
      continue;
    }
    const c = d.candidate;
    if (c.quoteErrors > 0 && verbatimRival(text, q, lo, hi, expected, c.context)) break;
    return { found: { candidate: c, method: c.quoteErrors === 0 ? "exact" : "fuzzy-window", near: radius === T.NEAR_RADIUS } };
  }
  if (nearOnly) return { score: rejected };
  // 3. Every location anywhere in the text, verbatim or approximate, in one decision: far from
  // the expected position only a clear winner counts.
  const far = farCandidates(text, q);
  if (far === null) return { tie: "fuzzy-global", score: rejected };
  const d = decideFar(far, q);
  if (d.kind === "accept") return { found: { candidate: d.candidate, method: d.candidate.quoteErrors === 0 ? "exact" : "fuzzy-global", near: false } };
  if (d.kind === "tie") return { tie: "fuzzy-global", score: Math.max(rejected, d.score) };
  return { score: Math.max(rejected, d.score) };
}
