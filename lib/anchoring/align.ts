/**
 * Small edit-distance routines used to verify a candidate match: how well the stored context
 * fits around it, and — for approximate matches — where exactly the quote begins and ends.
 *
 * The bit-parallel search (myers.ts) finds where an approximate match ENDS, not where it
 * starts, nor its exact boundaries when an edit touches its first or last character (a
 * substitution and a deletion cost the same), and it ignores the context. Aligning prefix +
 * quote + suffix together in a narrow diagonal band fixes all three: the context decides the
 * boundaries, and the cost splits into quote errors and context errors. Everything here is
 * O(pattern × band), never O(text).
 */

const INF = 1 << 29;
/** Extra text examined beyond the context's own length, so a few inserted characters still align. */
const CONTEXT_SLACK = 8;

let rowA = new Int32Array(256);
let rowB = new Int32Array(256);
function rows(size: number): void {
  if (rowA.length < size) {
    rowA = new Int32Array(size * 2);
    rowB = new Int32Array(size * 2);
  }
}

/**
 * Edit distance between `prefix` and the text that ends exactly at `end` (the alignment may
 * start anywhere, it must end at `end`). 0 when the text before `end` ends with `prefix`.
 */
export function prefixCost(text: string, end: number, prefix: string): number {
  const p = prefix.length;
  if (p === 0) return 0;
  const from = Math.max(0, end - p - CONTEXT_SLACK);
  if (end - from >= p && text.startsWith(prefix, end - p)) return 0;
  // Reverse both so this becomes "pattern anchored at the start, free end in the text".
  return anchoredCost(text, end - 1, from - 1, -1, prefix, p - 1, -1);
}

/** Edit distance between `suffix` and the text that starts exactly at `start` (free end). */
export function suffixCost(text: string, start: number, suffix: string): number {
  const s = suffix.length;
  if (s === 0) return 0;
  if (text.startsWith(suffix, start)) return 0;
  const to = Math.min(text.length, start + s + CONTEXT_SLACK);
  return anchoredCost(text, start, to, 1, suffix, 0, 1);
}

/**
 * Min over text lengths L of dist(pattern, text walked from `t0` for L steps), walking the
 * text by `dt` until `tEnd` (exclusive) and the pattern by `dp` from `p0`.
 */
function anchoredCost(text: string, t0: number, tEnd: number, dt: number, pat: string, p0: number, dp: number): number {
  const m = pat.length;
  rows(m + 1);
  let prev = rowA;
  let cur = rowB;
  for (let i = 0; i <= m; i++) prev[i] = i; // column 0: no text consumed, pattern chars deleted
  let best = prev[m];
  for (let t = t0; t !== tEnd; t += dt) {
    const c = text.charCodeAt(t);
    cur[0] = prev[0] + 1;
    for (let i = 1, pi = p0; i <= m; i++, pi += dp) {
      const sub = prev[i - 1] + (pat.charCodeAt(pi) === c ? 0 : 1);
      const del = cur[i - 1] + 1;
      const ins = prev[i] + 1;
      cur[i] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    if (cur[m] < best) best = cur[m];
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return best;
}

/** Result of aligning prefix + quote + suffix around a candidate. Offsets are in the searched text. */
export interface Alignment {
  start: number;
  end: number;
  quoteErrors: number;
  prefixErrors: number;
  suffixErrors: number;
}

let band = new Int32Array(4096);

/** Cost of cell (i, j) of the banded matrix, INF outside the band or the text. */
function cell(i: number, j: number, origin: number, W: number, n: number): number {
  const d = j - origin - i;
  return d < 0 || d >= W || j < 0 || j > n ? INF : band[i * W + d];
}

/**
 * Aligns `prefix + quote + suffix` to `text` near a candidate whose quote starts at about
 * `quoteStart`, allowing the path to leave the candidate's diagonal by at most `width`
 * characters. Text before and after the whole pattern is free (semi-global alignment).
 * Characters inserted exactly at a quote boundary are counted as outside the quote.
 */
export function alignQuote(text: string, prefix: string, quote: string, suffix: string, quoteStart: number, width: number): Alignment {
  const P = prefix.length;
  const M = quote.length;
  const pat = prefix + quote + suffix;
  const L = pat.length;
  const W = 2 * width + 1;
  const origin = quoteStart - P - width; // text offset of band column 0 in row 0
  const n = text.length;
  if (band.length < (L + 1) * W) band = new Int32Array((L + 1) * W * 2);
  const D = band;
  // Cell (i, d) = pattern[0..i) aligned to text[..j), j = origin + i + d. Row 0: free leading text.
  for (let d = 0; d < W; d++) D[d] = origin + d < 0 || origin + d > n ? INF : 0;
  for (let i = 1; i <= L; i++) {
    const pc = pat.charCodeAt(i - 1);
    const row = i * W;
    const above = row - W;
    // Columns of this row inside the text: 0 <= origin + i + d <= n.
    const dLo = Math.max(0, -(origin + i));
    const dHi = Math.min(W - 1, n - origin - i);
    for (let d = 0; d < dLo && d < W; d++) D[row + d] = INF;
    for (let d = Math.max(dHi + 1, 0); d < W; d++) D[row + d] = INF;
    let left = INF; // D[i][d-1]
    for (let d = dLo; d <= dHi; d++) {
      const j = origin + i + d;
      // up (pattern char deleted): (i-1, j) is d+1 in the row above; diagonal: d; left: d-1 here.
      let best = d + 1 < W ? D[above + d + 1] + 1 : INF;
      if (j > 0) {
        const diag = D[above + d] + (text.charCodeAt(j - 1) === pc ? 0 : 1);
        if (diag < best) best = diag;
        if (left + 1 < best) best = left + 1;
      }
      D[row + d] = best;
      left = best;
    }
  }
  // Free trailing text: best end column in the last row (smallest column on ties).
  let j = -1;
  let total = INF;
  for (let d = 0; d < W; d++) {
    const v = D[L * W + d];
    if (v < total) {
      total = v;
      j = origin + L + d;
    }
  }
  if (total >= INF) return { start: quoteStart, end: quoteStart + M, quoteErrors: INF, prefixErrors: P, suffixErrors: suffix.length };
  // Traceback. Quote end = column when leaving row P+M; quote start = column on reaching row P.
  let i = L;
  let qEnd = j;
  let qStart = j;
  let costAtQuoteEnd = total;
  let costAtQuoteStart = 0;
  while (i > 0) {
    const v = cell(i, j, origin, W, n);
    const left = j > 0 ? cell(i, j - 1, origin, W, n) : INF;
    const boundaryRow = i === P + M;
    if (boundaryRow && left + 1 === v) {
      j--; // inserted text just after the quote: outside it
      continue;
    }
    if (boundaryRow) {
      qEnd = j;
      costAtQuoteEnd = v;
    }
    const diag = j > 0 ? cell(i - 1, j - 1, origin, W, n) + (text.charCodeAt(j - 1) === pat.charCodeAt(i - 1) ? 0 : 1) : INF;
    if (diag === v) {
      i--;
      j--;
    } else if (cell(i - 1, j, origin, W, n) + 1 === v) {
      i--;
    } else {
      j--;
      continue;
    }
    if (i === P) {
      qStart = j;
      costAtQuoteStart = cell(i, j, origin, W, n);
    }
  }
  return {
    start: qStart,
    end: qEnd,
    quoteErrors: costAtQuoteEnd - costAtQuoteStart,
    prefixErrors: costAtQuoteStart,
    suffixErrors: total - costAtQuoteEnd,
  };
}
