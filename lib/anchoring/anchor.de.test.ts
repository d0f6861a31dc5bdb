/** Re-anchoring on the project's reference article (German: umlauts, ß, „…“, figures). */
import { readFileSync } from "node:fs";
import { describe as group, expect, it } from "vitest";
import { anchorAll, toStoredAnchor, type AnchorResult, type StoredAnchor } from "./anchor";
import { describe } from "./selectors";

const article = readFileSync(new URL("./__fixtures__/putin-kim-nordkorea.de.txt", import.meta.url), "utf8");

/** A claim on the `nth` occurrence of `quote` in the reference article. */
function claim(id: string, quote: string, nth = 0): StoredAnchor {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = article.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`not in article: ${quote}`);
  return toStoredAnchor(id, describe(article, at, at + quote.length));
}

const CLAIMS = [
  claim("container", "mehr als 10.000 Schiffscontainer"),
  claim("geschosse", "an die 4,8 Millionen Artilleriegeschosse"),
  claim("figure", "4,8 Millionen"),
  claim("jahr", "das erste Mal seit dem Jahr 2000"),
  claim("iran", "Seit der iranischen Revolution von 1979 ist das die erste militärische Unterstützung des Irans für ein nicht islamisches Land"),
  claim("zitat", "„Wir erwarten, dass sich Putin um eine engere sicherheitspolitische Zusammenarbeit mit Nordkorea bemühen wird"),
  claim("begruesst", "begrüßt den nordkoreanischen Staatschef Kim Jong-un", 1),
];

function run(text: string, claims = CLAIMS): Record<string, AnchorResult & { text?: string }> {
  return Object.fromEntries(anchorAll(text, claims).map((r) => [r.id, "start" in r ? { ...r, text: text.slice(r.start, r.end) } : r]));
}

group("anchorAll on the reference article", () => {
  it("anchors every claim at its stored position in the unchanged text", () => {
    for (const [i, r] of anchorAll(article, CLAIMS).entries()) {
      expect(r).toEqual({ id: CLAIMS[i].id, status: "anchored", start: CLAIMS[i].start, end: CLAIMS[i].end, score: 1, method: "position" });
    }
  });

  it("reports a changed figure as changed at its new position, other claims anchored", () => {
    const text = "Eine neue Einleitung. " + article.replace("4,8 Millionen", "4,5 Millionen");
    const r = run(text);
    expect(r.geschosse).toMatchObject({ status: "changed", text: "an die 4,5 Millionen Artilleriegeschosse" });
    expect(r.figure).toMatchObject({ status: "changed", text: "4,5 Millionen" });
    for (const id of ["container", "jahr", "iran", "zitat", "begruesst"]) expect(r[id].status).toBe("anchored");
  });

  it("reports an inserted negation and an edited number as changed", () => {
    const text = article.replace("ist das die erste", "ist das nicht die erste").replace("10.000", "12.000");
    const r = run(text);
    expect(r.iran).toMatchObject({ status: "changed", text: expect.stringContaining("ist das nicht die erste militärische") });
    expect(r.container).toMatchObject({ status: "changed", text: "mehr als 12.000 Schiffscontainer" });
  });

  it("stays anchored through soft hyphens, no-break spaces, straight quotes and dashes", () => {
    const text = article
      .replace("mehr als 10.000 Schiffscontainer", "mehr\u00a0als 10.000\u202fSchiffs\u00adcontainer")
      .replace("„Wir erwarten", '"Wir erwarten')
      .replace("Artilleriegeschosse", "Artillerie\u00adgeschosse")
      .replace("Moskau/Pjöngjang – Da", "Moskau/Pjöngjang - Da");
    const r = run(text);
    expect(r.container).toMatchObject({ status: "anchored", text: "mehr\u00a0als 10.000\u202fSchiffs\u00adcontainer" });
    expect(r.geschosse).toMatchObject({ status: "anchored", text: "an die 4,8 Millionen Artillerie\u00adgeschosse" });
    expect(r.zitat).toMatchObject({ status: "anchored", text: expect.stringMatching(/^"Wir erwarten/) });
    for (const id of ["figure", "jahr", "iran", "begruesst"]) expect(r[id].status).toBe("anchored");
  });

  it("anchors in a decomposed (NFD) copy of the article, at the decomposed offsets", () => {
    const text = article.normalize("NFD");
    const r = run(text);
    for (const c of CLAIMS) {
      expect(r[c.id].status).toBe("anchored");
      expect(r[c.id].text?.normalize("NFC")).toBe(c.exact);
    }
  });

  it("treats a change of letter case as anchored (case is presentation)", () => {
    const r = run(article.replace("Artilleriegeschosse", "ARTILLERIEGESCHOSSE"));
    expect(r.geschosse).toMatchObject({ status: "anchored", text: "an die 4,8 Millionen ARTILLERIEGESCHOSSE" });
  });

  it("orphans a claim whose paragraph was deleted, and keeps the others", () => {
    const start = article.indexOf("Im Gegenzug soll Nordkorea");
    const end = article.indexOf("USA und Südkorea besorgt");
    const r = run(article.slice(0, start) + article.slice(end));
    expect(r.jahr.status).toBe("orphaned");
    for (const id of ["container", "geschosse", "figure", "iran", "zitat", "begruesst"]) expect(r[id].status).toBe("anchored");
  });

  it("resolves the repeated caption sentence to the copy the claim was made on", () => {
    const second = claim("b2", "begrüßt den nordkoreanischen Staatschef Kim Jong-un", 1);
    const first = claim("b1", "begrüßt den nordkoreanischen Staatschef Kim Jong-un", 0);
    // Text inserted before both copies: each claim keeps its own copy.
    const shifted = "Vorbemerkung der Redaktion. ".repeat(5) + article;
    const r = run(shifted, [first, second]);
    expect(r.b1).toMatchObject({ status: "anchored", start: first.start + 140 });
    expect(r.b2).toMatchObject({ status: "anchored", start: second.start + 140 });
    // The second copy edited: the claim on it is changed there, not anchored on the first copy.
    const edited = article.replace("(r.) begrüßt den nordkoreanischen Staatschef", "(r.) begrüßt den nordkoreanischen Machthaber");
    const e = run(edited, [second]);
    expect(e.b2).toMatchObject({ status: "changed", start: second.start, text: "begrüßt den nordkoreanischen Machthaber Kim Jong-un" });
  });
});
