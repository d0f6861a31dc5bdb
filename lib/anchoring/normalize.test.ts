import fc from "fast-check";
import { describe as group, expect, it } from "vitest";
import { normalize, skeleton, toNormalizedOffset, toOriginalRange } from "./normalize";

/** Characters that exercise every rule, mixed with ordinary ones. */
const SPECIAL = [" ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u202f", "\u00ad", "\u200b", "„", "“", "”", "‚", "‘", "’", "»", "«", "›", "‹", "–", "—", "‒", "−", "‐", "‑", "a\u0308", "o\u0308", "ß", "ä", "x", "Y", "1", ",", "."];
const mixedText = fc.array(fc.constantFrom(...SPECIAL), { maxLength: 60 }).map((xs) => xs.join(""));

group("normalize", () => {
  it("applies the documented rules", () => {
    const n = normalize("„Wir\u00a0erwarten“ – ein\u00admal\t\n 4,8\u202fMio. ‚gut‘ a\u0308");
    expect(n.text).toBe('"wir erwarten" - einmal 4,8 mio. \'gut\' ä');
  });

  it("maps every normalised character back to the original characters it came from", () => {
    const text = "a\u00a0\u00a0b\u00adc„d“";
    const n = normalize(text);
    expect(n.text).toBe('a bc"d"');
    expect([...n.starts]).toEqual([0, 1, 3, 5, 6, 7, 8]);
    expect([...n.ends]).toEqual([1, 3, 4, 6, 7, 8, 9]);
    // "bc" covers the soft hyphen between them, but a range never starts or ends on one.
    expect(toOriginalRange(n, 2, 4)).toEqual([3, 6]);
    expect(toNormalizedOffset(n, 4)).toBe(3);
  });

  it("composes NFD letters and maps them to the whole decomposed sequence", () => {
    const text = "Su\u0308dkorea";
    const n = normalize(text);
    expect(n.text).toBe("südkorea");
    expect(toOriginalRange(n, 0, 2)).toEqual([0, 3]);
    expect(toOriginalRange(n, 2, 8)).toEqual([3, 9]);
  });

  it("has no whitespace runs, soft hyphens or typographic quotes left, and a monotone map (property)", () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const n = normalize(text);
        expect(n.text).not.toMatch(/\s\s|[\u00ad\u200b„“”‚‘’»«›‹–—‒−‐‑\u00a0\u2009\u202f]/);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.starts[i]).toBeLessThan(n.ends[i]);
          if (i > 0) expect(n.starts[i]).toBeGreaterThanOrEqual(n.ends[i - 1]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("normalising an original range gives the normalised range (property)", () => {
    fc.assert(
      fc.property(mixedText, fc.nat(), fc.nat(), (text, a, b) => {
        const n = normalize(text);
        if (n.text.length === 0) return;
        const s = a % n.text.length;
        const e = s + 1 + (b % (n.text.length - s));
        const [os, oe] = toOriginalRange(n, s, e);
        // Equal up to a whitespace run cut at either end of the range.
        expect(normalize(text.slice(os, oe)).text.trim()).toBe(n.text.slice(s, e).trim());
      }),
      { numRuns: 300 },
    );
  });
});

group("skeleton", () => {
  it("keeps only letters and digits, case-folded, with ß as ss", () => {
    expect(skeleton("„4,8 Millionen“ – Straße")).toBe("48millionenstrasse");
    expect(skeleton("STRASSE")).toBe(skeleton("Straße"));
    expect(skeleton("10.000")).not.toBe(skeleton("10.500"));
  });
});
