/**
 * Deterministic, seeded generator of a German-like article and claims on it, for the
 * anchoring benchmark. Nothing here is random across runs: the same seed gives the same text.
 */
import { describe } from "../../lib/anchoring/selectors";
import { toStoredAnchor, type StoredAnchor } from "../../lib/anchoring/anchor";

/** mulberry32: a tiny, good-enough seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1)); // inclusive
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "w", "z", "sch", "st", "sp", "br", "kr", "gr", "tr", "pf", "fl", "schw", "v"];
const VOWELS = ["a", "e", "i", "o", "u", "ä", "ö", "ü", "ei", "au", "eu", "ie", "a", "e", "e", "i"];
const CODAS = ["", "", "n", "r", "s", "t", "ch", "ng", "ck", "ß", "tz", "nd", "rt", "lt", "mm", "ll"];
const SUFFIXES = ["", "", "", "ung", "heit", "keit", "en", "er", "lich", "isch", "ten", "nis"];
const FUNCTION_WORDS = ("der die das und mit von zu im auf für nicht ist sind wird hat haben ein eine dem den des sich " +
  "auch als nach bei aus wie noch über vor soll sollen wurde seit gegen zwischen unter").split(" ");
const FIGURES = ["4,8 Millionen", "10.000", "1979", "2,5 Prozent", "37", "1.250", "3,2 Milliarden", "2024", "500", "12,7 Prozent", "68.000", "2000"];

function makeWord(r: Rand): string {
  let w = "";
  const syllables = int(r, 1, 3);
  for (let i = 0; i < syllables; i++) w += pick(r, ONSETS) + pick(r, VOWELS) + pick(r, CODAS);
  return w + pick(r, SUFFIXES);
}

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

function makeSentence(r: Rand, vocab: string[]): string {
  const n = int(r, 6, 22);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    let w = x < 0.35 ? pick(r, FUNCTION_WORDS) : x < 0.92 ? pick(r, vocab) : pick(r, FIGURES);
    if (x >= 0.35 && x < 0.92 && r() < 0.3) w = cap(w);
    if (i < n - 1 && r() < 0.08) w += ",";
    words.push(w);
  }
  if (n > 8 && r() < 0.08) {
    const a = int(r, 1, n - 5);
    words[a] = "„" + words[a];
    words[a + 3] = words[a + 3].replace(/,$/, "") + "“";
  }
  if (n > 8 && r() < 0.06) words.splice(int(r, 2, n - 3), 0, "–");
  words[0] = cap(words[0]);
  return words.join(" ") + pick(r, [".", ".", ".", ".", ".", ".", "?", "!", ":"]);
}

export interface Corpus {
  text: string;
  claims: StoredAnchor[];
  /** ids of claims placed in sentences that occur two or more times */
  repeatedIds: Set<string>;
}

/**
 * A `length`-character article (paragraphs of 3–7 sentences; 25 sentences each repeated 2–3
 * times at random places) and `count` non-overlapping claims of 20–120 characters starting and
 * ending at word boundaries, `repeatedShare` of them inside repeated sentences.
 */
export function generateCorpus(seed: number, length = 100_000, count = 1000, repeatedShare = 0.05): Corpus {
  const r = rng(seed);
  const vocab = Array.from({ length: 3000 }, () => makeWord(r));
  const sentences: string[] = [];
  let total = 0;
  while (total < length + 2000) {
    const s = makeSentence(r, vocab);
    sentences.push(s);
    total += s.length + 1;
  }
  const pool = Array.from({ length: 25 }, () => {
    let s = makeSentence(r, vocab);
    while (s.length < 60 || s.length > 200) s = makeSentence(r, vocab);
    return s;
  });
  const slots = new Set<number>();
  for (const s of pool) {
    for (let k = int(r, 2, 3); k > 0; ) {
      const slot = int(r, 0, Math.floor(sentences.length * 0.95));
      if (slots.has(slot)) continue;
      slots.add(slot);
      sentences[slot] = s;
      k--;
    }
  }
  // Assemble, remembering where each pool sentence occurrence lands.
  const poolSet = new Set(pool);
  const occurrences: [number, number][] = [];
  let text = "";
  let inParagraph = 0;
  let paragraphSize = int(r, 3, 7);
  for (const s of sentences) {
    if (text.length > 0) text += inParagraph === 0 ? "\n\n" : " ";
    if (poolSet.has(s)) occurrences.push([text.length, text.length + s.length]);
    text += s;
    if (++inParagraph === paragraphSize) [inParagraph, paragraphSize] = [0, int(r, 3, 7)];
  }
  text = text.slice(0, length);

  const taken = new Uint8Array(length);
  const free = (s: number, e: number) => taken.subarray(s, e).every((x) => x === 0);
  // A gap of at least one character between claims keeps them distinct.
  const take = (s: number, e: number) => taken.fill(1, Math.max(0, s - 1), Math.min(length, e + 1));
  const tokens = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
  const spanFrom = (ti: number, limitEnd: number): [number, number] | null => {
    const target = int(r, 20, 120);
    const s = tokens[ti][0];
    let e = tokens[ti][1];
    for (let j = ti + 1; j < tokens.length && e - s < target && tokens[j][1] - s <= 120 && tokens[j][1] <= limitEnd; j++) {
      if (text.slice(e, tokens[j][0]).includes("\n")) break;
      e = tokens[j][1];
    }
    return e - s >= 20 && e - s <= 120 ? [s, e] : null;
  };
  const repeated: [number, number][] = [];
  const wantRepeated = Math.round(count * repeatedShare);
  for (let tries = 0; repeated.length < wantRepeated && tries < 10_000; tries++) {
    const [os, oe] = pick(r, occurrences.filter(([, e]) => e <= length));
    const inside = tokens.map((t, i) => [t, i] as const).filter(([t]) => t[0] >= os && t[1] <= oe);
    const [, ti] = pick(r, inside.slice(0, Math.max(1, inside.length - 3)));
    const span = spanFrom(ti, oe);
    if (span && free(...span)) {
      repeated.push(span);
      take(...span);
    }
  }
  const others: [number, number][] = [];
  for (let ti = 0; ti < tokens.length; ti += 1 + int(r, 0, 2)) {
    const span = spanFrom(ti, length);
    if (span && free(...span)) {
      others.push(span);
      take(...span);
      while (ti + 1 < tokens.length && tokens[ti + 1][0] < span[1]) ti++;
    }
  }
  // Keep a random subset of the others, in document order.
  const need = count - repeated.length;
  if (others.length < need) throw new Error(`only ${others.length} claim slots for ${need} claims`);
  const keep = new Set<number>();
  while (keep.size < need) keep.add(int(r, 0, others.length - 1));
  const spans = [...repeated.map((s) => [s, true] as const), ...others.filter((_, i) => keep.has(i)).map((s) => [s, false] as const)];
  spans.sort((a, b) => a[0][0] - b[0][0]);
  const claims = spans.map(([[s, e]], i) => toStoredAnchor(`c${i}`, describe(text, s, e)));
  const repeatedIds = new Set(spans.flatMap(([, rep], i) => (rep ? [`c${i}`] : [])));
  return { text, claims, repeatedIds };
}
