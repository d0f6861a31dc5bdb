/**
 * W3C Web Annotation selectors for a range of an article's canonical text.
 *
 * A claim is stored as both a TextQuoteSelector (what the words were, with context)
 * and a TextPositionSelector (where they were). Positions are UTF-16 code unit offsets
 * into the canonical text, like JavaScript string indices.
 */

/** Characters of context kept on each side of a quote (W3C recommends "enough to be unique"; 32 is Hypothesis's choice). */
export const CONTEXT_LENGTH = 32;

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * Describes `text.slice(start, end)` as selectors.
 * @throws RangeError when the range is empty, reversed or outside the text.
 */
export function describe(text: string, start: number, end: number): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`invalid range ${start}–${end} for a text of ${text.length} characters`);
  }
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: "TextPositionSelector", start, end },
  };
}
