import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../import/extract-html";
import { extractOffThread, extractionWorkers } from "./extract-off-thread";

const page = readFileSync(new URL("../import/__fixtures__/putin-kim-nordkorea.de.html", import.meta.url), "utf8");

/** The fixture with thousands of sibling teasers: jsdom and Readability take well over ten seconds on it. */
function heavyPage(): string {
  const teasers = Array.from({ length: 4000 }, (_, i) => `<div class="teaser"><a href="/t/${i}">Teaser ${i} mit etwas Text darin</a><span>vor ${i} Minuten</span></div>`).join("\n");
  return page.replace("</body>", `<div class="more">${teasers}</div></body>`);
}

describe("extractOffThread", () => {
  it("gives what extractArticle gives, from a worker thread", async () => {
    expect(await extractOffThread(page, "https://example.org/artikel")).toEqual(extractArticle(page, "https://example.org/artikel"));
    expect(await extractOffThread("<p>zu kurz</p>", undefined)).toEqual({ ok: false, reason: "no_article" });
  });

  it("keeps a worker that answered warm for the next page, and ends one that was refused", async () => {
    await extractOffThread(page, undefined);
    expect(extractionWorkers()).toEqual({ running: 0, idle: 1 });
    await extractOffThread(page, undefined); // taken from the idle list and back: no second worker
    expect(extractionWorkers()).toEqual({ running: 0, idle: 1 });
    expect(await extractOffThread(heavyPage(), undefined, { timeoutMs: 500 })).toEqual({ ok: false, reason: "too_complex" });
    await expect.poll(() => extractionWorkers()).toEqual({ running: 0, idle: 0 }); // the warm one took the heavy page and was ended
  });

  it("refuses a page that takes too long, and this thread keeps running meanwhile", async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    try {
      expect(await extractOffThread(heavyPage(), "https://example.org/artikel", { timeoutMs: 2000 })).toEqual({ ok: false, reason: "too_complex" });
    } finally {
      clearInterval(ticker);
    }
    // Run on this thread, the same work would have left no room for a single tick.
    expect(ticks).toBeGreaterThan(0);
  });

  it("refuses a page whose parsing outgrows the worker's memory, and the server goes on", async () => {
    // 48 MB: enough for an ordinary page, far too little for thousands of teasers (they need > 96 MB).
    const limits = { memoryMb: 48 };
    expect(await extractOffThread(heavyPage(), "https://example.org/artikel", limits)).toEqual({ ok: false, reason: "too_complex" });
    expect((await extractOffThread(page, "https://example.org/artikel", limits)).ok).toBe(true);
  });

  it("runs at most two workers at once, lets six wait for a worker to exit, and says busy beyond that", async () => {
    await expect.poll(() => extractionWorkers().running).toBe(0); // the workers of the tests before have exited
    const heavy = heavyPage();
    const all = Array.from({ length: 9 }, () => extractOffThread(heavy, undefined, { timeoutMs: 1000 }));
    expect(extractionWorkers().running).toBe(2);
    const results = await Promise.all(all);
    expect(results.slice(0, 8)).toEqual(Array.from({ length: 8 }, () => ({ ok: false, reason: "too_complex" })));
    expect(results[8]).toEqual({ ok: false, reason: "busy" });
    await expect.poll(() => extractionWorkers().running).toBe(0);
  });

  it("refuses markup nested too deep to walk, instead of failing", async () => {
    const deep = page.replace("</body>", `${"<div>".repeat(6000)}tief${"</div>".repeat(6000)}</body>`);
    expect(await extractOffThread(deep, undefined)).toEqual({ ok: false, reason: "too_complex" });
  });
});
