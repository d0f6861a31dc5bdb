/**
 * Baseline for the anchoring benchmark: the quote matching approach of the Hypothesis client
 * (hypothesis/client, src/annotator/anchoring/match-quote.ts), re-implemented from its
 * description for comparison — not used by the app.
 *
 * Per quote, independently, on the raw text: if the quote occurs verbatim, every verbatim copy
 * is a candidate; otherwise the candidates are approx-string-match's best matches with up to
 * min(256, floor(length / 2)) errors. Each candidate is scored
 *   (50 · quote similarity + 20 · prefix similarity + 20 · suffix similarity + 2 · position) / 92
 * where a context similarity is 1 − (best edit distance of the stored context within the text
 * of the same length beside the candidate) / context length, and position is
 * 1 − |start − stored start| / text length. The best-scoring candidate wins; there is no
 * acceptance threshold, so it returns a match whenever any candidate exists.
 */
import search from "approx-string-match";
import type { StoredAnchor } from "../lib/anchoring/anchor";

export interface BaselineMatch {
  start: number;
  end: number;
  score: number;
}

function candidates(text: string, quote: string, maxErrors: number): { start: number; end: number; errors: number }[] {
  const exact: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    exact.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, quote, maxErrors);
}

/** 1 − (edit distance of `pattern` best matched inside `window`) / pattern length; 0 if either is empty. */
function similarity(window: string, pattern: string): number {
  if (pattern.length === 0 || window.length === 0) return 0;
  const best = candidates(window, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

/** Best match for one stored quote, or `null` when approximate search finds nothing. */
export function baselineMatch(text: string, a: StoredAnchor): BaselineMatch | null {
  if (a.exact.length === 0) return null;
  const maxErrors = Math.min(256, Math.floor(a.exact.length / 2));
  let best: BaselineMatch | null = null;
  for (const m of candidates(text, a.exact, maxErrors)) {
    const quoteSim = 1 - m.errors / a.exact.length;
    const prefixSim = a.prefix ? similarity(text.slice(Math.max(0, m.start - a.prefix.length), m.start), a.prefix) : 1;
    const suffixSim = a.suffix ? similarity(text.slice(m.end, m.end + a.suffix.length), a.suffix) : 1;
    const posSim = 1 - Math.abs(m.start - a.start) / text.length;
    const score = (50 * quoteSim + 20 * prefixSim + 20 * suffixSim + 2 * posSim) / 92;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

/** Runs the baseline over all claims (input order). */
export function baselineAll(text: string, claims: readonly StoredAnchor[]): (BaselineMatch | null)[] {
  return claims.map((c) => baselineMatch(text, c));
}
