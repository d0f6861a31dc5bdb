import { describe, expect, it } from "vitest";
import { VERDICTS, VERDICT_SCALE, countByVerdict, isVerdict } from "./verdicts";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("the verdict scale", () => {
  it("has German and English labels, a distinct glyph and colour for every verdict", () => {
    expect(VERDICTS).toHaveLength(7);
    for (const v of VERDICTS) {
      expect(VERDICT_SCALE[v].label.de.length).toBeGreaterThan(0);
      expect(VERDICT_SCALE[v].label.en.length).toBeGreaterThan(0);
    }
    expect(new Set(VERDICTS.map((v) => VERDICT_SCALE[v].glyph)).size).toBe(VERDICTS.length);
    expect(new Set(VERDICTS.map((v) => VERDICT_SCALE[v].color)).size).toBe(VERDICTS.length);
  });

  it("meets WCAG contrast: white text on the colour ≥ 4.5, dark text on the tint ≥ 7", () => {
    for (const v of VERDICTS) {
      expect(contrast("#ffffff", VERDICT_SCALE[v].color), v).toBeGreaterThanOrEqual(4.5);
      expect(contrast("#1c2430", VERDICT_SCALE[v].tint), v).toBeGreaterThanOrEqual(7);
    }
  });

  it("keeps white count numbers readable on a badge's count pill (the colour under 25 % black, components/verdict/verdict-badge.tsx)", () => {
    const underBlack = (hex: string, alpha: number) =>
      `#${[1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * (1 - alpha)).toString(16).padStart(2, "0")).join("")}`;
    for (const v of VERDICTS) expect(contrast("#ffffff", underBlack(VERDICT_SCALE[v].color, 0.25)), v).toBeGreaterThanOrEqual(4.5);
  });

  it("counts claims per verdict and ignores unknown values", () => {
    const counts = countByVerdict([{ verdict: "TRUE" }, { verdict: "TRUE" }, { verdict: "FALSE" }, { verdict: "bogus" }]);
    expect(counts).toMatchObject({ TRUE: 2, FALSE: 1, MIXED: 0 });
    expect(isVerdict("MISLEADING")).toBe(true);
    expect(isVerdict("misleading")).toBe(false);
  });
});
