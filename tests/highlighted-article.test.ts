/**
 * The reader's highlights as server-rendered markup: which claims each mark carries, and that every
 * claim's verdict glyph appears where the claim ends — also when a shorter claim lies on top there.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { HighlightedArticle, type ArticleHighlight } from "@/components/article/highlighted-article";
import { splitBlocks } from "@/lib/domain/article-text";
import { VERDICT_SCALE } from "@/lib/domain/verdicts";

const TEXT = "Die Regierung sagt, 4,8 Millionen Artilleriegeschosse seien geliefert worden.";

/** Each mark's claim ids, glyph and label, in document order. */
function marks(highlights: ArticleHighlight[]) {
  const html = renderToStaticMarkup(createElement(HighlightedArticle, { blocks: splitBlocks(TEXT, ["paragraph"]), highlights, locale: "de" }));
  const doc = new JSDOM(html).window.document;
  return [...doc.querySelectorAll("mark")].map((m) => ({ text: m.textContent, ids: m.getAttribute("data-claim-ids"), glyph: m.getAttribute("data-glyph"), label: m.getAttribute("aria-label") }));
}

const at = (id: string, quote: string, verdict: ArticleHighlight["verdict"]): ArticleHighlight => ({ id, start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length, verdict });
const glyph = (verdict: ArticleHighlight["verdict"]) => VERDICT_SCALE[verdict].glyph;

describe("HighlightedArticle", () => {
  it("gives two claims on the same words one mark with both glyphs, and says so in its label", () => {
    const [mark, ...rest] = marks([at("a", "4,8 Millionen", "TRUE"), at("b", "4,8 Millionen", "FALSE")]);
    expect(rest).toEqual([]);
    expect(mark.ids!.split(" ").sort()).toEqual(["a", "b"]);
    expect(mark.glyph!.split(" ").sort()).toEqual([glyph("TRUE"), glyph("FALSE")].sort());
    expect(mark.label).toMatch(/Weitere Prüfungen an dieser Stelle: 1$/);
  });

  it("shows a claim's glyph where it ends even when a shorter, overlapping claim lies on top there", () => {
    // long: "Regierung sagt, 4,8"; short: "4,8 Millionen" starts inside it and ends after it.
    const result = marks([at("long", "Regierung sagt, 4,8", "MISLEADING"), at("short", "4,8 Millionen", "TRUE")]);
    expect(result.map((m) => [m.text, m.ids, m.glyph])).toEqual([
      ["Regierung sagt, ", "long", null],
      ["4,8", "short long", glyph("MISLEADING")],
      [" Millionen", "short", glyph("TRUE")],
    ]);
  });

  it("keeps one glyph per claim for a claim nested inside another", () => {
    const result = marks([at("outer", "4,8 Millionen Artilleriegeschosse", "MIXED"), at("inner", "Millionen", "FALSE")]);
    expect(result.map((m) => [m.text, m.glyph])).toEqual([
      ["4,8 ", null],
      ["Millionen", glyph("FALSE")],
      [" Artilleriegeschosse", glyph("MIXED")],
    ]);
  });
});
