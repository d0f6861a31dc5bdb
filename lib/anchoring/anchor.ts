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
 *   of the last claim found, so the expected position of the next one is usually exact. A
 *   second, backward pass gives each claim that was not found next to its expected position
 *   another look where the claims after it say it should be (a long insertion or deletion right
 *   before a claim makes the forward drift stale); only a find right there replaces the first
 *   answer. Claims with the same quote stored at different places that land on the same words
 *   are not both right: the one that moved least keeps them, the others are orphaned.
 * - Per claim (locate.ts), cheapest and most trustworthy evidence first, stopping at the first
 *   decision:
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
 * {@link anchorAllInSlices} does the same work in time slices for a browser's main thread.
 */
import { locate, type AnchorMethod, type Found, type Step } from "./locate";
import { normalize, skeleton, toNormalizedOffset, toOriginalRange, type NormalizedText } from "./normalize";
import { prepareQuote, type PreparedQuote, type StoredAnchor } from "./quote";
import * as T from "./thresholds";

export * from "./thresholds";
export type { StoredAnchor } from "./quote";
export type { AnchorMethod } from "./locate";

/** Found, and the quote's letters/digits are unchanged. Offsets are into the new text. */
export interface AnchoredResult { id: string; status: "anchored"; start: number; end: number; score: number; method: AnchorMethod }
/** Found with confidence, but letters or digits inside the quote differ. */
export interface ChangedResult { id: string; status: "changed"; start: number; end: number; score: number; method: AnchorMethod }
/** Not found with confidence. `score` is the best rejected candidate's score (0 if none);
 * `method` is set when the reason was an unbreakable tie between locations ("fuzzy-global":
 * the whole-text step, where every tie ends). */
export interface OrphanedResult { id: string; status: "orphaned"; score: number; method?: AnchorMethod }
export type AnchorResult = AnchoredResult | ChangedResult | OrphanedResult;

export interface AnchorOptions {
  /**
   * `normalize(text)`, for a caller that anchors several batches of claims on one text (the
   * anchoring worker: its warm-up and the real request) and so normalises it once.
   */
  normalized?: NormalizedText;
}

/**
 * Finds every claim in `text`.
 * @param text - the current article text
 * @param claims - stored anchors (quote, context, position in the text they were made on)
 * @returns one result per claim, in input order; offsets are UTF-16 offsets into `text`
 */
export function anchorAll(text: string, claims: readonly StoredAnchor[], options: AnchorOptions = {}): AnchorResult[] {
  const steps = anchorSteps(text, claims, options.normalized);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * {@link anchorAll} in time slices, for a browser's main thread: the same work and the same
 * results, but after every claim the clock is checked, and once a slice has run `sliceMs` the
 * function waits for `pause()` (default: `scheduler.yield()` where it exists, else a 0 ms
 * timeout) before going on, so no single task blocks input for long. Normalising the text stays
 * one slice (about 2 ms for 100,000 characters).
 */
export async function anchorAllInSlices(
  text: string,
  claims: readonly StoredAnchor[],
  sliceMs = 10,
  pause: () => Promise<void> = yieldToEventLoop,
): Promise<AnchorResult[]> {
  const steps = anchorSteps(text, claims);
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === "function" ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** The work of anchorAll as a generator that yields after normalising, after each claim located and every 100 claims prepared or reported. */
function* anchorSteps(text: string, claims: readonly StoredAnchor[], normalized?: NormalizedText): Generator<void, AnchorResult[], void> {
  if (normalized && normalized.originalLength !== text.length) throw new Error("anchorAll: `normalized` is not normalize(text)");
  const norm = normalized ?? normalize(text);
  yield;
  const order = claims.map((_, i) => i);
  order.sort((a, b) => claims[a].start - claims[b].start || claims[a].end - claims[b].end || a - b);
  const quotes: (PreparedQuote | null)[] = new Array(claims.length);
  for (let i = 0; i < claims.length; i++) {
    quotes[i] = prepareQuote(claims[i]);
    if (i % 100 === 99) yield;
  }
  const steps: Step[] = new Array(claims.length);
  const forward: number[] = new Array(claims.length);
  const expectedAt = (i: number, drift: number) =>
    Math.min(text.length, Math.max(0, claims[i].start + quotes[i]!.leadOffset + drift));
  const run = (i: number, expected: number, nearOnly = false) =>
    locate(norm.text, quotes[i]!, toNormalizedOffset(norm, expected), nearOnly);
  // Forward, in stored document order, carrying the drift of the last claim found.
  let drift = 0;
  for (const i of order) {
    if (!quotes[i]) continue;
    steps[i] = run(i, (forward[i] = expectedAt(i, drift)));
    const found = foundIn(steps[i]);
    if (found) drift = toOriginalRange(norm, found.candidate.start, found.candidate.end)[1] - (claims[i].start + quotes[i]!.trailOffset);
    yield;
  }
  // Backward: a claim not found next to its expected position gets a second look where the
  // claims after it say it should be — after a long insertion or deletion just before it, the
  // forward drift is stale. Only a find next to that position replaces the first answer.
  let back: number | null = null;
  for (const i of [...order].reverse()) {
    if (!quotes[i]) continue;
    if (!foundIn(steps[i])?.near && back !== null) {
      const expected = expectedAt(i, back);
      if (Math.abs(expected - forward[i]) > T.NEAR_RADIUS) {
        const again = run(i, expected, true);
        if (foundIn(again)?.near) steps[i] = again;
        yield;
      }
    }
    const found = foundIn(steps[i]);
    if (found?.near) back = toOriginalRange(norm, found.candidate.start, found.candidate.end)[0] - (claims[i].start + quotes[i]!.leadOffset);
  }
  resolveCollisions(claims, quotes, steps, norm);
  yield;
  const results: AnchorResult[] = new Array(claims.length);
  for (let i = 0; i < claims.length; i++) {
    results[i] = toResult(claims[i], quotes[i], steps[i], norm);
    if (i % 100 === 99) yield;
  }
  return results;
}

/**
 * Two claims with the same quote, stored at different places, cannot both be these words:
 * when they land on the same location (one of them followed a repeated sentence whose own copy
 * was deleted), the one that moved least keeps it — if it moved clearly less (by more than
 * NEAR_RADIUS) — and the others are orphaned.
 */
function resolveCollisions(claims: readonly StoredAnchor[], quotes: (PreparedQuote | null)[], steps: Step[], norm: NormalizedText): void {
  const at = new Map<string, number[]>();
  steps.forEach((step, i) => {
    const found = foundIn(step);
    if (!found) return;
    const key = `${found.candidate.start}\u0000${quotes[i]!.quote}`;
    at.set(key, [...(at.get(key) ?? []), i]);
  });
  for (const group of at.values()) {
    if (group.length < 2 || group.every((i) => claims[i].start === claims[group[0]].start)) continue;
    const moved = (i: number) => Math.abs(norm.starts[foundIn(steps[i])!.candidate.start] - claims[i].start);
    group.sort((a, b) => moved(a) - moved(b));
    const keep = moved(group[1]) - moved(group[0]) > T.NEAR_RADIUS ? group[0] : -1;
    for (const i of group) if (i !== keep) steps[i] = { score: foundIn(steps[i])!.candidate.score };
  }
}

function foundIn(step: Step | undefined): Found | null {
  return step && "found" in step ? step.found : null;
}

function toResult(claim: StoredAnchor, q: PreparedQuote | null, step: Step | undefined, norm: NormalizedText): AnchorResult {
  if (!q || !step) return { id: claim.id, status: "orphaned", score: 0 };
  if (!("found" in step)) return { id: claim.id, status: "orphaned", score: round(step.score), ...("tie" in step ? { method: step.tie } : {}) };
  const { candidate: c, method } = step.found;
  const [start, end] = toOriginalRange(norm, c.start, c.end);
  const same = c.quoteErrors === 0 || skeleton(norm.text.slice(c.start, c.end)) === q.skeleton;
  return { id: claim.id, status: same ? "anchored" : "changed", start, end, score: round(c.score), method };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Builds a stored anchor from selectors made with `describe` (selectors.ts). */
export function toStoredAnchor(id: string, sel: { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number } }): StoredAnchor {
  return { id, exact: sel.quote.exact, prefix: sel.quote.prefix, suffix: sel.quote.suffix, start: sel.position.start, end: sel.position.end };
}
