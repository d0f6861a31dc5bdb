import fc from "fast-check";
import { describe as group, expect, it } from "vitest";
import { anchorAll, toStoredAnchor } from "./anchor";
import { normalize } from "./normalize";
import { CONTEXT_LENGTH, describe } from "./selectors";

const CHARS = ["a", "b", "ö", "ß", "E", "1", " ", "  ", "\n", "\u00a0", "\u00ad", "„", "“", "–", ",", ".", "o\u0308"];
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 120 }).map((xs) => xs.join(""));
const textAndRange = text.chain((t) =>
  fc.tuple(fc.constant(t), fc.nat({ max: t.length - 1 })).chain(([t, s]) => fc.tuple(fc.constant(t), fc.constant(s), fc.integer({ min: s + 1, max: t.length }))),
);

group("describe", () => {
  it("rejects empty, reversed and out-of-range ranges", () => {
    expect(() => describe("abc", 1, 1)).toThrow(RangeError);
    expect(() => describe("abc", 2, 1)).toThrow(RangeError);
    expect(() => describe("abc", 0, 4)).toThrow(RangeError);
  });

  it("selects the range with up to 32 characters of context (property)", () => {
    fc.assert(
      fc.property(textAndRange, ([t, s, e]) => {
        const { quote, position } = describe(t, s, e);
        expect(quote.prefix + quote.exact + quote.suffix).toBe(t.slice(s - quote.prefix.length, e + quote.suffix.length));
        expect(quote.exact).toBe(t.slice(s, e));
        expect(quote.prefix.length).toBe(Math.min(CONTEXT_LENGTH, s));
        expect(quote.suffix.length).toBe(Math.min(CONTEXT_LENGTH, t.length - e));
        expect(position).toEqual({ type: "TextPositionSelector", start: s, end: e });
      }),
      { numRuns: 200 },
    );
  });

  it("round-trips: a described range is anchored at its own position in the same text (property)", () => {
    fc.assert(
      fc.property(textAndRange, ([t, s, e]) => {
        // A range that splits "o" from its combining diaeresis selects a letter the text does not have.
        fc.pre(t[s] !== "\u0308" && t[e] !== "\u0308");
        const quote = normalize(t.slice(s, e)).text.trim();
        const [r] = anchorAll(t, [toStoredAnchor("x", describe(t, s, e))]);
        if (quote === "") {
          expect(r.status).toBe("orphaned"); // only whitespace or soft hyphens: nothing to anchor
          return;
        }
        expect(r).toMatchObject({ status: "anchored", method: "position", score: 1 });
        if (r.status === "orphaned") return;
        // The found range lies within the described one and is the quote, trimmed of whitespace.
        expect(r.start).toBeGreaterThanOrEqual(s);
        expect(r.end).toBeLessThanOrEqual(e);
        expect(normalize(t.slice(r.start, r.end)).text).toBe(quote);
      }),
      { numRuns: 200 },
    );
  });
});
