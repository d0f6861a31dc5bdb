/**
 * A stored claim (quote + context + old position) turned into what the matcher needs: the
 * quote and its context in normalised form, and where the quote's first and last matched
 * characters sat inside the stored `exact` string.
 */
import { skeleton, toNormalizedOffset, withNormalized } from "./normalize";
import { MAX_CONTEXT_CHARS, MAX_ERRORS, MAX_ERROR_RATE, MIN_FUZZY_QUOTE_LENGTH } from "./thresholds";

export interface StoredAnchor {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface PreparedQuote {
  /** Normalised quote without leading/trailing whitespace. */
  quote: string;
  /** Normalised context; whitespace trimmed off the quote belongs to it. */
  prefix: string;
  suffix: string;
  /** Original offsets, relative to the start of `exact`, of the quote's first character and
   * just after its last: used to turn the stored start into an expected position. */
  leadOffset: number;
  trailOffset: number;
  /** Letters/digits skeleton of the quote (see {@link skeleton}), computed on first use. */
  readonly skeleton: string;
  /** Approximate-search error budget for this quote. */
  maxErrors: number;
}

/** Errors allowed for a normalised quote of `length` characters (see thresholds). */
export function errorBudget(length: number): number {
  if (length < MIN_FUZZY_QUOTE_LENGTH) return 0;
  return Math.min(MAX_ERRORS, Math.max(1, Math.floor(length * MAX_ERROR_RATE)));
}

/**
 * Normalises prefix + exact + suffix as ONE string, so a whitespace run across a boundary
 * collapses exactly as it does in the article, then splits it again.
 * @returns `null` when the quote is empty after normalisation (only whitespace or soft hyphens).
 */
export function prepareQuote(anchor: StoredAnchor): PreparedQuote | null {
  const pre = anchor.prefix.slice(-MAX_CONTEXT_CHARS);
  const suf = anchor.suffix.slice(0, MAX_CONTEXT_CHARS);
  const qFrom = pre.length;
  const qTo = pre.length + anchor.exact.length;
  return withNormalized(pre + anchor.exact + suf, (full) => {
    const t = full.text;
    let qs = toNormalizedOffset(full, qFrom);
    let qe = qs;
    while (qe < t.length && full.ends[qe] <= qTo) qe++;
    while (qs < qe && t.charCodeAt(qs) === 32) qs++;
    while (qe > qs && t.charCodeAt(qe - 1) === 32) qe--;
    if (qs >= qe) return null;
    const quote = t.slice(qs, qe);
    let letters: string | undefined;
    return {
      quote,
      prefix: t.slice(0, qs),
      suffix: t.slice(qe),
      leadOffset: full.starts[qs] - qFrom,
      trailOffset: full.ends[qe - 1] - qFrom,
      get skeleton() {
        return (letters ??= skeleton(quote));
      },
      maxErrors: errorBudget(quote.length),
    };
  });
}
