/**
 * Finding and judging candidate locations for one prepared quote in the normalised text.
 * All offsets here are normalised-text offsets.
 */
import { alignQuote, prefixCost, suffixCost } from "./align";
import { approximateEnds } from "./myers";
import type { PreparedQuote } from "./quote";
import * as T from "./thresholds";

/** A verified location: quote range, quote errors, context similarity and combined score. */
export interface Candidate {
  start: number;
  end: number;
  quoteErrors: number;
  /** 0–1: how well the stored prefix and suffix fit around the range. */
  context: number;
  /** 0–1: weighted quote and context similarity. */
  score: number;
}

export type Decision =
  | { kind: "accept"; candidate: Candidate }
  | { kind: "tie"; score: number }
  | { kind: "none"; score: number };

function candidate(q: PreparedQuote, start: number, end: number, quoteErrors: number, prefixErrors: number, suffixErrors: number): Candidate {
  const contextLength = q.prefix.length + q.suffix.length;
  // No stored context at all (the claim was the whole text): nothing contradicts the match.
  const context = contextLength === 0 ? 1 : Math.max(0, 1 - (prefixErrors + suffixErrors) / contextLength);
  const quoteSimilarity = Math.max(0, 1 - quoteErrors / q.quote.length);
  const score = (T.QUOTE_WEIGHT * quoteSimilarity + T.CONTEXT_WEIGHT * context) / (T.QUOTE_WEIGHT + T.CONTEXT_WEIGHT);
  return { start, end, quoteErrors, context, score };
}

/** Verifies a verbatim copy of the quote at `start`. */
export function exactCandidate(text: string, q: PreparedQuote, start: number): Candidate {
  const end = start + q.quote.length;
  return candidate(q, start, end, 0, prefixCost(text, start, q.prefix), suffixCost(text, end, q.suffix));
}

/** Verifies an approximate match found near `approxStart`, letting the context fix its boundaries. */
export function fuzzyCandidate(text: string, q: PreparedQuote, approxStart: number, errors: number): Candidate {
  // Context beyond the start or end of the text cannot align inside the band: it is missing,
  // so it counts as errors without being aligned.
  const before = Math.max(0, approxStart + errors);
  const after = Math.max(0, text.length - (approxStart + q.quote.length) + errors);
  const prefix = q.prefix.length > before ? q.prefix.slice(q.prefix.length - before) : q.prefix;
  const suffix = q.suffix.slice(0, after);
  const a = alignQuote(text, prefix, q.quote, suffix, approxStart, T.ALIGN_BAND + errors);
  let { start, end } = a;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  const errorsInQuote = start < end ? a.quoteErrors : Number.MAX_SAFE_INTEGER;
  const missing = [q.prefix.length - prefix.length, q.suffix.length - suffix.length];
  return candidate(q, start, end, errorsInQuote, a.prefixErrors + missing[0], a.suffixErrors + missing[1]);
}

/**
 * Approximate search of text[lo, hi) with the quote's error budget; one verified candidate per
 * separate location, nearest to `expected` first (see myers.ts for what a location is).
 */
export function windowCandidates(text: string, q: PreparedQuote, lo: number, hi: number, expected: number): Candidate[] {
  const m = q.quote.length;
  const ends = approximateEnds(text, lo, hi, q.quote, q.maxErrors);
  ends.sort((a, b) => Math.abs(a.end - m - expected) - Math.abs(b.end - m - expected));
  return ends
    .slice(0, T.MAX_CANDIDATES)
    .map((e) =>
      e.errors === 0 ? exactCandidate(text, q, e.end - m) : fuzzyCandidate(text, q, e.end - m, e.errors),
    );
}

/**
 * Every location of the quote in the whole text within its error budget (verbatim copies
 * included), verified; `null` when there are more than MAX_FAR_LOCATIONS — a quote that common
 * cannot be placed without its position.
 */
export function farCandidates(text: string, q: PreparedQuote): Candidate[] | null {
  const m = q.quote.length;
  const ends = approximateEnds(text, 0, text.length, q.quote, q.maxErrors);
  if (ends.length > T.MAX_FAR_LOCATIONS) return null;
  return ends.map((e) => (e.errors === 0 ? exactCandidate(text, q, e.end - m) : fuzzyCandidate(text, q, e.end - m, e.errors)));
}

/** Where a candidate was found, which decides what it must prove (see {@link acceptable}). */
export type Acceptance = "position" | "near" | "far";

/**
 * Whether a verified candidate is good enough:
 * - "position": verbatim exactly at the expected position — the position vouches, so half of
 *   the context suffices (MIN_CONTEXT_EXACT);
 * - "near": found in a window around the expected position — verbatim copies need
 *   MIN_CONTEXT_EXACT, approximate ones MIN_CONTEXT_FUZZY, and short quotes (which could be
 *   anywhere) MIN_CONTEXT_SHORT either way;
 * - "far": found anywhere else, so the context must vouch for it (MIN_CONTEXT_FAR) — even for
 *   a long quote that occurs once: the claim's passage may be gone and a repeated sentence left.
 * Near the expected position, a long quote that is ≥ 90 % intact needs no context at all.
 */
export function acceptable(c: Candidate, q: PreparedQuote, mode: Acceptance): boolean {
  const m = q.quote.length;
  if (c.quoteErrors > q.maxErrors) return false;
  const long = m >= T.LONG_QUOTE_LENGTH;
  switch (mode) {
    case "far":
      return c.context >= T.MIN_CONTEXT_FAR;
    case "position":
      return long || c.context >= T.MIN_CONTEXT_EXACT;
    case "near":
      if (long && 1 - c.quoteErrors / m >= T.MIN_QUOTE_SIMILARITY_LONG) return true;
      if (m < T.SHORT_QUOTE_LENGTH) return c.context >= T.MIN_CONTEXT_SHORT;
      return c.context >= (c.quoteErrors === 0 ? T.MIN_CONTEXT_EXACT : T.MIN_CONTEXT_FUZZY);
  }
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Distinct locations by descending score (of overlapping candidates, the better one). */
function byScore(cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of [...cands].sort((a, b) => b.score - a.score)) if (!out.some((o) => overlaps(o, c))) out.push(c);
  return out;
}

/**
 * Decision among candidates near the expected position. Locations within TIE_MARGIN of the
 * best score are a tie (acceptable or not: a near-equal rival is a reason for doubt even when
 * it fails a threshold itself), unless the nearest of them is within NEAR_RADIUS of the
 * expected position and the next is POSITION_TIE_GAP further away: the drift of earlier claims
 * makes the expected position accurate to a few characters.
 */
export function decideNear(cands: Candidate[], q: PreparedQuote, expected: number): Decision {
  const locations = byScore(cands);
  if (locations.length === 0) return { kind: "none", score: 0 };
  const top = locations[0].score;
  const group = locations.filter((c) => top - c.score < T.TIE_MARGIN);
  if (group.length > 1) {
    const dist = (c: Candidate) => Math.abs(c.start - expected);
    group.sort((a, b) => dist(a) - dist(b));
    if (!(dist(group[0]) <= T.NEAR_RADIUS && dist(group[1]) - dist(group[0]) >= T.POSITION_TIE_GAP)) return { kind: "tie", score: top };
  }
  return acceptable(group[0], q, "near") ? { kind: "accept", candidate: group[0] } : { kind: "none", score: top };
}

/**
 * Decision among candidates anywhere in the text, where position says nothing. The best must
 * beat every location within FAR_TIE_MARGIN of its score on BOTH counts — at most as many quote
 * errors, and context no worse (give or take TIE_MARGIN) — and by at least TIE_MARGIN overall.
 * A verbatim copy with a rewritten neighbourhood and an edited look-alike with intact context
 * are evidence of different kinds: neither wins.
 */
export function decideFar(cands: Candidate[], q: PreparedQuote): Decision {
  const locations = byScore(cands);
  if (locations.length === 0) return { kind: "none", score: 0 };
  const [best, ...others] = locations;
  for (const o of others) {
    if (best.score - o.score >= T.FAR_TIE_MARGIN) break;
    const dominates = best.quoteErrors <= o.quoteErrors && best.context >= o.context - T.TIE_MARGIN;
    if (!dominates || best.score - o.score < T.TIE_MARGIN) return { kind: "tie", score: best.score };
  }
  return acceptable(best, q, "far") ? { kind: "accept", candidate: best } : { kind: "none", score: best.score };
}
