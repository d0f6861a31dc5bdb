/**
 * Reader-page benchmark: `npm run bench:reader-page` (= `tsx bench/reader-page.ts`).
 *
 * Our own reader page, `/articles/<slug>`, in Chromium (Playwright; Debian's /usr/bin/chromium
 * where it exists), served by a production build (`.next-e2e-bench`, shared with bench:load;
 * BENCH_REUSE_BUILD=1 reuses it) on loopback from a fresh SQLite database: the demo data plus the
 * seeded 100,000-character article of the anchoring benchmark (bench/lib/generate.ts) with its
 * 1,000 claims taken through the review workflow and published (bench/lib/reader-page-task.ts).
 * Named baseline, in the same run: the same text published with no claims — what the page costs
 * without any highlight.
 *
 * The reader page renders the highlights on the server (positions stored by the anchoring engine
 * when the claim was made or the article corrected), so "data" is the HTML's first byte and
 * "painted" is the frame that shows the last highlight: the first animation frame at whose start
 * the article body is complete in the DOM (the element after it exists), then a message posted
 * from that frame's callback — it runs after the frame's style, layout and paint. "Hydrated":
 * React has attached to the article (the first animation frame at which its element carries
 * React's fiber). Long tasks: PerformanceObserver "longtask" and "long-animation-frame" entries
 * from navigation start until one second after hydration. Each variant runs RUNS times in a
 * fresh browser context, interleaved; medians are printed, long tasks as the maximum of all runs.
 *
 * Correctness (exit 1 when wrong; timing only informs): every published claim has its highlight
 * on the page, each showing its claim's words, and the baseline page has none.
 */
import { existsSync, statSync } from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { appEnv, buildApp, hasBuild, prepareDatabase, startInstances, type AppSettings } from "../scripts/lib/app-instances";
import { removeSqliteDatabase } from "../scripts/lib/throwaway-databases";
import type { ReaderPageArticles } from "./lib/reader-page-task";
import { runDatabaseTask } from "./lib/database-task";
import { median } from "./lib/stats";

const SEED = 20240614;
const RUNS = 5;
const REUSE_BUILD = process.env.BENCH_REUSE_BUILD === "1";
const DIST_DIR = ".next-e2e-bench";
const SQLITE_FILE = "data/bench-reader-page.db";
const SETTINGS: AppSettings = {
  port: 3247,
  host: "127.0.0.1",
  databaseUrl: `file:./${SQLITE_FILE}`,
  distDir: DIST_DIR,
  secret: "reader-page-bench-only-secret-not-for-production-0123",
};
const CHROMIUM = "/usr/bin/chromium";
const LONG_TASK_MS = 50;

interface PageFigures {
  responseStart: number;
  responseEnd: number;
  firstContentfulPaint: number | null;
  /** The frame showing the complete article body, painted. */
  painted: number;
  hydrated: number;
  longTasks: number[];
  longAnimationFrames: { start: number; duration: number; parts: string }[];
  highlights: { id: string; text: string }[];
  htmlBytes: number;
}

/**
 * Runs in the page before anything else (Playwright injects it, so the page's CSP does not
 * apply): the observers and the frame loop that notices "painted" and "hydrated".
 */
function instrument(): void {
  const w = window as unknown as { __readerBench: Record<string, unknown> };
  const state: { longTasks: number[]; loafs: { start: number; duration: number; parts: string }[]; painted?: number; hydrated?: number } = { longTasks: [], loafs: [] };
  w.__readerBench = state;
  const describe = (e: PerformanceEntry) => {
    const f = e as PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; scripts?: { invoker: string; duration: number; sourceURL: string }[] };
    const end = e.startTime + e.duration;
    const scripts = (f.scripts ?? []).map((s) => `${s.invoker.slice(0, 50)} ${Math.round(s.duration)} ms`).join(", ");
    const style = f.styleAndLayoutStart > 0 ? Math.round(end - f.styleAndLayoutStart) : 0;
    return `scripts: ${scripts || "none"}; style, layout, paint ${style} ms`;
  };
  new PerformanceObserver((list) => list.getEntries().forEach((e) => state.longTasks.push(Math.round(e.duration)))).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => state.loafs.push({ start: Math.round(e.startTime), duration: Math.round(e.duration), parts: describe(e) }))).observe({ type: "long-animation-frame", buffered: true });
  const frame = () => {
    const body = document.querySelector("[data-testid=article-body]");
    if (state.painted === undefined && body && (body.nextSibling || body.parentElement?.nextSibling)) {
      // This frame renders the complete article: "painted" once its style, layout and paint are done.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (state.painted = performance.now());
      channel.port2.postMessage(null);
      state.painted = -1;
    }
    if (state.hydrated === undefined && body && Object.keys(body).some((key) => key.startsWith("__reactFiber"))) state.hydrated = performance.now();
    if (state.hydrated === undefined || !(state.painted! > 0)) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function measurePage(browser: Browser, url: string): Promise<PageFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(): the page has none.
    await page.addInitScript({ content: `globalThis.__name = (f) => f; (${instrument.toString()})();` });
    let htmlBytes = 0;
    page.on("response", async (response) => {
      if (response.request().resourceType() === "document") htmlBytes = (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => {
      const s = (window as unknown as { __readerBench: { painted?: number; hydrated?: number } }).__readerBench;
      return s.hydrated !== undefined && (s.painted ?? 0) > 0;
    }, undefined, { timeout: 60_000 });
    await page.waitForTimeout(1000); // long tasks after hydration, and the observers' delivery
    return await page.evaluate((bytes) => {
      const s = (window as unknown as { __readerBench: { longTasks: number[]; loafs: PageFigures["longAnimationFrames"]; painted: number; hydrated: number } }).__readerBench;
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      const norm = (t: string) => t.replace(/\s+/g, " ").trim();
      const texts = new Map<string, string>();
      for (const mark of Array.from(document.querySelectorAll<HTMLElement>("[data-testid=article-body] mark[data-claim-ids]"))) {
        for (const id of mark.dataset.claimIds!.split(" ")) texts.set(id, (texts.get(id) ?? "") + mark.textContent);
      }
      return {
        responseStart: nav.responseStart,
        responseEnd: nav.responseEnd,
        firstContentfulPaint: fcp ? fcp.startTime : null,
        painted: s.painted,
        hydrated: s.hydrated,
        longTasks: s.longTasks,
        longAnimationFrames: s.loafs,
        highlights: [...texts].map(([id, text]) => ({ id, text: norm(text) })),
        htmlBytes: bytes,
      };
    }, htmlBytes);
  } finally {
    await context.close();
  }
}

function seedArticles(databaseUrl: string): ReaderPageArticles {
  return runDatabaseTask("bench/lib/reader-page-task.ts", databaseUrl, () => [String(SEED)]);
}

/** The claims' words as stored, for the correctness check. */
async function storedQuotes(base: string, slug: string): Promise<Map<string, string>> {
  const page = (await (await fetch(`${base}/api/v1/articles/${slug}/annotations`)).json()) as { items: { id: string; target: { selector: { type: string; exact?: string }[] } }[] };
  return new Map(page.items.map((a) => [a.id.split("#claim-").pop()!, (a.target.selector.find((s) => s.type === "TextQuoteSelector")?.exact ?? "").replace(/\s+/g, " ").trim()]));
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  console.log("Reader page benchmark — reproduce with: npm run bench:reader-page (BENCH_REUSE_BUILD=1 reuses .next-e2e-bench)");
  if (REUSE_BUILD && hasBuild(DIST_DIR)) console.log(`build: reusing ${DIST_DIR} (built ${statSync(`${DIST_DIR}/BUILD_ID`).mtime.toISOString()})`);
  else {
    console.log(`build: npm run build into ${DIST_DIR}…`);
    buildApp(appEnv(SETTINGS), { quiet: true });
  }
  removeSqliteDatabase(SQLITE_FILE);
  prepareDatabase(appEnv(SETTINGS), { quiet: true });
  const t0 = performance.now();
  const articles = seedArticles(SETTINGS.databaseUrl);
  console.log(`database: ${SQLITE_FILE}, demo data plus two copies of a ${articles.textLength}-character article (seed ${SEED}); ${articles.claims} claims written, approved and published through the data layer in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const running = await startInstances([SETTINGS]);
  const base = running.urls[0];
  const browser = await chromium.launch({ executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  let ok = true;
  try {
    const variants = [
      { name: `reader page, ${articles.claims} published claims`, slug: articles.withClaims },
      { name: "baseline: the same text, no claims", slug: articles.withoutClaims },
    ];
    const quotes = await storedQuotes(base, articles.withClaims);
    for (const v of variants) await measurePage(browser, `${base}/articles/${v.slug}`); // warm-up: server caches, browser caches
    console.log(`machine: Chromium ${browser.version()}, node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    const results = variants.map(() => [] as PageFigures[]);
    for (let run = 0; run < RUNS; run++) for (const [i, v] of variants.entries()) results[i].push(await measurePage(browser, `${base}/articles/${v.slug}`));
    for (const [i, v] of variants.entries()) {
      const rs = results[i];
      const html = await (await fetch(`${base}/articles/${v.slug}`)).arrayBuffer();
      console.log(`\n${v.name}: /articles/${v.slug}`);
      console.log(`  HTML ${(html.byteLength / 1024).toFixed(0)} KB (${(gzipSync(Buffer.from(html)).length / 1024).toFixed(0)} KB gzipped)`);
      console.log(`  first byte → first contentful paint ${ms(median(rs.map((r) => (r.firstContentfulPaint ?? NaN) - r.responseStart)))}`);
      console.log(`  data → painted (first byte → the frame showing the whole article with its highlights) ${ms(median(rs.map((r) => r.painted - r.responseStart)))} (min ${ms(Math.min(...rs.map((r) => r.painted - r.responseStart)))}, max ${ms(Math.max(...rs.map((r) => r.painted - r.responseStart)))}); HTML fully received after ${ms(median(rs.map((r) => r.responseEnd - r.responseStart)))}`);
      console.log(`  first byte → hydrated ${ms(median(rs.map((r) => r.hydrated - r.responseStart)))}`);
      const tasks = rs.flatMap((r) => r.longTasks);
      const frames = rs.flatMap((r) => r.longAnimationFrames);
      const worstFrame = frames.reduce<PageFigures["longAnimationFrames"][number] | null>((a, b) => (a && a.duration >= b.duration ? a : b), null);
      console.log(`  longest main-thread task: ${tasks.length ? `${Math.max(...tasks)} ms` : `none over ${LONG_TASK_MS} ms`}; longest animation frame: ${worstFrame ? `${worstFrame.duration} ms (${worstFrame.parts})` : `none over ${LONG_TASK_MS} ms`}`);
      console.log(`  long tasks per page load (median): ${median(rs.map((r) => r.longTasks.length))}, total blocking time over 50 ms (median): ${ms(median(rs.map((r) => r.longTasks.reduce((sum, d) => sum + d - LONG_TASK_MS, 0))))}`);
      const expected = i === 0 ? quotes : new Map<string, string>();
      const wrong = rs.filter((r) => r.highlights.length !== expected.size || r.highlights.some((h) => expected.get(h.id) !== h.text)).length;
      if (wrong > 0) ok = false;
      console.log(`  correctness: ${wrong === 0 ? "ok" : `WRONG in ${wrong} runs`} (${rs[0].highlights.length} of ${expected.size} claims highlighted with their words)`);
      for (const h of rs[0].highlights.filter((h) => expected.get(h.id) !== h.text).slice(0, 3)) {
        console.log(`    ${h.id}: highlighted "${h.text}", stored "${expected.get(h.id)}"`);
      }
    }
  } finally {
    await browser.close();
    await running.stop();
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
