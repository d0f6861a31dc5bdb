/**
 * Re-anchoring stored claims in a (possibly edited) article text.
 *
 * A claim is stored as a W3C TextQuoteSelector (exact + 32 characters of prefix/suffix) and a
 * TextPositionSelector (start/end in the text it was made on). When the article text changes,
 * {@link anchorAll} finds each claim again and says whether its words are unchanged
 * ("anchored"), found but edited ("changed", e.g. "4,8 Millionen" → "4,5 Millionen"), or not
 * found with confidence ("orphaned"). It never guesses: a wrong anchor is worse than an orphan.
 *
 * Design (hint-first, measured in shared/STACK-NOTES.md):
 * - Both the article and each stored quote/context are normalised the same way (normalize.ts:
 *   NFC, whitespace runs, soft hyphens, typographic quotes and dashes, letter case); matching
 *   happens in normalised text, normalised once per call; results map back to original offsets.
 * - Claims are processed in stored document order, carrying the drift (new end − stored end)
 *   of the last claim found, so the expected position of the next one is usually exact.
 * - Per claim, cheapest and most trustworthy evidence first, stopping at the first decision:
 *   1. "position": the quote verbatim at the expected position;
 *   2. bit-parallel approximate search (Myers; myers.ts) with an error budget of MAX_ERROR_RATE
 *      of the quote, in a NEAR_RADIUS, then a LOCAL_RADIUS window around the expected
 *      position → "exact" (verbatim) or "fuzzy-window";
 *   3. the same search over the whole text: every verbatim copy and every approximate
 *      location, judged by context alone (MIN_CONTEXT_FAR), and accepted only as a clear
 *      winner (FAR_TIE_MARGIN) → "exact" or "fuzzy-global".
 *   The nearby search (2) runs before copies elsewhere are considered (3): when a repeated
 *   sentence's own copy was edited, the verbatim twin elsewhere must not win — the Hypothesis
 *   client's known failure (STACK-NOTES: 10 of 1,000 anchored to the wrong place).
 * - Every candidate is verified by aligning stored prefix + quote + suffix around it (align.ts),
 *   which also fixes the quote's boundaries when an edit touched its first or last character.
 *   Candidates of (nearly) equal score at different places are a tie → orphaned, except that
 *   near the expected position a clearly nearer candidate wins (POSITION_TIE_GAP). An edited
 *   match found nearby is not taken while a verbatim copy within RIVAL_RADIUS fits the context
 *   better: step 3 weighs both (a sentence deleted before a claim in templated text must not
 *   turn a look-alike into a "changed" claim), while an edited repeated sentence whose twin is
 *   pages away stays where the position says.
 * - anchored vs changed: the case-insensitive letters+digits skeleton (`\p{L}\p{M}\p{N}`, ß =
 *   ss) of the stored quote vs the found text. Whitespace, punctuation, typography and letter
 *   case are presentation; letters and digits are content (a figure, a name, an inserted
 *   "nicht"), so any difference there is "changed".
 * - Very short quotes (< MIN_FUZZY_QUOTE_LENGTH) match only verbatim; short ones
 *   (< SHORT_QUOTE_LENGTH) need a nearly intact context (MIN_CONTEXT_SHORT) unless they are
 *   verbatim exactly at the expected position.
 * Thresholds, with the reason for each value, are in thresholds.ts (re-exported here).
 *
 * Cost: O(n) once for normalisation, then per claim O(quote × window) for steps 1–2; only
 * claims not found near their expected position pay step 3's O(n · quote/32) scan.
 */
import { acceptable, decideFar, decideNear, exactCandidate, farCandidates, windowCandidates, type Candidate } from "./candidates";
import { normalize, skeleton, toNormalizedOffset, toOriginalRange } from "./normalize";
import { prepareQuote, type PreparedQuote, type StoredAnchor } from "./quote";
import * as T from "./thresholds";

export * from "./thresholds";
export type { StoredAnchor } from "./quote";

/** How a claim was found. */
export type AnchorMethod = "position" | "exact" | "fuzzy-window" | "fuzzy-global";

/** Found, and the quote's letters/digits are unchanged. Offsets are into the new text. */
export interface AnchoredResult { id: string; status: "anchored"; start: number; end: number; score: number; method: AnchorMethod }
/** Found with confidence, but letters or digits inside the quote differ. */
export interface ChangedResult { id: string; status: "changed"; start: number; end: number; score: number; method: AnchorMethod }
/** Not found with confidence. `score` is the best rejected candidate's score (0 if none);
 * `method` is set when the reason was an unbreakable tie between locations ("fuzzy-global":
 * the whole-text step, where every tie ends). */
export interface OrphanedResult { id: string; status: "orphaned"; score: number; method?: AnchorMethod }
export type AnchorResult = AnchoredResult | ChangedResult | OrphanedResult;

interface Found { candidate: Candidate; method: AnchorMethod }
type Step = { found: Found } | { tie: AnchorMethod; score: number } | { score: number };

/**
 * Finds every claim in `text`.
 * @param text - the current article text
 * @param claims - stored anchors (quote, context, position in the text they were made on)
 * @returns one result per claim, in input order; offsets are UTF-16 offsets into `text`
 */
export function anchorAll(text: string, claims: readonly StoredAnchor[]): AnchorResult[] {
  const norm = normalize(text);
  const order = claims.map((_, i) => i);
  order.sort((a, b) => claims[a].start - claims[b].start || claims[a].end - claims[b].end || a - b);
  const results: AnchorResult[] = new Array(claims.length);
  let drift = 0;
  for (const i of order) {
    const claim = claims[i];
    const q = prepareQuote(claim);
    if (!q) {
      results[i] = { id: claim.id, status: "orphaned", score: 0 };
      continue;
    }
    const expectedOriginal = Math.min(text.length, Math.max(0, claim.start + q.leadOffset + drift));
    const step = locate(norm.text, q, toNormalizedOffset(norm, expectedOriginal));
    if (!("found" in step)) {
      results[i] = { id: claim.id, status: "orphaned", score: round(step.score), ...("tie" in step ? { method: step.tie } : {}) };
      continue;
    }
    const { candidate: c, method } = step.found;
    const [start, end] = toOriginalRange(norm, c.start, c.end);
    const same = c.quoteErrors === 0 || skeleton(norm.text.slice(c.start, c.end)) === q.skeleton;
    results[i] = { id: claim.id, status: same ? "anchored" : "changed", start, end, score: round(c.score), method };
    drift = end - (claim.start + q.trailOffset);
  }
  return results;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

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

/** The steps of the module doc, stopping at the first acceptance. */
function locate(text: string, q: PreparedQuote, expected: number): Step {
  const m = q.quote.length;
  let rejected = 0; // best score seen and rejected, reported with an orphan
  // 1. Verbatim at the expected position.
  if (text.startsWith(q.quote, expected)) {
    const c = exactCandidate(text, q, expected);
    if (acceptable(c, q, "position")) return { found: { candidate: c, method: "position" } };
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
    return { found: { candidate: c, method: c.quoteErrors === 0 ? "exact" : "fuzzy-window" } };
  }
  // 3. Every location anywhere in the text, verbatim or approximate, in one decision: far from
  // the expected position only a clear winner counts.
  const far = farCandidates(text, q);
  if (far === null) return { tie: "fuzzy-global", score: rejected };
  const d = decideFar(far, q, far.filter((c) => c.quoteErrors === 0).length === 1);
  if (d.kind === "accept") return { found: { candidate: d.candidate, method: d.candidate.quoteErrors === 0 ? "exact" : "fuzzy-global" } };
  if (d.kind === "tie") return { tie: "fuzzy-global", score: Math.max(rejected, d.score) };
  return { score: Math.max(rejected, d.score) };
}

/** Builds a stored anchor from selectors made with `describe` (selectors.ts). */
export function toStoredAnchor(id: string, sel: { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number } }): StoredAnchor {
  return { id, exact: sel.quote.exact, prefix: sel.quote.prefix, suffix: sel.quote.suffix, start: sel.position.start, end: sel.position.end };
}
