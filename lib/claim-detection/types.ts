/**
 * Shared types of the claim-suggestion detector.
 *
 * All offsets are UTF-16 code unit offsets into the text that was analysed
 * (JavaScript string indices), so `text.slice(start, end)` gives the span.
 */

export type Language = "de" | "en";

export type SuggestionKind = "figure" | "comparison" | "attribution" | "quote";

export interface Figure {
  /** The matched text, including an approximator ("mehr als") and the unit noun when found. */
  text: string;
  /** The number as written, decimal separators resolved ("4,8 Millionen" → 4.8, "1979" → 1979). */
  value: number;
  /**
   * What is counted: the noun ("Artilleriegeschosse"), a canonical unit
   * ("%", "EUR", "USD", "GBP", "CHF", "year", "date", "time", "score", "age", "fraction", "times"),
   * or null when nothing follows the number.
   */
  unit: string | null;
  /** The value with scale words applied ("4,8 Millionen" → 4800000); for dates yyyymmdd (or mmdd without a year). */
  normalized: number;
  start: number;
  end: number;
  /** Approximator or bound written before the number, e.g. "mehr als", "up to". */
  qualifier?: string;
  /** ISO 8601 (possibly partial, "2024-06", "--06-12") for dates and years. */
  iso?: string;
}

export interface Suggestion {
  start: number;
  end: number;
  text: string;
  kind: SuggestionKind;
  /** Short human-readable explanation, e.g. "Zahl: 4,8 Millionen Artilleriegeschosse". */
  reason: string;
  figures: Figure[];
  /** Who made the statement, for attributions and quotes, when it could be found. */
  claimant?: string;
}

/** A half-open character range [start, end). */
export interface Span {
  start: number;
  end: number;
}
