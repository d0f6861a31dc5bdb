/**
 * The in-page half of `npm run bench:highlights` (bundled by bench/reader-highlights.ts with
 * esbuild and loaded by the static page it serves).
 *
 * `window.__bench.run(kind)` fetches the claim data, then — in one synchronous pass, timed with
 * performance.now() — indexes the article's text nodes, anchors all claims (anchorAll), maps
 * them to DOM ranges and paints them with the chosen painter; then waits for the next rendered
 * frame (the custom-highlight painter's real cost is in that frame's style and paint) and
 * reports the phases, the longest main-thread tasks the browser saw (PerformanceObserver
 * "longtask" and "long-animation-frame") and a correctness check of every painted range.
 *
 * `kind: "custom-highlight-chunked"` does the same work in slices — indexing, anchoring cut
 * every CHUNK_MS (anchorAllInSlices), ranges + paint — yielding to the event loop between them
 * (scheduler.yield where it exists, else setTimeout 0): the pattern for when one pass would
 * exceed 50 ms. Its `sync` figure is then the sum of the slices, not one task.
 */
import { anchorAll, anchorAllInSlices, type AnchorResult, type StoredAnchor } from "../../lib/anchoring/anchor";
import { indexText } from "../../lib/anchoring/dom/text-index";
import { CustomHighlightPainter, WrappingPainter, type Painter, type PaintHighlight } from "../../lib/anchoring/dom/painter";

const VERDICTS = ["TRUE", "MOSTLY_TRUE", "MIXED", "MOSTLY_FALSE", "FALSE", "MISLEADING", "UNPROVEN"];
const CHUNK_MS = 8;

type Kind = "custom-highlight" | "custom-highlight-chunked" | "wrapping";

export interface RunResult {
  kind: Kind;
  claims: number;
  anchored: number;
  painted: number;
  /** Painted ranges whose text (whitespace collapsed) differs from the stored quote. */
  mismatched: number;
  textLength: number;
  textNodes: number;
  /** paint = offsets → ranges → painter (marks inserted / highlights registered); toFrame = until the next rendered frame. */
  ms: { index: number; anchor: number; paint: number; sync: number; toFrame: number; total: number };
  /** Longest synchronous slice of our own work (the whole pass unless chunked). */
  longestSliceMs: number;
  longTasks: number[];
  longAnimationFrames: number[];
  /** A fixed arithmetic loop timed just before the run: shows how much CPU the page got. */
  calibrationMs: number;
}

/** The same loop bench/reader-highlights.ts times in Node. */
export function calibrationLoop(): number {
  let sum = 0;
  for (let k = 0; k < 5_000_000; k++) sum += k % 7;
  return sum;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const yieldToLoop = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

function observe(type: string, into: number[]): PerformanceObserver | null {
  if (!PerformanceObserver.supportedEntryTypes?.includes(type)) return null;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) into.push(Math.round(entry.duration));
  });
  observer.observe({ type, buffered: false });
  return observer;
}

function toHighlights(results: AnchorResult[]): PaintHighlight[] {
  const out: PaintHighlight[] = [];
  results.forEach((r, i) => {
    if (r.status === "anchored") out.push({ id: r.id, start: r.start, end: r.end, className: VERDICTS[i % VERDICTS.length] });
  });
  return out;
}

async function run(kind: Kind): Promise<RunResult> {
  const root = document.querySelector("[data-factcheck-root]")!;
  await nextFrame();
  await nextFrame();
  const longTasks: number[] = [];
  const loafs: number[] = [];
  const observers = [observe("longtask", longTasks), observe("long-animation-frame", loafs)];
  const claims = (await (await fetch("claims.json")).json()) as StoredAnchor[];
  const c0 = performance.now();
  calibrationLoop();
  const calibrationMs = Math.round((performance.now() - c0) * 10) / 10;
  await nextFrame();

  const t0 = performance.now();
  let index!: ReturnType<typeof indexText>;
  let results!: AnchorResult[];
  let highlights!: PaintHighlight[];
  let painter!: Painter;
  const marks: number[] = [t0];
  let longestSlice = 0;
  if (kind === "custom-highlight-chunked") {
    // Slices: indexing; anchoring, cut every CHUNK_MS by anchorAllInSlices; ranges + paint.
    let resumed = performance.now();
    const pause = async () => {
      longestSlice = Math.max(longestSlice, performance.now() - resumed);
      await yieldToLoop();
      resumed = performance.now();
    };
    index = indexText(root);
    marks.push(performance.now());
    await pause();
    results = await anchorAllInSlices(index.text, claims, CHUNK_MS, pause);
    marks.push(performance.now());
    await pause();
    highlights = toHighlights(results);
    painter = new CustomHighlightPainter(index, { prefix: "bench-" });
    painter.paint(highlights);
    marks.push(performance.now());
    longestSlice = Math.max(longestSlice, performance.now() - resumed);
  } else {
    index = indexText(root);
    marks.push(performance.now());
    results = anchorAll(index.text, claims);
    marks.push(performance.now());
    highlights = toHighlights(results);
    painter = kind === "wrapping" ? new WrappingPainter(index, { prefix: "bench-" }) : new CustomHighlightPainter(index, { prefix: "bench-" });
    painter.paint(highlights);
    marks.push(performance.now());
    longestSlice = marks[3] - marks[0];
  }
  await nextFrame();
  const t2 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the observers deliver
  observers.forEach((o) => o?.disconnect());

  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  const exact = new Map(claims.map((c) => [c.id, norm(c.exact)]));
  const ids = painter.ids();
  const mismatched = ids.filter((id) => norm(painter.rangeOf(id)?.toString() ?? "") !== exact.get(id)).length;
  const d = (a: number, b: number) => Math.round((marks[b] - marks[a]) * 10) / 10;
  return {
    kind,
    claims: claims.length,
    anchored: highlights.length,
    painted: ids.length,
    mismatched,
    textLength: index.text.length,
    textNodes: index.nodes.length,
    ms: {
      index: d(0, 1),
      anchor: d(1, 2),
      paint: d(2, 3),
      sync: d(0, 3),
      toFrame: Math.round((t2 - marks[3]) * 10) / 10,
      total: Math.round((t2 - t0) * 10) / 10,
    },
    longestSliceMs: Math.round(longestSlice * 10) / 10,
    longTasks,
    longAnimationFrames: loafs,
    calibrationMs,
  };
}

// Only in the page (Node imports this module for calibrationLoop and the types).
if (typeof window !== "undefined") (window as unknown as { __bench: unknown }).__bench = { run };
