/**
 * embed.js — the embeddable overlay. A publisher adds one tag to its own article page:
 *   <script src="https://<our host>/embed.js" data-article="<slug>" async></script>
 * and the script fetches the article's published claims from our public API (W3C
 * AnnotationPage), anchors them onto the page's own text with the same engine as our reader
 * (lib/anchoring), paints highlights (CSS Custom Highlight API, `<mark>` wrapping elsewhere) and
 * shows badges and cards inside a Shadow DOM. Built by scripts/build-embed.ts (esbuild, IIFE,
 * ES2020, minified) into public/embed.js; budget 25 KB gzipped (`npm run bench:bundle`).
 *
 * It never breaks the host page: everything runs inside try/catch and promise handlers that
 * swallow failures; the fetch has a timeout; an unreachable API, an unknown page, a changed
 * article or claims that no longer anchor only mean fewer (or no) highlights — the engine's
 * rule applies, only claims whose words are unchanged ("anchored") are shown, never "changed"
 * or "orphaned" ones. No global but `window.__factcheckEmbed` (status and a test hook); at most
 * one console.info, never an error.
 */
import { anchorAllInSlices } from "../lib/anchoring/anchor";
import { indexText } from "../lib/anchoring/dom/text-index";
import { createPainter } from "../lib/anchoring/dom/create-painter";
import type { Painter, PaintHighlight } from "../lib/anchoring/dom/painter";
import { fetchJson, parseAnnotationPage } from "./annotations";
import { annotationsUrl, findArticleRoot, findOwnScript, readConfig } from "./config";
import { Overlay, type ShownClaim } from "./overlay";
import { PAGE_STYLE_ID, PREFIX, pageCss } from "./styles";
import { pageLocale } from "./strings";

const NAMESPACE = "__factcheckEmbed";
const TIMEOUT_MS = 8000;

type Status = "loading" | "ready" | "nothing-to-show" | "unavailable" | "error";

export interface EmbedApi {
  status: Status;
  painter: Painter["kind"] | null;
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
  overlay: Overlay | null;
  shown: Map<string, ShownClaim>;
}

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
  await domReady(doc);
  const data = await request;
  if (data === null) {
    info("no fact-checks could be loaded for this page.");
    return "unavailable";
  }
  // The lookup wraps the AnnotationPage as { slug, url, annotations }.
  const page = config.slug ? data : (data as { annotations?: unknown }).annotations;
  const claims = parseAnnotationPage(page);
  const root = findArticleRoot(doc, config.rootSelector);
  const index = indexText(root, { skip: (e) => e.hasAttribute("data-factcheck-embed") });
  // In slices of ≤ 10 ms: the publisher's page stays responsive however many claims there are.
  const results = await anchorAllInSlices(index.text, claims.map((c) => c.anchor), 10);
  const highlights: PaintHighlight[] = [];
  results.forEach((result, i) => {
    // Only unchanged words are shown: a "changed" claim's verdict may not fit the new words.
    if (result.status !== "anchored") return;
    highlights.push({ id: claims[i].id, start: result.start, end: result.end, className: claims[i].verdict });
    state.shown.set(claims[i].id, { ...claims[i], text: index.text.slice(result.start, result.end) });
  });
  if (highlights.length === 0) return "nothing-to-show";

  if (!doc.getElementById(PAGE_STYLE_ID)) {
    const style = doc.createElement("style");
    style.id = PAGE_STYLE_ID;
    style.textContent = pageCss(PREFIX);
    (doc.head ?? doc.documentElement).append(style);
  }
  const painter = (state.painter = createPainter(index, { prefix: PREFIX }, win));
  api.painter = painter.kind;
  painter.paint(highlights);
  state.overlay = new Overlay(doc, root, painter, [...state.shown.values()], pageLocale(doc));
  state.overlay.mount();
  return "ready";
}

function install(): void {
  const win = window as Window & typeof globalThis & { [NAMESPACE]?: EmbedApi };
  if (win[NAMESPACE]) return; // included twice: the first copy does the work
  const script = findOwnScript(document);
  const state: State = { painter: null, overlay: null, shown: new Map() };
  let settle: (status: Status) => void = () => undefined;
  const api: EmbedApi = {
    status: "loading",
    painter: null,
    ready: new Promise<Status>((resolve) => (settle = resolve)),
    highlights: () =>
      (state.painter?.ids() ?? []).map((id) => ({ id, verdict: state.shown.get(id)?.verdict ?? "", text: state.painter?.rangeOf(id)?.toString() ?? "" })),
    open: (id) => state.overlay?.open(id, null, [id]),
    close: () => state.overlay?.close(true),
    destroy: () => {
      state.overlay?.destroy();
      state.painter?.clear();
      document.getElementById(PAGE_STYLE_ID)?.remove();
      state.overlay = state.painter = null;
    },
  };
  win[NAMESPACE] = api;
  const finish = (status: Status) => {
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
