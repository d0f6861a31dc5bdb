/**
 * Text normalisation shared by both sides of anchoring: the article text and the stored
 * quote/prefix/suffix are normalised with the same rules, matched in normalised space, and
 * the match is mapped back to ORIGINAL offsets through the map built here.
 *
 * Rules (each keeps a typographic variant from turning into a "change" of the claim):
 * - Unicode NFC, so "a\u0308" and "ä" are the same letter;
 * - every whitespace run (space, tab, newline, U+00A0, U+2009, U+202F, …) → one " ";
 * - soft hyphens and zero-width characters (U+00AD, U+200B, U+2060, U+FEFF) are dropped;
 * - typographic quotes („ “ ” ‚ ‘ ’ » « › ‹ …) → straight " or ';
 * - dashes (‐ ‑ ‒ – — ― −) → "-";
 * - letters lower-cased where that keeps one code unit (all but a few, e.g. "İ"): letter case
 *   is presentation, like typography (see {@link skeleton}), so matching ignores it too.
 * Letters and digits are otherwise never touched (apart from NFC), so the letter/digit skeleton
 * of a normalised string equals that of its original.
 */

/** A normalised text with, for each of its UTF-16 code units, the original range it came from. */
export interface NormalizedText {
  readonly text: string;
  /** `starts[i]`: original offset where normalised character `i` begins. Non-decreasing. */
  readonly starts: Int32Array;
  /** `ends[i]`: original offset just after normalised character `i` (a whitespace run maps to the whole run). */
  readonly ends: Int32Array;
  readonly originalLength: number;
}

const SPACE = 0x20;
const DROP = -1;

// Lower-case code of each UTF-16 code unit, filled on first use (0 = not yet known).
const lowerCache = new Uint16Array(65536);
function lower(c: number): number {
  let l = lowerCache[c];
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    l = lowerCache[c] = s.length === 1 ? s.charCodeAt(0) : c;
  }
  return l;
}

/** Replacement code for one (already NFC) UTF-16 code unit: DROP, SPACE for whitespace, else a code. */
function mapCode(c: number): number {
  if (c < 0x80) return c === SPACE || (c >= 0x09 && c <= 0x0d) ? SPACE : c >= 0x41 && c <= 0x5a ? c + 32 : c;
  switch (c) {
    case 0x00ad: case 0x200b: case 0x2060: case 0xfeff: // soft hyphen, zero-width space, word joiner, BOM
      return DROP;
    case 0x00a0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
      return SPACE;
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x00ab: case 0x00bb: case 0x2e42: case 0x301d: case 0x301e:
      return 0x22; // "
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2039: case 0x203a:
      return 0x27; // '
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return 0x2d; // -
  }
  return c >= 0x2000 && c <= 0x200a ? SPACE : lower(c); // en quad … hair space, incl. thin space U+2009
}

/** Combining marks, plus Hangul medial/final jamo that NFC composes with the preceding character. */
const COMBINING = /^[\p{M}\u1160-\u11ff]$/u;

/** Output arrays for one normalisation: codes, and the original range of each code. */
class Buffers {
  n = 0;
  private lastWasSpace = false;
  constructor(
    public codes: Uint16Array,
    public starts: Int32Array,
    public ends: Int32Array,
  ) {}
  static ofSize(size: number): Buffers {
    return new Buffers(new Uint16Array(size), new Int32Array(size), new Int32Array(size));
  }
  reserve(size: number): void {
    if (this.codes.length >= size) return;
    const bigger = Buffers.ofSize(Math.max(size, this.codes.length * 2));
    bigger.codes.set(this.codes);
    bigger.starts.set(this.starts);
    bigger.ends.set(this.ends);
    [this.codes, this.starts, this.ends] = [bigger.codes, bigger.starts, bigger.ends];
  }
  /** The common case, already-NFC input: every code unit maps 1:1 to its own offset. */
  fillNfc(input: string): void {
    const { codes, starts, ends } = this;
    let n = 0;
    let lastWasSpace = false;
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      // ASCII inline (mapCode's first rule): most characters, and no call per character while
      // the JIT has not warmed up yet — a page anchors once, cold (bench/reader-highlights.ts).
      const mapped = c < 0x80 ? (c === SPACE || (c >= 0x09 && c <= 0x0d) ? SPACE : c >= 0x41 && c <= 0x5a ? c + 32 : c) : mapCode(c);
      if (mapped === DROP) continue;
      if (mapped === SPACE) {
        if (lastWasSpace) {
          ends[n - 1] = i + 1; // extend the run's single space over this character
          continue;
        }
        lastWasSpace = true;
      } else lastWasSpace = false;
      codes[n] = mapped;
      starts[n] = i;
      ends[n] = i + 1;
      n++;
    }
    this.n = n;
  }
  /** Appends one normalised unit's code units, all mapped to the original span [from, to). */
  pushUnit(unit: string, from: number, to: number): void {
    for (let k = 0; k < unit.length; k++) {
      const mapped = mapCode(unit.charCodeAt(k));
      if (mapped === DROP) continue;
      if (mapped === SPACE && this.lastWasSpace) {
        this.ends[this.n - 1] = to;
        continue;
      }
      this.reserve(this.n + 1);
      this.codes[this.n] = mapped;
      this.starts[this.n] = from;
      this.ends[this.n] = to;
      this.n++;
      this.lastWasSpace = mapped === SPACE;
    }
  }
  text(hasSurrogates: boolean): string {
    // TextDecoder is fast for long texts but replaces lone surrogates (kept exact the slow way),
    // and in browsers each call is a trip through the DOM bindings: for short strings (stored
    // quotes and their context) String.fromCharCode is much cheaper — in Chromium, decoding
    // 1,000 quotes with TextDecoder alone cost tens of milliseconds (bench/reader-highlights.ts).
    if (!hasSurrogates && this.n > SHORT_DECODE) return utf16.decode(this.codes.subarray(0, this.n));
    let out = "";
    for (let i = 0; i < this.n; i += 8192) {
      out += String.fromCharCode.apply(null, this.codes.subarray(i, Math.min(this.n, i + 8192)) as unknown as number[]);
    }
    return out;
  }
}

const utf16 = new TextDecoder("utf-16le");
const SHORT_DECODE = 2048;

/** Normalises `input` into `buf` (reset first); returns the normalised text. */
function fill(input: string, buf: Buffers): string {
  buf.n = 0;
  buf.reserve(input.length); // NFC output is rarely longer; pushUnit grows when it is
  if (input.normalize("NFC") === input) {
    buf.fillNfc(input);
  } else {
    // NFC each starter together with the combining characters after it, all mapped to that span.
    let segStart = 0;
    for (let i = 0; i < input.length; ) {
      const cp = input.codePointAt(i)!;
      if (i > segStart && !COMBINING.test(String.fromCodePoint(cp))) {
        buf.pushUnit(input.slice(segStart, i).normalize("NFC"), segStart, i);
        segStart = i;
      }
      i += cp > 0xffff ? 2 : 1;
    }
    if (segStart < input.length) buf.pushUnit(input.slice(segStart).normalize("NFC"), segStart, input.length);
  }
  return buf.text(/[\ud800-\udfff]/.test(input));
}

/** Normalises `input` (see module doc) and records where every normalised character came from. */
export function normalize(input: string): NormalizedText {
  const buf = Buffers.ofSize(input.length);
  const text = fill(input, buf);
  return { text, starts: buf.starts.subarray(0, buf.n), ends: buf.ends.subarray(0, buf.n), originalLength: input.length };
}

// Shared by withNormalized (synchronous, not re-entrant): allocating typed arrays costs
// microseconds each, which would dominate normalising 1,000 short quotes.
const scratch = Buffers.ofSize(1024);

/**
 * Like {@link normalize}, but lends the offset map to `visit` instead of allocating one — for
 * the many short strings (stored quotes). The arrays are only valid during the call.
 */
export function withNormalized<T>(input: string, visit: (norm: NormalizedText) => T): T {
  const text = fill(input, scratch);
  return visit({ text, starts: scratch.starts.subarray(0, scratch.n), ends: scratch.ends.subarray(0, scratch.n), originalLength: input.length });
}

/** Index of the first normalised character that starts at or after original offset `offset`. */
export function toNormalizedOffset(norm: NormalizedText, offset: number): number {
  let lo = 0;
  let hi = norm.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (norm.starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Original range covered by normalised range [start, end): from the first matched character's
 * start to the last matched character's end, so characters dropped before or after the range
 * (soft hyphens, the rest of a whitespace run) are not included.
 */
export function toOriginalRange(norm: NormalizedText, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < norm.starts.length ? norm.starts[start] : norm.originalLength;
    return [at, at];
  }
  return [norm.starts[start], norm.ends[end - 1]];
}

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;

/**
 * Letters, combining marks and digits only, lower-cased, ß folded to "ss". Two texts with the
 * same skeleton differ only in whitespace, punctuation, typography or letter case — which is
 * what "anchored" (as opposed to "changed") means.
 */
export function skeleton(s: string): string {
  const lower = s.normalize("NFC").toLowerCase();
  let out = "";
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) out += lower[i];
    } else if (c === 0xdf) {
      out += "ss";
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length) {
      const pair = lower.slice(i, i + 2);
      if (LETTER_OR_DIGIT.test(pair)) out += pair;
      i++;
    } else if (LETTER_OR_DIGIT.test(lower[i])) {
      out += lower[i];
    }
  }
  return out;
}
