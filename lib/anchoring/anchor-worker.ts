/**
 * Anchoring off the main thread: the messages between a page and a Web Worker that runs the
 * engine, and the worker's side of them. No DOM here (a worker has none): the page's side is
 * lib/anchoring/dom/anchor-client.ts, the worker's entry point anchor-worker-entry.ts.
 *
 * Why: anchoring 1,000 claims in a 100,000-character article is one 60–100 ms piece of work in a
 * cold browser (normalising the text is one uninterruptible step of it); in a worker it blocks
 * nothing, and the page's main thread only indexes its text and maps offsets to ranges.
 *
 * The protocol is stateless — every request carries the text — and answers in request order:
 * - `warm-up` (no answer): anchors quotes taken from the page's own text, in small batches with
 *   a pause between them, so that the engine's code is compiled and optimised before the claims
 *   arrive (a first run in a fresh worker is about twice as slow as a warm one); sent while the
 *   request for the claims is out. An `anchor` request stops it at the next pause: claims that
 *   arrive early do not wait for a warm-up.
 * - `anchor` → `anchored` with anchorAll's results (packed: PackedResults), or `failed` with a message.
 * The worker normalises a page's text once ({@link normalizedOnce}): the warm-up's batches and the
 * real request share that work, the larger part of anchoring 1,000 claims.
 */
import { anchorAll, NEAR_RADIUS, type AnchorMethod, type AnchorResult, type StoredAnchor } from "./anchor";
import { normalize, type NormalizedText } from "./normalize";

export type AnchorWorkerRequest =
  | { type: "warm-up"; text: string }
  | { type: "anchor"; id: number; text: string; claims: readonly StoredAnchor[] };

export type AnchorWorkerResponse =
  | { type: "anchored"; id: number; results: PackedResults; timing?: WorkerTiming }
  | { type: "failed"; id: number; message: string };

/**
 * When the worker received a request and when it had anchored it, as wall-clock milliseconds
 * (performance.timeOrigin + performance.now(): a worker's performance.now() counts from its own
 * start), for the page's timings (embed.js, bench/reader-highlights.ts).
 */
export interface WorkerTiming {
  received: number;
  anchored: number;
}

const wallClock = () => performance.timeOrigin + performance.now();

/** The part of a worker's global scope (or a MessagePort) the worker side uses. */
export interface MessageEndpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/**
 * anchorAll's results in two typed arrays, which are moved to the page rather than copied:
 * unpacking them there costs a fraction of structured-cloning 1,000 result objects (measured
 * ~6 ms on the main thread). Per result, in input order: `numbers` holds status, start, end and
 * method (indexes into STATUSES and METHODS, −1 for none), `scores` the score; ids are the claims'.
 */
export interface PackedResults {
  numbers: Int32Array;
  scores: Float64Array;
}

const STATUSES = ["anchored", "changed", "orphaned"] as const;
const METHODS: readonly AnchorMethod[] = ["position", "exact", "fuzzy-window", "fuzzy-global"];
const FIELDS = 4;

export function packResults(results: readonly AnchorResult[]): PackedResults {
  const numbers = new Int32Array(results.length * FIELDS);
  const scores = new Float64Array(results.length);
  results.forEach((r, i) => {
    numbers[i * FIELDS] = STATUSES.indexOf(r.status);
    if (r.status !== "orphaned") [numbers[i * FIELDS + 1], numbers[i * FIELDS + 2]] = [r.start, r.end];
    numbers[i * FIELDS + 3] = r.method === undefined ? -1 : METHODS.indexOf(r.method);
    scores[i] = r.score;
  });
  return { numbers, scores };
}

/** The results again, with the ids of the `claims` they were anchored for (anchorAll answers in input order). */
export function unpackResults({ numbers, scores }: PackedResults, claims: readonly StoredAnchor[]): AnchorResult[] {
  return claims.map((claim, i) => {
    const status = STATUSES[numbers[i * FIELDS]];
    const method = METHODS[numbers[i * FIELDS + 3]];
    if (status === "orphaned") return method ? { id: claim.id, status, score: scores[i], method } : { id: claim.id, status, score: scores[i] };
    return { id: claim.id, status, start: numbers[i * FIELDS + 1], end: numbers[i * FIELDS + 2], score: scores[i], method };
  });
}

/** 2 × 200 quotes in batches of 40: measured in Chromium, the first real request then runs about as fast as a third one would. */
const WARM_UP_ROUNDS = 2;
const WARM_UP_QUOTES = 200;
const WARM_UP_BATCH = 40;
const WARM_UP_QUOTE_LENGTH = 48;
const CONTEXT_LENGTH = 32;

/**
 * Stored anchors made from `text` itself: up to WARM_UP_QUOTES evenly spaced quotes, most at
 * their exact position, every fourth with a position hint a few characters off (the bit-parallel
 * search near the hint) and every tenth with one letter changed (a fuzzy match). Cheap to anchor
 * — every one is found next to its hint — but they run the code paths real claims run.
 */
export function warmUpClaims(text: string): StoredAnchor[] {
  const claims: StoredAnchor[] = [];
  const step = Math.max(WARM_UP_QUOTE_LENGTH + CONTEXT_LENGTH, Math.floor(text.length / (WARM_UP_QUOTES + 1)));
  for (let i = 1; i <= WARM_UP_QUOTES && (i + 1) * step <= text.length; i++) {
    const start = i * step;
    const end = start + WARM_UP_QUOTE_LENGTH;
    let exact = text.slice(start, end);
    if (i % 10 === 0) exact = `${exact.slice(0, 20)}${exact[20] === "x" ? "y" : "x"}${exact.slice(21)}`;
    if (!exact.trim()) continue;
    const shift = i % 4 === 0 ? Math.floor(NEAR_RADIUS / 2) : 0;
    claims.push({
      id: `warm-up-${i}`,
      exact,
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
      start: start + shift,
      end: end + shift,
    });
  }
  return claims;
}

let lastNormalized: { text: string; normalized: NormalizedText } | null = null;

/** normalize(text), remembered for the last text: a page sends its one text with every request. */
export function normalizedOnce(text: string): NormalizedText {
  if (lastNormalized?.text !== text) lastNormalized = { text, normalized: normalize(text) };
  return lastNormalized.normalized;
}

/** The worker's answer to an `anchor` request. Never throws. */
export function answerAnchorRequest(request: Extract<AnchorWorkerRequest, { type: "anchor" }>): AnchorWorkerResponse {
  try {
    const results = anchorAll(request.text, request.claims, { normalized: normalizedOnce(request.text) });
    return { type: "anchored", id: request.id, results: packResults(results) };
  } catch (error) {
    return { type: "failed", id: request.id, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs the warm-up on `text` batch by batch, pausing between batches, until done or `wanted()` turns false. */
async function warmUp(text: string, wanted: () => boolean, pause: () => Promise<void>): Promise<void> {
  // First only the normalisation every request needs (remembered), then a pause: claims that
  // arrive right after the text wait for that alone, not for a batch too.
  let normalized: NormalizedText;
  try {
    normalized = normalizedOnce(text);
  } catch {
    return;
  }
  await pause();
  const claims = warmUpClaims(text);
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (let i = 0; i < claims.length; i += WARM_UP_BATCH) {
      if (!wanted()) return;
      try {
        anchorAll(text, claims.slice(i, i + WARM_UP_BATCH), { normalized });
      } catch {
        return; // only a warm-up: the real request reports its own failure
      }
      await pause();
    }
  }
}

/** Lets messages that arrived in the meantime be handled. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Answers the requests arriving at `endpoint` (a worker's global scope). */
export function serveAnchorRequests(endpoint: MessageEndpoint, pause: () => Promise<void> = nextTask): void {
  let requests = 0; // a newer request ends the warm-up in progress
  endpoint.onmessage = (event) => {
    const request = event.data as AnchorWorkerRequest;
    if (request?.type === "warm-up") {
      const current = ++requests;
      void warmUp(request.text, () => current === requests, pause);
    } else if (request?.type === "anchor") {
      requests++;
      const received = wallClock();
      const response = answerAnchorRequest(request);
      if (response.type === "anchored") response.timing = { received, anchored: wallClock() };
      endpoint.postMessage(response, response.type === "anchored" ? [response.results.numbers.buffer, response.results.scores.buffer] : []);
    }
  };
}
