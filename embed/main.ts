/**
 * embed.js — the embeddable overlay. A publisher adds one tag to its own article page:
 *   <script src="https://<our host>/embed.js" data-article="<slug>" async></script>
 * and the script fetches the article's published claims from our public API (W3C
 * AnnotationPage), anchors them onto the page's own text with the same engine as our reader
 * (lib/anchoring), paints highlights (CSS Custom Highlight API, `<mark>` wrapping elsewhere) and
 * shows badges and cards inside a Shadow DOM.
 *
 * Order of work, so that the claims' arrival finds everything else done: the request goes out
 * first and the anchoring worker starts (from its source bundled into this file); meanwhile, in
 * tasks and frames of their own, the page's text is indexed once and handed to the worker to
 * warm up on, the highlight styles and the overlay's element are added. When the claims arrive
 * the worker anchors them and the main thread only maps offsets to ranges and registers those
 * near the viewport (lib/anchoring/dom); badges follow after that frame. Where the host page's
 * Content-Security-Policy forbids workers, anchoring runs on the main thread in slices of 10 ms.
 * Built by scripts/build-embed.ts (esbuild, IIFE, ES2020, minified) into public/embed.js;
 * budget 25 KB gzipped (`npm run bench:bundle`).
 *
 * It never breaks the host page: everything runs inside try/catch and promise handlers that
 * swallow failures; the fetch has a timeout; an unreachable API, an unknown page, a changed
 * article or claims that no longer anchor only mean fewer (or no) highlights — the engine's
 * rule applies, only claims whose words are unchanged ("anchored") are shown, never "changed"
 * or "orphaned" ones. No global but `window.__factcheckEmbed` (status and a test hook); at most
 * one console.info, never an error.
 */
import { createAnchorer, type AnchoringPlace } from "../lib/anchoring/dom/anchor-client";
import { indexText } from "../lib/anchoring/dom/text-index";
import { createPainter } from "../lib/anchoring/dom/create-painter";
import type { Painter, PaintHighlight } from "../lib/anchoring/dom/painter";
import type { AnchorResult } from "../lib/anchoring/anchor";
import type { TextIndex } from "../lib/anchoring/dom/text-index";
import { fetchJson, readAnnotationPage, warmUpReader, type EmbedClaim } from "./annotations";
import { annotationsUrl, findArticleRoot, findOwnScript, readConfig } from "./config";
import { Overlay, OverlayHost, type ShownClaim } from "./overlay";
import { PAGE_STYLE_ID, PREFIX, pageCss } from "./styles";
import { pageLocale } from "./strings";

/** The anchoring worker's bundled source (scripts/build-embed.ts puts it in). */
declare const __FACTCHECK_ANCHOR_WORKER__: string;

const NAMESPACE = "__factcheckEmbed";
const TIMEOUT_MS = 8000;

type Status = "loading" | "ready" | "nothing-to-show" | "unavailable" | "error";

export interface EmbedApi {
  status: Status;
  painter: Painter["kind"] | null;
  /** Where the claims were anchored: in a worker, or on the main thread (no worker allowed). */
  anchoring: AnchoringPlace | null;
  /**
   * performance.now() at each step, for bench/reader-highlights.ts and the curious: started,
   * page text indexed (and handed to the worker), claims arrived (fetched and parsed as JSON),
   * the claims' anchors read from the AnnotationPage, the anchoring request received and answered in the
   * worker (where there is one), claims anchored (results back on the main thread), highlights
   * registered and overlay mounted.
   */
  timings: Partial<Record<"start" | "indexed" | "claims" | "parsed" | "workerReceived" | "workerAnchored" | "anchored" | "shown", number>>;
  /** Settles with the final status; never rejects. */
  ready: Promise<Status>;
  /** The painted highlights with the host page's words under them (tests, debugging). */
  highlights(): { id: string; verdict: string; text: string }[];
  open(id: string): void;
  close(): void;
  /** Removes everything the overlay added to the page. */
  destroy(): void;
}

interface State {
  painter: Painter | null;
  host: OverlayHost | null;
  overlay: Overlay | null;
  /** The claims have arrived: no more warming up. */
  arrived: boolean;
  /** Settled (shown, or given up): nothing more to prepare. */
  done: boolean;
  shown: Map<string, ShownClaim>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Resolves in a task after the next frame — or after 100 ms where frames are not drawn (a hidden tab or frame). */
const nextFrame = (win: Window) =>
  new Promise<void>((resolve) => {
    win.requestAnimationFrame(() => win.setTimeout(resolve, 0));
    win.setTimeout(resolve, 100);
  });

function domReady(doc: Document): Promise<void> {
  return doc.readyState === "loading" ? new Promise((resolve) => doc.addEventListener("DOMContentLoaded", () => resolve(), { once: true })) : Promise.resolve();
}

function info(message: string): void {
  try {
    console.info(`Fact-check overlay: ${message}`);
  } catch {
    /* no console: nothing to say */
  }
}

async function start(win: Window & typeof globalThis, script: HTMLScriptElement | null, api: EmbedApi, state: State): Promise<Status> {
  const doc = win.document;
  const config = readConfig(doc, script, win.location);
  if (!config) return "unavailable";
  const request = fetchJson(annotationsUrl(config), TIMEOUT_MS); // in parallel with the page's parsing
  // The worker at once too: it takes tens of milliseconds to start, on its own thread.
  const anchorer = createAnchorer(typeof __FACTCHECK_ANCHOR_WORKER__ === "string" ? __FACTCHECK_ANCHOR_WORKER__ : null, win);
  try {
    // While the request is out, the preparations, each in a task of its own (the page stays
    // responsive between them): after the next frame, the page's text.
    await nextTask();
    await domReady(doc);
    await nextFrame(win);
    const root = findArticleRoot(doc, config.rootSelector);
    const index = indexText(root, { skip: (e) => e.hasAttribute("data-factcheck-embed") });
    anchorer.warmUp(index.text);
    api.timings.indexed = performance.now();
    prepareThePage(win, state).catch(() => undefined); // only preparations: show() does what they did not
    const data = await request;
    api.timings.claims = performance.now();
    state.arrived = true;
    if (data === null) {
      info("no fact-checks could be loaded for this page.");
      return "unavailable";
    }
    // Each step below in a task of its own, none long: parsing the JSON (done: ~10–40 ms for
    // 1,000 claims in a cold page), reading the anchors and handing them to the worker, reading
    // the cards' part of the claims while the worker anchors (without a worker: between slices).
    await nextTask();
    // The lookup wraps the AnnotationPage as { slug, url, annotations }.
    const page = config.slug ? data : (data as { annotations?: unknown }).annotations;
    const reading = readAnnotationPage(page);
    api.timings.parsed = performance.now();
    const anchoring = anchorer.anchor(index.text, reading.anchors);
    await nextTask();
    const claims = reading.claims();
    const results = await anchoring;
    api.timings.anchored = performance.now();
    if (anchorer.lastTiming) [api.timings.workerReceived, api.timings.workerAnchored] = [anchorer.lastTiming.received, anchorer.lastTiming.anchored];
    api.anchoring = anchorer.place;
    const status = show(win, root, index, claims, results, api, state);
    api.timings.shown = performance.now();
    return status;
  } finally {
    // Ending a worker takes a millisecond or two of the main thread: after the highlights' frame.
    void nextFrame(win).then(() => anchorer.dispose());
  }
}

/**
 * While waiting for the claims, each after a frame of its own: the AnnotationPage reader's
 * warm-up (annotations.ts; pointless once they are here), the highlight styles and the overlay's
 * element — a new style sheet makes the browser match its rules against the page, a new element
 * in <body> lays the page out again (~15 ms for a long article): better done now than in the
 * frame that paints the highlights. If the claims come first, `show` adds both itself and these
 * steps find nothing left to do. Both go again if nothing is shown.
 */
async function prepareThePage(win: Window & typeof globalThis, state: State): Promise<void> {
  await nextFrame(win);
  if (state.done) return;
  if (!state.arrived) {
    warmUpReader();
    await nextFrame(win);
  }
  if (state.overlay || state.done) return;
  addPageStyle(win.document);
  await nextFrame(win);
  if (state.overlay || state.done) return;
  state.host ??= new OverlayHost(win.document);
  state.host.attach();
}

/** The highlight styles, in the host document (styles.ts says why). */
function addPageStyle(doc: Document): void {
  if (doc.getElementById(PAGE_STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = PAGE_STYLE_ID;
  style.textContent = pageCss(PREFIX);
  (doc.head ?? doc.documentElement).append(style);
}

/** Paints the anchored claims and mounts the overlay. */
function show(win: Window & typeof globalThis, root: Element, index: TextIndex, claims: EmbedClaim[], results: AnchorResult[], api: EmbedApi, state: State): Status {
  const doc = win.document;
  const highlights: PaintHighlight[] = [];
  results.forEach((result, i) => {
    // Only unchanged words are shown: a "changed" claim's verdict may not fit the new words.
    if (result.status !== "anchored") return;
    highlights.push({ id: claims[i].id, start: result.start, end: result.end, className: claims[i].verdict });
    state.shown.set(claims[i].id, { ...claims[i], text: index.text.slice(result.start, result.end) });
  });
  if (highlights.length === 0) return "nothing-to-show";
  addPageStyle(doc);
  const painter = (state.painter = createPainter(index, { prefix: PREFIX }, win));
  api.painter = painter.kind;
  painter.paint(highlights);
  state.overlay = new Overlay(doc, root, (state.host ??= new OverlayHost(doc)), painter, [...state.shown.values()], pageLocale(doc));
  state.overlay.mount();
  return "ready";
}

function install(): void {
  const win = window as Window & typeof globalThis & { [NAMESPACE]?: EmbedApi };
  if (win[NAMESPACE]) return; // included twice: the first copy does the work
  const script = findOwnScript(document);
  const state: State = { painter: null, host: null, overlay: null, arrived: false, done: false, shown: new Map() };
  let settle: (status: Status) => void = () => undefined;
  const api: EmbedApi = {
    status: "loading",
    painter: null,
    anchoring: null,
    timings: { start: performance.now() },
    ready: new Promise<Status>((resolve) => (settle = resolve)),
    highlights: () =>
      (state.painter?.ids() ?? []).map((id) => ({ id, verdict: state.shown.get(id)?.verdict ?? "", text: state.painter?.rangeOf(id)?.toString() ?? "" })),
    open: (id) => state.overlay?.open(id, null, [id]),
    close: () => state.overlay?.close(true),
    destroy: () => {
      state.overlay?.destroy();
      state.host?.remove();
      state.painter?.clear();
      document.getElementById(PAGE_STYLE_ID)?.remove();
      state.overlay = state.painter = state.host = null;
    },
  };
  win[NAMESPACE] = api;
  const finish = (status: Status) => {
    state.done = true;
    if (status !== "ready") api.destroy(); // style and host were added while waiting for the claims
    api.status = status;
    settle(status);
  };
  start(win, script, api, state).then(finish, () => {
    info("the fact-checks could not be shown on this page.");
    try {
      api.destroy();
    } catch {
      /* leave the page as it is */
    }
    finish("error");
  });
}

try {
  install();
} catch {
  // Never break the host page.
}
