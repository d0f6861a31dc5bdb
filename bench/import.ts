/**
 * Import benchmark: `npm run bench:import` (= `tsx --conditions=react-server bench/import.ts`).
 *
 * Article extraction (jsdom + Mozilla Readability, lib/import/extract-html.ts) of three pages,
 * built from the reference page (lib/import/__fixtures__/putin-kim-nordkorea.de.html):
 *   - the page itself (7 KB);
 *   - a heavy but ordinary news page: the article plus 600 teasers in 30 rails and 2.5 MB of
 *     inline JSON (3.3 MB, within the 5 MB fetch limit);
 *   - a pathological page: the article plus 4,000 sibling teasers (jsdom's child index and
 *     Readability's scoring make it quadratic).
 * Named baseline, in the same run: extraction on the calling thread, as imports ran before they
 * moved to a worker thread (lib/server/extract-off-thread.ts). For each, the time to the answer
 * (median of RUNS; the pathological page once, it takes seconds) and the longest stall of the
 * calling thread meanwhile: the time every other request of the server would have waited. The
 * worker's start is printed on its own (run from the TypeScript sources, it also compiles its
 * modules with tsx; a production build's bundled worker only loads them); pages after it go to
 * the warm worker. Timing only informs; it exits 1 only when the two ways give different
 * articles for the same page.
 */
import os from "node:os";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { extractArticle } from "../lib/import/extract-html";
import { EXTRACT_TIMEOUT_MS, extractOffThread } from "../lib/server/extract-off-thread";
import { median } from "./lib/stats";

const RUNS = 5;
const PAGE_URL = "https://example.org/politik/putin-kim";
const reference = readFileSync("lib/import/__fixtures__/putin-kim-nordkorea.de.html", "utf8");

const teaser = (i: number) =>
  `<article class="teaser"><a href="/t/${i}"><picture><source srcset="/i/${i}.webp"><img src="/i/${i}.jpg" alt=""></picture><h3>Teaser ${i} mit etwas Text darin</h3></a><p class="meta"><span>vor ${i} Minuten</span></p></article>`;
const rails = Array.from({ length: 30 }, (_, s) => `<section class="rail"><h2>Rubrik ${s}</h2><ul>${Array.from({ length: 20 }, (_, i) => `<li>${teaser(s * 100 + i)}</li>`).join("")}</ul></section>`).join("");
const inlineJson = `<script>window.__DATA__=${JSON.stringify(Array.from({ length: 40_000 }, (_, i) => ({ id: i, title: `Teaser Nummer ${i}`, url: `/t/${i}`, img: `/i/${i}.jpg` })))}</script>`;
const siblings = Array.from({ length: 4000 }, (_, i) => `<div class="teaser"><a href="/t/${i}">Teaser ${i} mit etwas Text darin</a><span>vor ${i} Minuten</span></div>`).join("\n");

const PAGES = [
  { name: "reference page", html: reference, runs: RUNS },
  { name: "heavy news page (600 teasers, 2.5 MB inline JSON)", html: reference.replace("</body>", `${rails}${inlineJson}</body>`), runs: RUNS },
  { name: "pathological page (4,000 sibling teasers)", html: reference.replace("</body>", `<div class="more">${siblings}</div></body>`), runs: 1 },
];

interface Figures {
  ms: number;
  stallMs: number;
  result: unknown;
}

/**
 * The longest gap between the ticks of a 5 ms interval while `work` runs: how long the calling
 * thread could not answer anything else. (perf_hooks' monitorEventLoopDelay misses a single
 * long block that starts right after it is enabled.)
 */
async function longestStall(work: () => unknown): Promise<{ stallMs: number; ms: number; result: unknown }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 20)); // the tick after a block ends it
  clearInterval(ticker);
  return { stallMs, ms, result };
}

/** Runs `work` `runs` times: the median time to the answer and the longest stall of any run. */
async function measure(runs: number, work: () => unknown): Promise<Figures> {
  const times: number[] = [];
  let stallMs = 0;
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const run = await longestStall(work);
    times.push(run.ms);
    stallMs = Math.max(stallMs, run.stallMs);
    result = run.result;
  }
  return { ms: median(times), stallMs, result };
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(7)} ms`;
const outcome = (r: unknown) => {
  const x = r as { ok: boolean; reason?: string; article?: { blocks: unknown[] } };
  return x.ok ? `article, ${x.article!.blocks.length} blocks` : `refused (${x.reason})`;
};

async function main() {
  console.log("Import benchmark — reproduce with: npm run bench:import (tsx --conditions=react-server bench/import.ts)");
  console.log(`machine: node ${process.version}, ${os.cpus()[0]?.model.trim()} (${os.cpus().length} cores), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(`worker limits: ${EXTRACT_TIMEOUT_MS / 1000} s, 512 MB; "stall" = the longest time the calling thread could not answer anything else\n`);
  extractArticle(reference, PAGE_URL); // the calling thread loads jsdom once
  const cold = await longestStall(() => extractOffThread("", PAGE_URL));
  console.log(`the first page starts a worker (tsx, jsdom, Readability): ${fmt(cold.ms).trim()}; later pages go to a warm one\n`);
  let differ = false;
  for (const page of PAGES) {
    const onThread = await measure(page.runs, () => extractArticle(page.html, PAGE_URL));
    const inWorker = await measure(page.runs, () => extractOffThread(page.html, PAGE_URL));
    console.log(`${page.name}: ${(page.html.length / 1e6).toFixed(2)} MB, ${page.runs === 1 ? "one run" : `median of ${page.runs}`}`);
    console.log(`  baseline, on the calling thread: ${fmt(onThread.ms)} to the answer, stall ${fmt(onThread.stallMs)}  → ${outcome(onThread.result)}`);
    console.log(`  worker thread:                   ${fmt(inWorker.ms)} to the answer, stall ${fmt(inWorker.stallMs)}  → ${outcome(inWorker.result)}`);
    if ((inWorker.result as { ok: boolean }).ok && !isDeepStrictEqual(inWorker.result, onThread.result)) {
      console.log("  DIFFERENT articles from the two ways");
      differ = true;
    }
  }
  process.exit(differ ? 1 : 0);
}

void main();
