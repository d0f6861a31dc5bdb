/**
 * The in-page half of `npm run bench:highlights`: bundled by bench/reader-highlights.ts with
 * esbuild and loaded by the static article page it serves. `window.__bench.run(kind)` runs one
 * variant on a freshly loaded page and measures it.
 *
 * Our variants load the real embed.js (built by scripts/build-embed.ts, served by the benchmark
 * next to a stand-in of our public API), exactly as a publisher's page does — so the benchmark
 * measures the product's code path: the annotations fetched and parsed, anchoring in a worker
 * (main-thread slices where the page forbids workers), one text index, custom highlights
 * registered near the viewport, badges:
 * - "embed": the claims arrive CLAIMS_AFTER_MS after the script started (a typical API round
 *   trip; meanwhile the overlay has indexed the page and the worker has warmed up);
 * - "embed-at-once": the API answers at once (the claims may arrive before the warm-up is done);
 * - "embed-no-worker": the page's Content-Security-Policy forbids workers (`worker-src 'none'`),
 *   so anchoring runs on the main thread in slices; claims after CLAIMS_AFTER_MS;
 * - "embed-no-window": as "embed" without IntersectionObserver, so every highlight and badge is
 *   registered and placed at once — the comparison that shows what the viewport window saves.
 * And the named baseline, "wrapping": `<mark>` wrapping as DOM-wrapping annotators such as
 * Hypothesis do it — indexing, anchorAll and wrapping in one pass once the claims are there.
 *
 * Definitions (performance.now() in the page; the overlay's own timestamps are its
 * `__factcheckEmbed.timings`):
 * - "data" (t0): the claims are in the page — the API response fetched and parsed as JSON;
 * - "painted": the overlay has registered the highlights near the viewport (and mounted), then
 *   the next requestAnimationFrame callback ran and a message posted from it: it runs after that
 *   frame's style, layout and paint, the main thread's part of showing them. The page then
 *   checks that every claim whose words are on screen had its highlight registered;
 * - long tasks: PerformanceObserver "longtask" and "long-animation-frame" entries (buffered)
 *   that start after embed.js was added to the page, until the end of the run — which includes
 *   a scroll through the whole article, one viewport per step, after which every claim must have
 *   been registered at some point. The benchmark's own checks run in tasks of their own, left out.
 */
import { anchorAll, type AnchorResult, type StoredAnchor } from "../../lib/anchoring/anchor";
import { indexText, type TextIndex } from "../../lib/anchoring/dom/text-index";
import { WrappingPainter, type PaintHighlight } from "../../lib/anchoring/dom/painter";
import type { WindowLike } from "../../lib/anchoring/dom/viewport-window";
import type { EmbedApi } from "../../embed/main";

export const CLAIMS_AFTER_MS = 200;
export const KINDS = ["embed", "embed-at-once", "embed-no-worker", "embed-no-window", "wrapping"] as const;
export type Kind = (typeof KINDS)[number];
/** The stand-in API's slug for "answer after `ms`": bench/reader-highlights.ts reads the delay from it. */
export const DELAY_SLUG_PREFIX = "bench-after-";
const slugForDelay = (ms: number) => `${DELAY_SLUG_PREFIX}${ms}`;
const PREFIX = "factcheck-"; // embed/styles.ts

export interface RunResult {
  kind: Kind;
  status: string;
  anchoring: string | null;
  claims: number;
  anchored: number;
  painted: number;
  /** Painted ranges whose text (whitespace collapsed) differs from the stored quote. */
  mismatched: number;
  /** Registered ranges that are not where main-thread anchorAll puts a claim. */
  strayRanges: number;
  /** Claims whose words are on screen but whose highlight was not registered in the painted frame. */
  onScreenMissing: number;
  /** Claims registered at some point (during the scroll through). */
  registeredEver: number;
  /** Highlights registered in the painted frame. */
  registeredFirst: number;
  /** Badges shown once the overlay had placed them (the frame after the highlights). */
  badgesShown: number;
  textLength: number;
  textNodes: number;
  ms: {
    /** Before the data: embed.js running → page indexed (worker started meanwhile; the overlay pauses for a task and a frame on the way). */
    beforeData: number;
    /** Data → results back on the main thread (annotations parsed, anchored). */
    anchor: number;
    /** Its parts: claims read from the AnnotationPage; the request on its way to the worker; anchoring in the worker; the results on their way back. NaN where there is no worker. */
    parse: number;
    toWorker: number;
    inWorker: number;
    back: number;
    /** Results → highlights registered and overlay mounted. */
    show: number;
    /** Data → painted: the figure the target is about. */
    total: number;
    /** The frame after a small change of the page once painted (a class toggled on the headline). */
    changeFrame: number;
  };
  /** Durations of longtask / long-animation-frame entries from embed.js's start to the end of the run. */
  longTasks: number[];
  longAnimationFrames: number[];
  /** The same, only from embed.js's start to painted. */
  longTasksToPainted: number[];
  /** The longest long-animation-frame entry of the run: when (ms after embed.js's start / after the data) and what it consisted of. */
  longestFrame: string | null;
  /** The same for the longest longtask entry (when, not what: longtask entries do not say). */
  longestTask: string | null;
  /** A fixed arithmetic loop timed just before the run: shows how much CPU the page got. */
  calibrationMs: number;
}

/** The same loop bench/reader-highlights.ts times in Node. */
export function calibrationLoop(): number {
  let sum = 0;
  for (let k = 0; k < 5_000_000; k++) sum += k % 7;
  return sum;
}

/**
 * After the next rendered frame: rAF, then the first task after that frame — a user-blocking
 * task (scheduler.postTask) runs before timers and messages other code queued meanwhile (the
 * overlay places its badges in a task of its own after the frame); else a message.
 */
const nextFrame = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const scheduler = (globalThis as { scheduler?: { postTask?: (f: () => void, o: { priority: string }) => Promise<void> } }).scheduler;
      if (scheduler?.postTask) return void scheduler.postTask(resolve, { priority: "user-blocking" });
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const round = (x: number) => Math.round(x * 10) / 10;

interface Entry {
  start: number;
  duration: number;
  /** long-animation-frame only: what the frame consists of. */
  parts?: string;
}

/** A long animation frame in words: scripts (by invoker), then style and layout, then the rest of rendering (paint, commit). */
function describeFrame(e: PerformanceEntry): string | undefined {
  const loaf = e as PerformanceEntry & { renderStart?: number; styleAndLayoutStart?: number; scripts?: { invoker: string; duration: number; sourceURL: string; startTime: number; executionStart: number }[] };
  if (loaf.renderStart === undefined) return undefined;
  const end = e.startTime + e.duration;
  const render = loaf.renderStart > 0 ? end - loaf.renderStart : 0;
  const styleLayout = loaf.styleAndLayoutStart && loaf.styleAndLayoutStart > 0 ? end - loaf.styleAndLayoutStart : 0;
  const scripts = (loaf.scripts ?? [])
    .map((s) => `${s.invoker.slice(0, 40)}${s.sourceURL ? ` (${s.sourceURL.split("/").pop()})` : ""} ${Math.round(s.duration)} ms${s.executionStart - s.startTime >= 1 ? ` (${Math.round(s.executionStart - s.startTime)} ms compiling)` : ""}`)
    .join(", ");
  return `scripts: ${scripts || "none"}; rendering ${Math.round(render)} ms of which style+layout+paint+commit from styleAndLayoutStart ${Math.round(styleLayout)} ms`;
}

function observe(type: string, into: Entry[]): PerformanceObserver | null {
  if (!PerformanceObserver.supportedEntryTypes?.includes(type)) return null;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) into.push({ start: entry.startTime, duration: Math.round(entry.duration), parts: describeFrame(entry) });
  });
  observer.observe({ type, buffered: true });
  return observer;
}

/** The verdict of the i-th claim: bench/reader-highlights.ts gives the stand-in API's claims these, in turn. */
export const VERDICT_CYCLE = ["TRUE", "MOSTLY_TRUE", "MIXED", "MOSTLY_FALSE", "FALSE", "MISLEADING", "UNPROVEN"] as const;

function anchoredHighlights(results: AnchorResult[], claims: StoredAnchor[]): PaintHighlight[] {
  const out: PaintHighlight[] = [];
  results.forEach((r, i) => {
    if (r.status === "anchored") out.push({ id: claims[i].id, start: r.start, end: r.end, className: VERDICT_CYCLE[i % VERDICT_CYCLE.length] });
  });
  return out;
}

/** Which claim a registered range belongs to, by its boundaries (the overlay's own ranges are not asked for: they are made lazily). */
class RangeKeys {
  private readonly position: Map<Node, number>;
  private readonly idByKey = new Map<string, string>();
  constructor(index: TextIndex, highlights: PaintHighlight[]) {
    this.position = new Map(index.nodes.map((node, i) => [node, i]));
    for (const h of highlights) {
      const range = index.rangeFor(h.start, h.end);
      if (range) this.idByKey.set(this.key(range), h.id);
    }
  }
  /** Ids of the ranges registered now; `stray` counts ranges that are no claim's. */
  registered(): { ids: Set<string>; stray: number } {
    const ids = new Set<string>();
    let stray = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith(PREFIX)) continue;
      for (const range of highlight) {
        const id = this.idByKey.get(this.key(range));
        if (id) ids.add(id);
        else stray++;
      }
    }
    return { ids, stray };
  }
  private key(r: AbstractRange): string {
    return `${this.position.get(r.startContainer)}:${r.startOffset}-${this.position.get(r.endContainer)}:${r.endOffset}`;
  }
}

function onScreen(range: Range | null): boolean {
  for (const box of Array.from(range?.getClientRects() ?? [])) {
    if (box.width > 0 && box.bottom > 0 && box.top < innerHeight) return true;
  }
  return false;
}

function loadEmbed(kind: Kind): Promise<EmbedApi> {
  const script = document.createElement("script");
  script.src = "embed.js";
  script.dataset.article = slugForDelay(kind === "embed-at-once" ? 0 : CLAIMS_AFTER_MS);
  return new Promise((resolve, reject) => {
    script.onload = () => resolve((window as unknown as { __factcheckEmbed: EmbedApi }).__factcheckEmbed);
    script.onerror = () => reject(new Error("embed.js did not load"));
    document.body.append(script);
  });
}

/** Where the current run is: Node asks for it when a run takes too long (bench/reader-highlights.ts). */
let stage = "not started";

async function run(kind: Kind): Promise<RunResult> {
  stage = "setting up";
  const root = document.querySelector("[data-factcheck-root]")!;
  const claims = (await (await fetch("claims.json")).json()) as StoredAnchor[];
  // The expected answer, worked out before the run (the overlay must find the same).
  const reference = kind === "wrapping" ? null : indexText(root);
  const expected = reference ? anchoredHighlights(anchorAll(reference.text, claims), claims) : [];
  const keys = reference ? new RangeKeys(reference, expected) : null;
  await sleep(100);
  await nextFrame();
  await nextFrame();
  const longTasks: Entry[] = [];
  const loafs: Entry[] = [];
  const observers = [observe("longtask", longTasks), observe("long-animation-frame", loafs)];
  const c0 = performance.now();
  calibrationLoop();
  const calibrationMs = round(performance.now() - c0);
  await nextFrame();
  if (kind === "embed-no-window") (window as { IntersectionObserver?: unknown }).IntersectionObserver = undefined;

  const start = performance.now();
  let status = "ready";
  let anchoring: string | null = null;
  let index: TextIndex;
  let t0: number;
  let tAnchored: number;
  let tShown: number;
  let painted: { id: string; text: string }[] = [];
  let embed: EmbedApi | null = null;
  if (kind === "wrapping") {
    const data = claims.slice();
    t0 = performance.now();
    index = indexText(root);
    const highlights = anchoredHighlights(anchorAll(index.text, data), data);
    tAnchored = performance.now();
    // As DOM-wrapping annotators do: every mark at once, no viewport window (a window without IntersectionObserver).
    const noObserver: WindowLike = { innerHeight, setTimeout: window.setTimeout.bind(window) };
    const painter = new WrappingPainter(index, { prefix: "bench-" }, noObserver);
    painter.paint(highlights);
    tShown = performance.now();
    painted = painter.ids().map((id) => ({ id, text: painter.rangeOf(id)?.toString() ?? "" }));
  } else {
    stage = "loading embed.js";
    embed = await loadEmbed(kind);
    stage = "waiting for embed.js to settle";
    status = await embed.ready;
    const timings = embed.timings;
    index = reference!;
    anchoring = embed.anchoring;
    t0 = timings.claims ?? NaN;
    tAnchored = timings.anchored ?? NaN;
    tShown = timings.shown ?? NaN;
  }
  stage = "waiting for the painted frame";
  await nextFrame();
  const tPainted = performance.now();
  stage = "checking";

  // Checks (not timed; their tasks are left out of the long-task figures).
  const checks: [number, number][] = [[tPainted - 2, 0]];
  const first = keys?.registered() ?? { ids: new Set(painted.map((p) => p.id)), stray: 0 };
  const registered = new Set(first.ids);
  let strayRanges = first.stray;
  const onScreenMissing = keys ? expected.filter((h) => !registered.has(h.id) && onScreen(index.rangeFor(h.start, h.end))).length : 0;
  checks[0][1] = performance.now();
  await sleep(100); // the overlay places its badges and starts watching the viewport after the painted frame
  const badgesShown = document.querySelector("[data-factcheck-embed]")?.shadowRoot?.querySelectorAll(".badge.shown").length ?? 0;

  const c1 = performance.now();
  document.querySelector("h1")!.classList.toggle("bench-touched");
  await nextFrame();
  const changeFrame = performance.now() - c1;

  if (keys && kind !== "embed-no-window") {
    // Scroll through the whole article, one viewport per step; the window follows (IntersectionObserver, then a frame).
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      stage = `scrolling to ${y} of ${document.documentElement.scrollHeight}`;
      scrollTo(0, y);
      await nextFrame();
      await nextFrame();
      const from = performance.now();
      const now = keys.registered();
      for (const id of now.ids) registered.add(id);
      strayRanges = Math.max(strayRanges, now.stray);
      checks.push([from, performance.now()]);
    }
    scrollTo(0, 0);
    await nextFrame();
  }
  const end = performance.now();
  stage = "collecting";
  await sleep(200); // let the observers deliver
  observers.forEach((o) => o?.disconnect());

  if (embed) painted = embed.highlights();
  const exact = new Map(claims.map((c) => [c.id, norm(c.exact)]));
  const ours = (e: Entry) => e.start >= start && e.start < end && !checks.some(([a, b]) => e.start >= a && e.start < b);
  const within = (entries: Entry[], to: number) => entries.filter((e) => ours(e) && e.start < to).map((e) => e.duration);
  return {
    kind,
    status,
    anchoring,
    claims: claims.length,
    anchored: kind === "wrapping" ? painted.length : expected.length,
    painted: painted.length,
    mismatched: painted.filter((p) => norm(p.text) !== exact.get(p.id)).length,
    strayRanges,
    onScreenMissing,
    registeredEver: registered.size,
    registeredFirst: first.ids.size,
    badgesShown,
    textLength: index.text.length,
    textNodes: index.nodes.length,
    ms: {
      beforeData: round(embed ? (embed.timings.indexed ?? NaN) - (embed.timings.start ?? NaN) : 0),
      anchor: round(tAnchored - t0),
      ...anchorParts(embed),
      show: round(tShown - tAnchored),
      total: round(tPainted - t0),
      changeFrame: round(changeFrame),
    },
    longTasks: within(longTasks, end),
    longAnimationFrames: within(loafs, end),
    longTasksToPainted: [...within(longTasks, tPainted), ...within(loafs, tPainted)],
    longestFrame: describeLongest(loafs.filter(ours), start, t0),
    longestTask: describeLongest(longTasks.filter(ours), start, t0),
    calibrationMs,
  };
}

function anchorParts(embed: EmbedApi | null): Pick<RunResult["ms"], "parse" | "toWorker" | "inWorker" | "back"> {
  const t = embed?.timings ?? {};
  const span = (from?: number, to?: number) => (from === undefined || to === undefined ? NaN : round(to - from));
  return { parse: span(t.claims, t.parsed), toWorker: span(t.parsed, t.workerReceived), inWorker: span(t.workerReceived, t.workerAnchored), back: span(t.workerAnchored, t.anchored) };
}

function describeLongest(frames: Entry[], start: number, t0: number): string | null {
  const worst = frames.reduce<Entry | null>((a, b) => (a && a.duration >= b.duration ? a : b), null);
  if (!worst) return null;
  const at = (t: number) => `${t >= 0 ? "+" : ""}${Math.round(t)}`;
  return `${worst.duration} ms at ${at(worst.start - start)} ms after embed.js started (${at(worst.start - t0)} ms after the data)${worst.parts ? `: ${worst.parts}` : ""}`;
}

// Only in the page (Node imports this module for calibrationLoop, the kinds and the types).
if (typeof window !== "undefined") (window as unknown as { __bench: unknown }).__bench = { run, stage: () => stage };
