/**
 * Property-based tests of anchorAll on random German-like texts: where the truth is known
 * (edits tracked), the engine must find it; where it is gone, it must not guess.
 */
import fc from "fast-check";
import { describe as group, expect, it } from "vitest";
import { anchorAll, toStoredAnchor, type AnchorResult } from "./anchor";
import { skeleton } from "./normalize";
import { describe } from "./selectors";

const LETTERS = [..."abcdefghijklmnopqrstuvwxyzäöüß"];
const word = fc
  .tuple(fc.array(fc.constantFrom(...LETTERS), { minLength: 3, maxLength: 9 }), fc.boolean())
  .map(([cs, cap]) => (cap ? cs[0].toUpperCase() : cs[0]) + cs.slice(1).join(""));
const figure = fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `${a},${b}`);
const token = fc.oneof({ weight: 9, arbitrary: word }, { weight: 1, arbitrary: figure });
const separator = fc.constantFrom(" ", " ", " ", ", ", ". ", "\n\n", " – ");

/** A text of `min`–`max` tokens, with the offsets of each token. */
function doc(min: number, max: number) {
  return fc.array(fc.tuple(token, separator), { minLength: min, maxLength: max }).map((parts) => {
    let text = "";
    const spans: [number, number][] = [];
    for (const [t, sep] of parts) {
      spans.push([text.length, text.length + t.length]);
      text += t + sep;
    }
    return { text, spans };
  });
}

/** A text and a quote of `minTokens`–12 tokens in it. */
const docAndQuote = (minTokens: number) =>
  doc(25, 80).chain(({ text, spans }) =>
    fc.integer({ min: 0, max: spans.length - minTokens }).chain((i) =>
      fc.integer({ min: i + minTokens - 1, max: Math.min(spans.length - 1, i + 11) }).map((j) => ({ text, s: spans[i][0], e: spans[j][1] })),
    ),
  );

/** One character edit at a fraction of the allowed positions. */
type Op = { op: "ins" | "sub" | "del"; at: number; ch: string };
const opArb = fc.record({
  op: fc.constantFrom<Op["op"]>("ins", "sub", "del"),
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  ch: fc.constantFrom(...LETTERS, " ", "\u00a0", "\u00ad", "„", "–", "7", ","),
});

/** Applies `op` at a position chosen by `pick`, tracking the quote range [s, e) (insertions at s or e are outside). */
function apply(t: { text: string; s: number; e: number }, op: Op, at: number): void {
  const { text, s, e } = t;
  if (op.op === "ins") {
    t.text = text.slice(0, at) + op.ch + text.slice(at);
    if (at <= s) [t.s, t.e] = [s + 1, e + 1];
    else if (at < e) t.e = e + 1;
  } else if (op.op === "del") {
    t.text = text.slice(0, at) + text.slice(at + 1);
    if (at < s) [t.s, t.e] = [s - 1, e - 1];
    else if (at < e) t.e = e - 1;
  } else {
    t.text = text.slice(0, at) + op.ch + text.slice(at + 1);
  }
}

function anchorOne(text: string, original: string, s: number, e: number): AnchorResult {
  return anchorAll(text, [toStoredAnchor("q", describe(original, s, e))])[0];
}

// FC_RUNS=5000 for a deeper search; 200 keeps the suite fast.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 200) };

group("anchorAll properties", () => {
  it("finds a quote at its shifted position, anchored, after edits outside it", () => {
    fc.assert(
      fc.property(docAndQuote(1), fc.array(opArb, { minLength: 1, maxLength: 5 }), ({ text, s, e }, ops) => {
        const t = { text, s, e };
        for (const op of ops) {
          // Positions outside [s, e): before s (s itself for insertions) or from e on.
          const outside = op.op === "ins" ? t.text.length + 1 - (t.e - t.s - 1) : t.text.length - (t.e - t.s);
          let at = Math.floor(op.at * outside);
          if (at > (op.op === "ins" ? t.s : t.s - 1)) at += t.e - t.s - (op.op === "ins" ? 1 : 0);
          if (op.op !== "ins" && at >= t.text.length) continue;
          apply(t, op, at);
        }
        expect(anchorOne(t.text, text, s, e)).toMatchObject({ status: "anchored", start: t.s, end: t.e });
      }),
      RUNS,
    );
  });

  it("reports a quote whose letters or digits were edited as changed, at its position", () => {
    const edit = fc.record({ op: fc.constantFrom<Op["op"]>("ins", "sub", "del"), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), ch: fc.constantFrom(...LETTERS, "3") });
    fc.assert(
      fc.property(docAndQuote(3), fc.array(edit, { minLength: 1, maxLength: 2 }), ({ text, s, e }, ops) => {
        // At the very start of the text there is no prefix to tell "t→a" from "a inserted after t".
        fc.pre(e - s >= 12 && s > 0);
        const t = { text, s, e };
        for (const op of ops) {
          // Letters/digits inside the quote, two characters away from its ends: an edit of the
          // second character can make "ab→aab" read as an insertion outside, equally cheap.
          const inner = [];
          for (let p = t.s + 2; p < t.e - 2; p++) if (/[\p{L}\p{N}]/u.test(t.text[p])) inner.push(p);
          const at = inner[Math.floor(op.at * inner.length)];
          if (op.op === "sub" && t.text[at].toLowerCase() === op.ch) continue;
          // A letter repeating a neighbour extends a run ("ssaaa" → "sssaaa"), which reads just as
          // well as a shifted, unchanged quote when the run reaches the quote's start.
          const before = t.text[at - 1].toLowerCase();
          const after = t.text[op.op === "ins" ? at : at + 1].toLowerCase();
          if (op.op !== "del" && (before === op.ch || after === op.ch)) continue;
          apply(t, op, at);
        }
        // Two edits can cancel out ("tcd. v" → "tc. dv" keeps the letter sequence).
        fc.pre(skeleton(t.text.slice(t.s, t.e)) !== skeleton(text.slice(s, e)));
        expect(anchorOne(t.text, text, s, e)).toMatchObject({ status: "changed", start: t.s, end: t.e });
      }),
      RUNS,
    );
  });

  it("orphans a quote whose passage (with its context) was deleted", () => {
    fc.assert(
      fc.property(docAndQuote(2), fc.nat({ max: 30 }), fc.nat({ max: 30 }), ({ text, s, e }, a, b) => {
        fc.pre(e - s >= 8);
        const edited = text.slice(0, Math.max(0, s - 40 - a)) + text.slice(Math.min(text.length, e + 40 + b));
        expect(anchorOne(edited, text, s, e).status).toBe("orphaned");
      }),
      RUNS,
    );
  });

  it("orphans a quote that was deleted or replaced while its context stayed", () => {
    fc.assert(
      fc.property(docAndQuote(3), fc.array(word, { minLength: 3, maxLength: 8 }), fc.boolean(), ({ text, s, e }, words, replace) => {
        fc.pre(e - s >= 16);
        const edited = text.slice(0, s) + (replace ? words.join(" ") : "") + text.slice(e);
        expect(anchorOne(edited, text, s, e).status).toBe("orphaned");
      }),
      RUNS,
    );
  });

  it("resolves a repeated sentence to the copy the claim was made on, edited or not", () => {
    const sentence = fc.array(word, { minLength: 4, maxLength: 10 }).map((ws) => ws.join(" ") + ".");
    fc.assert(
      fc.property(doc(8, 30), doc(8, 30), doc(8, 30), sentence, fc.integer({ min: 0, max: 1 }), fc.nat(), (a, b, c, sent, copy, letter) => {
        const text = a.text + sent + " " + b.text + sent + " " + c.text;
        const s = copy === 0 ? a.text.length : a.text.length + sent.length + 1 + b.text.length;
        const e = s + sent.length;
        const shifted = "Vorwort. " + text;
        expect(anchorOne(shifted, text, s, e)).toMatchObject({ status: "anchored", start: s + 9, end: e + 9 });
        // Edit one letter inside the claimed copy: changed there, never anchored on the other copy.
        const p = s + 1 + (letter % (sent.length - 3));
        fc.pre(/\p{L}/u.test(text[p]));
        const edited = text.slice(0, p) + (text[p].toLowerCase() === "x" ? "y" : "x") + text.slice(p + 1);
        expect(anchorOne(edited, text, s, e)).toMatchObject({ status: "changed", start: s, end: e });
      }),
      RUNS,
    );
  });

  it("returns results in input order whatever the stored order, one per claim", () => {
    fc.assert(
      fc.property(doc(30, 60), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), ({ text, spans }, picks) => {
        const claims = picks.map((p, i) => {
          const [s, e] = spans[p % spans.length];
          return toStoredAnchor(`c${i}`, describe(text, s, e));
        });
        // A word that occurs many times with similar neighbours is rightly orphaned; not the point here.
        fc.pre(claims.every((c) => text.indexOf(c.exact) === text.lastIndexOf(c.exact)));
        const results = anchorAll("Neu. " + text, claims);
        expect(results.map((r) => r.id)).toEqual(claims.map((c) => c.id));
        results.forEach((r, i) => expect(r).toMatchObject({ status: "anchored", start: claims[i].start + 5 }));
      }),
      RUNS,
    );
  });
});
