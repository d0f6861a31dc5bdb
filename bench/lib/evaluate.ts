/**
 * Scoring anchoring results against ground truth (see edits.ts for how truth is tracked).
 *
 * - correct: reported at the true range, with the expected status ("anchored" when the claim's
 *   letters/digits are untouched, "changed" when they were edited);
 * - wrong: reported anchored/changed at a range that is not the true one;
 * - misclassified: at the true range but with the other status (neither correct nor wrong);
 * - orphaned: not reported (neither correct nor wrong).
 * "The true range" is exact, except that a boundary with an edit within one character of it may be off
 * by one character: an insertion there that repeats its neighbour is undecidable (edits.ts).
 */
import { skeleton } from "../../lib/anchoring/normalize";
import type { StoredAnchor } from "../../lib/anchoring/anchor";
import { trueRange, type Tracked } from "./edits";

export interface Reported {
  status: "anchored" | "changed" | "orphaned";
  start?: number;
  end?: number;
}

export interface Tally {
  correct: number;
  wrong: number;
  misclassified: number;
  changed: number;
  orphaned: number;
  /** claims whose true status is "changed" */
  expectedChanged: number;
  /** ids of claims not counted correct, for diagnosis */
  failures: string[];
}

export function evaluate(claims: StoredAnchor[], truth: Tracked, results: Reported[]): Tally {
  const t: Tally = { correct: 0, wrong: 0, misclassified: 0, changed: 0, orphaned: 0, expectedChanged: 0, failures: [] };
  claims.forEach((c, i) => {
    const [ts, te] = trueRange(truth, i);
    const expected = skeleton(truth.text.slice(ts, te)) === skeleton(c.exact) ? "anchored" : "changed";
    if (expected === "changed") t.expectedChanged++;
    const r = results[i];
    if (r.status === "changed") t.changed++;
    if (r.status === "orphaned" || r.start === undefined || r.end === undefined) {
      t.orphaned++;
      t.failures.push(c.id);
      return;
    }
    const tolStart = truth.touched[i] & 1 ? 1 : 0;
    const tolEnd = truth.touched[i] & 2 ? 1 : 0;
    const atTrue = Math.abs(r.start - ts) <= tolStart && Math.abs(r.end - te) <= tolEnd;
    if (!atTrue) t.wrong++;
    else if (r.status === expected) t.correct++;
    else t.misclassified++;
    if (!atTrue || r.status !== expected) t.failures.push(c.id);
  });
  return t;
}
