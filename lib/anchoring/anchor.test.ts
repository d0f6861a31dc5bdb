/** Example-based tests of the anchoring steps and of the refusals (orphans) that matter most. */
import { describe as group, expect, it } from "vitest";
import { anchorAll, toStoredAnchor, type StoredAnchor } from "./anchor";
import { describe } from "./selectors";

function claimOn(text: string, quote: string, nth = 0, id = "c"): StoredAnchor {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`not in text: ${quote}`);
  return toStoredAnchor(id, describe(text, at, at + quote.length));
}

const P1 = "Das Treffen der beiden Außenminister fand im Jahr 2000 in Pjöngjang statt, berichtete die Zeitung am Montag. ";
const P2 = "Ein zweites Treffen folgte 2000 in Moskau, wie das Ministerium in einer kurzen Erklärung mitteilte. ";
const FILLER = "Weitere Einzelheiten wurden zunächst nicht bekannt gegeben, hieß es aus diplomatischen Kreisen. ";

group("anchorAll", () => {
  it("orphans a quote that is empty after normalisation", () => {
    const c: StoredAnchor = { id: "e", exact: " \u00ad ", prefix: "", suffix: "", start: 0, end: 3 };
    expect(anchorAll("irgendein Text", [c])).toEqual([{ id: "e", status: "orphaned", score: 0 }]);
  });

  it("never moves an edited short quote onto another copy of its words", () => {
    const text = P1 + P2;
    const c = claimOn(text, "2000");
    const [r] = anchorAll(text.replace("Jahr 2000", "Jahr 2001"), [c]);
    expect(r.status).toBe("orphaned");
  });

  it("finds a short quote shifted by an edit nearby, by its context", () => {
    const text = P1 + P2;
    const c = claimOn(text, "2000", 1);
    const [r] = anchorAll(text.replace("Ein zweites", "Ein zweites, geheimes"), [c]);
    expect(r).toMatchObject({ status: "anchored", start: c.start + 10, method: "exact" });
  });

  it("orphans rather than guesses between identical passages with identical context", () => {
    const para = FILLER + P1 + FILLER;
    const text = para + FILLER.repeat(20) + para;
    // Stored position lost (here: in the middle, far from both copies).
    const c = { ...claimOn(text, "im Jahr 2000 in Pjöngjang"), start: para.length + 10 * FILLER.length, end: 0 };
    const [r] = anchorAll(text, [c]);
    expect(r).toMatchObject({ status: "orphaned", method: "fuzzy-global" });
  });

  it("keeps a claim on the second of two identical passages", () => {
    const para = FILLER + P1 + FILLER;
    const text = para + para;
    const c = claimOn(text, "im Jahr 2000 in Pjöngjang", 1);
    expect(anchorAll(text, [c])[0]).toMatchObject({ status: "anchored", start: c.start, method: "position" });
    expect(anchorAll("Neu: " + text, [c])[0]).toMatchObject({ status: "anchored", start: c.start + 5, method: "exact" });
  });

  it("follows a paragraph moved far away, verbatim or edited", () => {
    const body = Array.from({ length: 60 }, (_, i) => `Absatz ${i}: ${FILLER}`).join("\n\n");
    const text = P1 + "\n\n" + body + "\n\n" + P2;
    const c = claimOn(text, "fand im Jahr 2000 in Pjöngjang statt");
    const moved = body + "\n\n" + P2 + "\n\n" + P1;
    expect(anchorAll(moved, [c])[0]).toMatchObject({ status: "anchored", start: moved.indexOf("fand im Jahr"), method: "exact" });
    const edited = moved.replace("Jahr 2000 in", "Jahr 2001 in");
    expect(anchorAll(edited, [c])[0]).toMatchObject({ status: "changed", start: moved.indexOf("fand im Jahr"), method: "fuzzy-global" });
  });

  it("orphans a displaced quote in templated text rather than picking a look-alike", () => {
    // The claim's sentence got a new paragraph right before it (prefix gone, beyond the local
    // windows); an edited-looking neighbour "Zahl von 148 Einheiten" has intact-looking context.
    const text = Array.from({ length: 40 }, (_, i) => `Satz Nummer ${i} mit einer Zahl von ${i * 37} Einheiten.`).join(" ");
    const c = claimOn(text, "Zahl von 185 Einheiten");
    const edited = text.slice(0, c.start) + "Ein langer neuer Vorspann. ".repeat(200) + text.slice(c.start);
    const [r] = anchorAll(edited, [c]);
    expect(r.status).toBe("orphaned");
  });

  it("carries the drift of earlier claims past a large insertion", () => {
    const text = Array.from({ length: 40 }, (_, i) => `Satz Nummer ${i} mit einer Zahl von ${i * 37} Einheiten.`).join(" ");
    const claims = [5, 17, 30].map((i) => claimOn(text, `mit einer Zahl von ${i * 37} Einheiten`, 0, `c${i}`));
    const inserted = "Ein langer neuer Vorspann. ".repeat(200);
    const at = text.indexOf("Satz Nummer 3 ");
    const edited = text.slice(0, at) + inserted + text.slice(at);
    const results = anchorAll(edited, claims);
    results.forEach((r, i) => expect(r).toMatchObject({ status: "anchored", start: claims[i].start + inserted.length }));
    expect(results[1].method).toBe("position"); // the first one found paid for the search, the rest follow
  });

  it("does not put two claims with the same quote on the same words when one copy is deleted", () => {
    const twin = FILLER + P1 + FILLER;
    const text = twin + P2.repeat(30) + twin + P2;
    const first = claimOn(text, "fand im Jahr 2000 in Pjöngjang", 0, "first");
    const second = claimOn(text, "fand im Jahr 2000 in Pjöngjang", 1, "second");
    const edited = text.slice(twin.length); // the first copy (with its context) is gone
    const [a, b] = anchorAll(edited, [first, second]);
    expect(b).toMatchObject({ status: "anchored", start: second.start - twin.length });
    expect(a.status).toBe("orphaned");
  });

  it("orphans every claim when the article was replaced by another", () => {
    const text = Array.from({ length: 30 }, () => P1 + P2 + FILLER).join("\n\n");
    const claims = [claimOn(text, "fand im Jahr 2000", 3), claimOn(text, "in einer kurzen Erklärung", 7)];
    const other = "Ein ganz anderer Artikel über das Wetter in Norddeutschland, mit Regen und Wind. ".repeat(40);
    for (const r of anchorAll(other, claims)) expect(r.status).toBe("orphaned");
  });
});
