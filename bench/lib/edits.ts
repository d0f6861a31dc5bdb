/**
 * Character edits with ground-truth tracking of every claim's range.
 *
 * Ground truth: each claim's range moves with the text. An insertion at the claim's first
 * offset or at its end offset is OUTSIDE the claim (the range shifts / stays); an insertion
 * strictly inside, or a deletion/substitution of one of its characters, is INSIDE. The true
 * range is then trimmed of whitespace at both ends. A claim is expected "changed" when the
 * letters/digits skeleton of its true range differs from the stored quote's, else "anchored".
 *
 * Where an insertion next to a claim boundary repeats the boundary character ("MMillionen"),
 * "inserted outside" and "inserted inside" give the same new text, so no engine can tell them
 * apart; `touched` records edits within one character of each boundary so the evaluation can
 * allow those boundaries to be off by one (see evaluate.ts).
 */
import { int, pick, type Rand } from "./generate";

export type Edit = { op: "ins" | "sub"; at: number; ch: string } | { op: "del"; at: number };

export interface Tracked {
  text: string;
  starts: number[];
  ends: number[];
  /** per claim: an edit happened within one character of its start (bit 1) or end (bit 2) */
  touched: number[];
}

export function track(text: string, ranges: [number, number][]): Tracked {
  return { text, starts: ranges.map((r) => r[0]), ends: ranges.map((r) => r[1]), touched: ranges.map(() => 0) };
}

/** Applies a batch of edits in order; positions refer to the text as it is when each edit applies. */
export function applyEdits(t: Tracked, edits: Edit[]): void {
  // Editing a UTF-16 code unit array is far cheaper than re-slicing a 100 kB string per edit.
  const chars = t.text.split("");
  for (const e of edits) {
    for (let i = 0; i < t.starts.length; i++) {
      const s = t.starts[i];
      const en = t.ends[i];
      if (e.at >= s - 1 && e.at <= s + 1) t.touched[i] |= 1;
      if (e.at >= en - 1 && e.at <= en + 1) t.touched[i] |= 2;
      if (e.op === "ins") {
        if (e.at <= s) [t.starts[i], t.ends[i]] = [s + 1, en + 1];
        else if (e.at < en) t.ends[i] = en + 1;
      } else if (e.op === "del") {
        if (e.at < s) [t.starts[i], t.ends[i]] = [s - 1, en - 1];
        else if (e.at < en) t.ends[i] = en - 1;
      }
    }
    if (e.op === "ins") chars.splice(e.at, 0, e.ch);
    else if (e.op === "del") chars.splice(e.at, 1);
    else chars[e.at] = e.ch;
  }
  t.text = chars.join("");
}

/** True range of claim `i`: tracked range trimmed of whitespace. */
export function trueRange(t: Tracked, i: number): [number, number] {
  let s = t.starts[i];
  let e = t.ends[i];
  while (s < e && /\s/.test(t.text[s])) s++;
  while (e > s && /\s/.test(t.text[e - 1])) e--;
  return [s, e];
}

const RANDOM_CHARS = "abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIKLMNOPRSTUVWZ0123456789   ,.-";
const LETTERS_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";

/** `count` random single-character edits anywhere: 40 % substitutions, 30 % insertions, 30 % deletions. */
export function randomEdits(r: Rand, length: number, count: number): Edit[] {
  const edits: Edit[] = [];
  let len = length;
  for (let k = 0; k < count; k++) {
    const x = r();
    if (x < 0.4) {
      edits.push({ op: "sub", at: int(r, 0, len - 1), ch: pick(r, [...RANDOM_CHARS]) });
    } else if (x < 0.7) {
      edits.push({ op: "ins", at: int(r, 0, len), ch: pick(r, [...RANDOM_CHARS]) });
      len++;
    } else {
      edits.push({ op: "del", at: int(r, 0, len - 1) });
      len--;
    }
  }
  return edits;
}

/**
 * 1–3 edits of letters/digits strictly inside claim `i` (never its first or last character, so
 * the true boundaries are unambiguous): a different letter/digit, an inserted letter/digit, or
 * a deleted letter/digit. Returns the edits, to be applied one by one.
 */
export function editInside(r: Rand, t: Tracked, i: number): Edit[] {
  const out: Edit[] = [];
  const [s, e] = [t.starts[i], t.ends[i]];
  const inner: number[] = [];
  for (let p = s + 1; p < e - 1; p++) if (/[\p{L}\p{N}]/u.test(t.text[p])) inner.push(p);
  const n = Math.min(int(r, 1, 3), inner.length);
  // Edit from right to left so earlier positions stay valid.
  const chosen = [...new Set(Array.from({ length: n }, () => pick(r, inner)))].sort((a, b) => b - a);
  for (const p of chosen) {
    const x = r();
    const old = t.text[p].toLowerCase();
    const other = () => {
      let c = pick(r, [...LETTERS_DIGITS]);
      while (c === old) c = pick(r, [...LETTERS_DIGITS]);
      return c;
    };
    if (x < 0.5) out.push({ op: "sub", at: p, ch: other() });
    else if (x < 0.75) out.push({ op: "ins", at: p, ch: other() });
    else out.push({ op: "del", at: p });
  }
  return out;
}
