/**
 * Direct quotations: „…“ and »…« (German), “…” and "…" (English, and
 * German text written with English-style quotes).
 *
 * Quotes are found on the whole text, not per sentence, because a quote may
 * run over several sentences („Das Potenzial … ist sehr groß. Wir glauben …“).
 * An unclosed quote ends at the end of its paragraph.
 */
import type { Span } from "./types";

export interface QuoteRegion extends Span {
  /** Number of words inside the quote marks; 1–3 words are partial/scare quotes („gute“). */
  words: number;
}

/** Opening mark → the marks that can close it. */
const CLOSERS: Record<string, string> = {
  "„": "“”",
  "»": "«",
  "«": "»",
  "“": "”“", // German texts sometimes use “…“; English uses “…”
  '"': '"',
};

/** Quote regions of `text` including the quote marks, in order. */
export function findQuotes(text: string): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  let open: { at: number; mark: string } | null = null;
  /** Record the open quote as ending at `end`; `marked` says whether text[end - 1] is the closing mark. */
  const close = (end: number, marked: boolean) => {
    if (!open) return;
    const inner = text.slice(open.at + 1, marked ? end - 1 : end);
    out.push({ start: open.at, end, words: (inner.match(/[\p{L}\p{N}]+/gu) ?? []).length });
    open = null;
  };
  const trimmedEnd = (from: number, to: number) => {
    while (to > from && /\s/.test(text[to - 1])) to--;
    return to;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (open && c === "\n" && text[i + 1] === "\n") {
      close(trimmedEnd(open.at + 1, i), false); // an unclosed quote does not run into the next paragraph
      continue;
    }
    if (open) {
      if (CLOSERS[open.mark].includes(c)) close(i + 1, true);
      continue;
    }
    if (CLOSERS[c] !== undefined) {
      // A straight quote glued to a word on its left is a closing or an inch mark, not an opener.
      if (c === '"' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1])) continue;
      open = { at: i, mark: c };
    }
  }
  if (open) close(trimmedEnd((open as { at: number }).at + 1, text.length), false);
  return out;
}

/** Quote regions overlapping [start, end). */
export function quotesIn(quotes: QuoteRegion[], start: number, end: number): QuoteRegion[] {
  return quotes.filter((q) => q.start < end && start < q.end);
}
