/**
 * Bit-parallel approximate search (Myers 1999, multi-word blocks as in Hyyrö 2003): where in
 * text[from, to) does `pattern` end with at most `maxErrors` edits?
 *
 * approx-string-match implements the same algorithm, but (measured on the benchmark) spends
 * most of its time allocating typed arrays per call and re-running the search backwards to find
 * match starts, and it reports only the matches of the lowest error count in the searched text —
 * so a verbatim copy elsewhere in a window hides the edited copy at the expected place. This
 * version reuses its buffers, reports the best end of EVERY separate location within budget
 * (the caller verifies each one in context), and leaves match starts to the alignment step.
 */

export interface EndMatch {
  /** Offset just after the match's last character. */
  end: number;
  errors: number;
}

const W = 32;
// Per-character bit masks of the pattern, in reused buffers: slotOf maps a UTF-16 code to a row
// of `peq` (row 0 = characters not in the pattern); it is reset after every call.
const slotOf = new Int32Array(65536);
let peq = new Int32Array(64 * 4);
// Per block: vertical delta bit vectors (P+, M-) and the score at the block's last row.
let pv = new Int32Array(4);
let mv = new Int32Array(4);
let score = new Int32Array(4);

/**
 * One text character through pattern block `b` (Myers 1999, Fig. 8): updates the block's
 * vertical deltas and returns the horizontal delta (-1, 0, 1) leaving its last row `top`.
 */
function advance(b: number, eqBase: number, hin: number, top: number): number {
  const eq = peq[eqBase + b] | (hin < 0 ? 1 : 0);
  const p = pv[b];
  const mm = mv[b];
  const xv = eq | mm;
  const xh = (((eq & p) + p) ^ p) | eq;
  let ph = mm | ~(xh | p);
  let mh = p & xh;
  const hout = ph & top ? 1 : mh & top ? -1 : 0;
  ph <<= 1;
  mh <<= 1;
  if (hin < 0) mh |= 1;
  else if (hin > 0) ph |= 1;
  pv[b] = mh | ~(xv | ph);
  mv[b] = ph & xv;
  return hout;
}

/**
 * Best end of each separate approximate occurrence of `pattern` in text[from, to): a maximal
 * run of end positions with ≤ `maxErrors` errors is one occurrence, reported at its lowest cost
 * (the first such end). Runs that may be cut by the window (`from` > 0 or `to` < text.length)
 * are dropped, because a truncated quote costs errors that the quote itself did not have.
 * Only the blocks that can still reach `maxErrors` are computed (Ukkonen's cut-off, as in
 * Myers' paper), so a long pattern costs about maxErrors / 32 blocks per text character.
 */
export function approximateEnds(text: string, from: number, to: number, pattern: string, maxErrors: number): EndMatch[] {
  const m = pattern.length;
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  if (m === 0 || to - from < m - maxErrors) return [];
  const k = Math.min(maxErrors, m);
  const blocks = Math.ceil(m / W);
  const last = blocks - 1;
  const lastBit = 1 << ((m - 1) % W);
  const lastBlockRows = m - last * W;
  let slots = 1;
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    if (slotOf[c] === 0) slotOf[c] = slots++;
  }
  if (peq.length < slots * blocks) peq = new Int32Array(slots * blocks * 2);
  peq.fill(0, 0, slots * blocks);
  for (let i = 0; i < m; i++) peq[slotOf[pattern.charCodeAt(i)] * blocks + ((i / W) | 0)] |= 1 << i % W;
  if (pv.length < blocks) [pv, mv, score] = [new Int32Array(blocks * 2), new Int32Array(blocks * 2), new Int32Array(blocks * 2)];
  // Active blocks 0..y; below y every cell is assumed > k.
  let y = Math.max(0, Math.ceil(k / W) - 1);
  for (let b = 0; b <= y; b++) {
    pv[b] = -1;
    mv[b] = 0;
    score[b] = b === last ? m : (b + 1) * W;
  }

  const found: EndMatch[] = [];
  let run: EndMatch | null = null;
  // The best end's match starts no earlier than end - m - errors; before `from`, it may be cut.
  const whole = (r: EndMatch) => from === 0 || r.end - m - r.errors >= from;
  for (let j = from; j < to; j++) {
    const base = slotOf[text.charCodeAt(j)] * blocks;
    let carry = 0; // row 0 is free: the match may start anywhere
    for (let b = 0; b <= y; b++) {
      carry = advance(b, base, carry, b === last ? lastBit : 1 << 31);
      score[b] += carry;
    }
    if (y < last && score[y] - carry <= k && (peq[base + y + 1] & 1 || carry < 0)) {
      y++; // the next block may now hold cells ≤ k: start it
      pv[y] = -1;
      mv[y] = 0;
      const rows = y === last ? lastBlockRows : W;
      score[y] = score[y - 1] + rows - carry + advance(y, base, carry, y === last ? lastBit : 1 << 31);
    } else {
      while (y > 0 && score[y] >= k + W) y--;
    }
    const errors = y === last ? score[y] : k + 1;
    if (errors <= k) {
      if (!run) run = { end: j + 1, errors };
      else if (errors < run.errors) {
        run.end = j + 1;
        run.errors = errors;
      }
    } else if (run) {
      if (whole(run)) found.push(run);
      run = null;
    }
  }
  if (run && to === text.length && whole(run)) found.push(run);
  for (let i = 0; i < m; i++) slotOf[pattern.charCodeAt(i)] = 0;
  return found;
}
