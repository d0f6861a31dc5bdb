/** Checks the labelled evaluation set's shape and guards the detector's scores against regressions. */
import { describe, expect, it } from "vitest";
import { buildText, evaluate, loadArticles, score } from "./eval";

const articles = loadArticles();

describe("evaluation set", () => {
  it("has at least 5 German and 5 English articles of 8–20 sentences plus the reference article", () => {
    expect(articles.filter((a) => a.language === "de").length).toBeGreaterThanOrEqual(6);
    expect(articles.filter((a) => a.language === "en").length).toBeGreaterThanOrEqual(5);
    expect(articles.some((a) => a.file.startsWith("de-00-putin-kim"))).toBe(true);
    for (const a of articles.filter((x) => !x.file.startsWith("de-00"))) {
      expect(a.sentences.length, a.file).toBeGreaterThanOrEqual(8);
      expect(a.sentences.length, a.file).toBeLessThanOrEqual(20);
    }
  });
  it("rebuilds article text with sentence offsets", () => {
    const { text, spans } = buildText(articles[0]);
    articles[0].sentences.forEach((s, i) => expect(text.slice(spans[i].start, spans[i].end)).toBe(s.text));
  });
  it("meets the targets: recall ≥ 0.9 on figures and attributions, precision ≥ 0.7", () => {
    const results = evaluate(articles);
    expect(score(results).precision).toBeGreaterThanOrEqual(0.7);
    for (const kind of ["figure", "attribution"] as const) {
      expect(score(results.filter((r) => r.goldKind === kind)).recall, kind).toBeGreaterThanOrEqual(0.9);
    }
  });
});
