/**
 * The embeddable overlay (public/embed.js, built from embed/ by scripts/build-embed.ts) on a
 * publisher's own page: e2e/fixtures/host-article.html, served by this test from its own origin
 * (127.0.0.1, a free port), so the overlay talks to the app (localhost:E2E_PORT) cross-origin,
 * through the public API's CORS headers, exactly as on a real publisher's site.
 * Build the overlay before this test (`npx tsx scripts/build-embed.ts`; `prebuild` does it
 * before `next build`).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

const APP = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const FIXTURE = readFileSync("e2e/fixtures/host-article.html", "utf8");
const PUBLISHED = [
  "mehr als 10.000 Schiffscontainer",
  "das erste Mal seit dem Jahr 2000",
  "Seit der iranischen Revolution von 1979 ist das die erste militärische Unterstützung des Irans für ein nicht islamisches Land",
];

let server: Server;
let host: string;
let closedPort: number;

/** The fixture, adapted per case: `api` overrides the API origin, `lookup` drops data-article, `edited` changes a figure. */
function hostPage(params: URLSearchParams): string {
  let html = FIXTURE.replace("http://localhost:3100", APP);
  if (params.has("api")) html = html.replace("data-article=", `data-api="${params.get("api")}" data-article=`);
  if (params.has("lookup")) html = html.replace(' data-article="putin-kim-nordkorea"', "");
  if (params.has("edited")) html = html.replace("mehr als&nbsp;10.000", "mehr als&nbsp;12.000");
  return html;
}

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname !== "/article.html") return void res.writeHead(404).end();
    // `csp`: the publisher's Content-Security-Policy forbids workers (the overlay anchors on the main thread then).
    const csp = url.searchParams.has("csp") ? { "Content-Security-Policy": "worker-src 'none'" } : {};
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...csp }).end(hostPage(url.searchParams));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port nobody listens on: the "API down" case.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Hook = { status: string; painter: string | null; anchoring: string | null; highlights(): { id: string; verdict: string; text: string }[]; destroy(): void };

/** Opens a host-page variant, records uncaught errors, waits until the overlay has settled. */
async function openHost(page: Page, query = ""): Promise<{ status: string; errors: Error[] }> {
  const errors: Error[] = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(`${host}/article.html${query}`);
  await page.waitForFunction(() => {
    const hook = (window as unknown as { __factcheckEmbed?: Hook }).__factcheckEmbed;
    return hook !== undefined && hook.status !== "loading";
  });
  const status = await page.evaluate(() => (window as unknown as { __factcheckEmbed: Hook }).__factcheckEmbed.status);
  return { status, errors };
}

/** Removes the overlay through its own hook, as a publisher's script may. */
const removeOverlay = (page: Page) => page.evaluate(() => (window as unknown as { __factcheckEmbed: Hook }).__factcheckEmbed.destroy());

const highlights = (page: Page) =>
  page.evaluate(() => (window as unknown as { __factcheckEmbed: Hook }).__factcheckEmbed.highlights().map((h) => ({ ...h, text: h.text.replace(/\s+/g, " ") })));

/** Viewport centre of the first occurrence of `word` in the host's article text. */
async function pointAt(page: Page, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate((word) => {
    const walker = document.createTreeWalker(document.querySelector("article.story")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      node.parentElement!.scrollIntoView({ block: "center" });
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    throw new Error(`not in the article: ${word}`);
  }, word);
}

const card = (page: Page) => page.locator("[data-factcheck-embed] [role=dialog]");
const badge = (page: Page, name: RegExp) => page.getByRole("button", { name });
const shadowFocus = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector("[data-factcheck-embed]")!.shadowRoot!.activeElement;
    return active ? `${active.tagName.toLowerCase()}.${active.classList[0]}` : null;
  });

test("the published claims appear on the right words of the publisher's page", async ({ page }) => {
  const { status, errors } = await openHost(page);
  expect(status).toBe("ready");
  expect(await page.evaluate(() => (window as unknown as { __factcheckEmbed: Hook }).__factcheckEmbed.painter)).toBe("custom-highlight");
  expect(await page.evaluate(() => (window as unknown as { __factcheckEmbed: Hook }).__factcheckEmbed.anchoring)).toBe("worker");
  const shown = await highlights(page);
  expect(shown.map((h) => h.text)).toEqual(PUBLISHED);
  expect(shown.map((h) => h.verdict)).toEqual(["MOSTLY_TRUE", "TRUE", "UNPROVEN"]);
  // Draft and in-review claims of the demo data are not public.
  expect(shown.some((h) => /Shahed|Campbell/.test(h.text))).toBe(false);
  expect(await page.evaluate(() => [...CSS.highlights.keys()].sort())).toEqual(["factcheck-MOSTLY_TRUE", "factcheck-TRUE", "factcheck-UNPROVEN"]);
  await expect(badge(page, /^Urteil: Überwiegend richtig: „mehr als 10\.000 Schiffscontainer“$/)).toBeVisible();
  await expect(badge(page, /^Urteil: Richtig: „das erste Mal seit dem Jahr 2000“$/)).toBeVisible();
  await expect(badge(page, /^Urteil: Unbelegt: „Seit der iranischen Revolution/)).toBeVisible();
  // Painted, not only registered: the pixels under a claimed word change when the overlay goes
  // (the ::highlight() rules only apply where the painter put its class).
  const word = await pointAt(page, "10.000"); // inside "mehr als 10.000 Schiffscontainer", away from its badge
  const clip = { x: word.x - 15, y: word.y - 8, width: 30, height: 16 };
  const painted = await page.screenshot({ clip });
  await removeOverlay(page);
  expect((await page.screenshot({ clip })).equals(painted)).toBe(false);
  expect(await page.locator(".factcheck-highlighted").count()).toBe(0);
  expect(errors).toEqual([]);
});

test("cards open by click on the words and by keyboard, and close with Escape", async ({ page }) => {
  const { errors } = await openHost(page);
  const point = await pointAt(page, "Schiffscontainer");
  await page.mouse.click(point.x, point.y);
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toContainText("Urteil: Überwiegend richtig");
  await expect(card(page)).toContainText("Aussage von Shin Won-sik");
  await expect(card(page)).toContainText("Nordkorea hat mehr als 10.000 Schiffscontainer mit Munition nach Russland geschickt.");
  await expect(card(page)).toContainText("Satellitenbilder zeigen regelmäßige Containertransporte");
  const source = card(page).getByRole("link", { name: "Briefing des Verteidigungsministeriums" });
  await expect(source).toHaveAttribute("href", "https://example.org/demo/mnd-briefing-2024-06");
  await expect(source).toHaveAttribute("target", "_blank");
  await expect(source).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(card(page).getByRole("link", { name: "Ganzen Faktencheck lesen" })).toHaveAttribute("href", new RegExp(`^${APP}/articles/putin-kim-nordkorea#claim-`));
  mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: "e2e/.artifacts/screenshots/embed-card.png" });
  await page.keyboard.press("Escape");
  await expect(card(page)).toHaveCount(0);

  // A click elsewhere on the page closes a card too.
  const other = await pointAt(page, "Unterstützung");
  await page.mouse.click(other.x, other.y);
  await expect(card(page)).toContainText("Urteil: Unbelegt");
  await expect(card(page)).toContainText("Aussage von The Economist");
  const plain = await pointAt(page, "Nahen Osten");
  await page.mouse.click(plain.x, plain.y);
  await expect(card(page)).toHaveCount(0);

  // Keyboard: the badge takes focus, Enter opens, focus moves into the card, Escape returns it.
  const richtig = badge(page, /^Urteil: Richtig:/);
  await richtig.focus();
  await page.keyboard.press("Enter");
  await expect(card(page)).toContainText("Putins Reise nach Pjöngjang ist sein erster Besuch dort seit dem Jahr 2000.");
  await expect(richtig).toHaveAttribute("aria-expanded", "true");
  expect(await shadowFocus(page)).toBe("div.card");
  await page.keyboard.press("Tab");
  expect(await shadowFocus(page)).toBe("button.close");
  await page.keyboard.press("Escape");
  await expect(card(page)).toHaveCount(0);
  expect(await shadowFocus(page)).toBe("button.badge");
  await expect(richtig).toHaveAttribute("aria-expanded", "false");
  expect(errors).toEqual([]);
});

test("Tab reaches every claim's badge in reading order, also one far below, which is then placed at its passage", async ({ page }) => {
  await openHost(page);
  const unbelegt = badge(page, /^Urteil: Unbelegt:/);
  await badge(page, /^Urteil: Richtig:/).focus();
  await page.keyboard.press("Tab");
  await expect(unbelegt).toBeFocused();
  await expect(unbelegt).toHaveClass(/shown/);
  await expect(unbelegt).toBeInViewport();
  // Placed at its passage: within (or just above, badges sit on the line) the paragraph that ends the claim.
  const paragraph = (await page.locator("article.story p", { hasText: "nicht islamisches Land" }).boundingBox())!;
  const box = (await unbelegt.boundingBox())!;
  expect(box.y).toBeGreaterThan(paragraph.y - box.height);
  expect(box.y).toBeLessThan(paragraph.y + paragraph.height);
});

test("the host page's own styles, markup and script are untouched", async ({ page }) => {
  // The page without the overlay, for comparison.
  await page.route(`${APP}/embed.js`, (route) => route.abort());
  await page.goto(`${host}/article.html`);
  const before = await page.locator("article.story").evaluate((e) => e.innerHTML);
  await page.unroute(`${APP}/embed.js`);

  const { status, errors } = await openHost(page);
  expect(status).toBe("ready");
  // Custom highlights paint without touching the text: the only change to the markup is the
  // class that scopes the highlight styles, on the elements whose text is painted…
  const during = await page.locator("article.story").evaluate((e) => e.innerHTML);
  expect(during).toContain(' class="factcheck-highlighted"');
  expect(during.replaceAll(' class="factcheck-highlighted"', "")).toBe(before);
  expect(await page.evaluate(() => (window as unknown as { hostScriptRan?: boolean }).hostScriptRan)).toBe(true);
  const paragraph = page.locator("article.story p").nth(2);
  await expect(paragraph).toHaveCSS("color", "rgb(51, 51, 51)");
  await expect(paragraph).toHaveCSS("font-family", "Georgia, serif");
  await page.getByRole("button", { name: "Artikel gefällt mir" }).click();
  await expect(page.locator("#likes")).toHaveText("1 Like");
  // …and the page's styles do not reach into the overlay (inherited font, colour, letter-spacing).
  await badge(page, /^Urteil: Richtig:/).click();
  await expect(card(page)).toHaveCSS("color", "rgb(26, 26, 26)");
  await expect(card(page)).toHaveCSS("letter-spacing", "normal");
  await expect(card(page)).not.toHaveCSS("border-color", "rgb(200, 0, 0)");
  // No globals but the overlay's namespace.
  expect(await page.evaluate(() => Object.keys(window).filter((k) => /factcheck/i.test(k)))).toEqual(["__factcheckEmbed"]);
  // …and removing the overlay gives the page back its markup exactly (but for the host's own like).
  await removeOverlay(page);
  expect(await page.locator("article.story").evaluate((e) => e.innerHTML)).toBe(before.replace("0 Likes", "1 Like"));
  expect(errors).toEqual([]);
});

test("with the API down the page still works and shows no highlights, without errors", async ({ page }) => {
  const messages: string[] = [];
  page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
  const { status, errors } = await openHost(page, `?api=${encodeURIComponent(`http://127.0.0.1:${closedPort}`)}`);
  expect(status).toBe("unavailable");
  expect(await highlights(page)).toEqual([]);
  await expect(page.locator("[data-factcheck-embed]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { hostScriptRan?: boolean }).hostScriptRan)).toBe(true);
  await page.getByRole("button", { name: "Artikel gefällt mir" }).click();
  await expect(page.locator("#likes")).toHaveText("1 Like");
  expect(errors).toEqual([]);
  // The browser reports the refused connection itself; the overlay adds one info line at most.
  const ours = messages.filter((m) => !/Failed to load resource|ERR_CONNECTION_REFUSED|Failed to fetch/.test(m));
  expect(ours).toEqual(["info: Fact-check overlay: no fact-checks could be loaded for this page."]);
});

test("without data-article the page is found by its canonical address; a changed figure hides that claim", async ({ page }) => {
  const lookup = await openHost(page, "?lookup=1");
  expect(lookup.status).toBe("ready");
  expect((await highlights(page)).map((h) => h.text)).toEqual(PUBLISHED);

  // The publisher changed "10.000" to "12.000": that claim is "changed" and not shown; the others are.
  const edited = await openHost(page, "?edited=1");
  expect(edited.status).toBe("ready");
  expect((await highlights(page)).map((h) => h.text)).toEqual(PUBLISHED.slice(1));
  expect([...lookup.errors, ...edited.errors]).toEqual([]);
});

test("where the page's Content-Security-Policy forbids workers, the same claims are anchored on the main thread", async ({ page }) => {
  const { status, errors } = await openHost(page, "?csp=1");
  expect(status).toBe("ready");
  expect(await page.evaluate(() => (window as unknown as { __factcheckEmbed: Hook }).__factcheckEmbed.anchoring)).toBe("main-thread");
  expect((await highlights(page)).map((h) => h.text)).toEqual(PUBLISHED);
  await expect(badge(page, /^Urteil: Richtig: „das erste Mal seit dem Jahr 2000“$/)).toBeVisible();
  expect(errors).toEqual([]);
});

test("without the Custom Highlight API it falls back to <mark> elements that stay clickable", async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as { Highlight?: unknown }).Highlight;
  });
  const { status, errors } = await openHost(page);
  expect(status).toBe("ready");
  expect(await page.evaluate(() => (window as unknown as { __factcheckEmbed: Hook }).__factcheckEmbed.painter)).toBe("wrapping");
  expect((await highlights(page)).map((h) => h.text)).toEqual(PUBLISHED);
  // Links inside a claim stay links: "iranischen Revolution" is wrapped inside its <a>.
  await expect(page.locator("article.story a mark.factcheck-mark")).toHaveText("iranischen Revolution");
  const point = await pointAt(page, "Jahr 2000");
  await page.mouse.click(point.x, point.y);
  await expect(card(page)).toContainText("Urteil: Richtig");
  await page.screenshot({ path: "e2e/.artifacts/screenshots/embed-card-fallback.png" });
  expect(errors).toEqual([]);
});

test("on a narrow screen the card is a bottom sheet", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await openHost(page);
  await badge(page, /^Urteil: Überwiegend richtig:/).click();
  await expect(card(page)).toHaveClass(/sheet/);
  const box = (await card(page).boundingBox())!;
  expect(Math.round(box.y + box.height)).toBe(800);
  expect(Math.round(box.width)).toBe(390);
  await page.screenshot({ path: "e2e/.artifacts/screenshots/embed-card-narrow.png" });
});

test("the public API answers CORS for the overlay", async ({ request }) => {
  for (const path of ["/api/v1/articles", "/api/v1/articles/putin-kim-nordkorea/annotations", "/api/v1/lookup?url=https%3A%2F%2Fexample.org%2Fpolitik%2Fputin-kim-nordkorea%2F%3Futm_medium%3Dx%23top"]) {
    const response = await request.get(`${APP}${path}`, { headers: { Origin: "https://publisher.example" } });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["access-control-allow-origin"], path).toBe("*");
    expect(response.headers()["access-control-allow-credentials"], path).toBeUndefined();
    const preflight = await request.fetch(`${APP}${path}`, {
      method: "OPTIONS",
      headers: { Origin: "https://publisher.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
    });
    expect(preflight.status(), path).toBe(204);
    expect(preflight.headers()["access-control-allow-methods"]).toContain("GET");
  }
  const found = await (await request.get(`${APP}/api/v1/lookup?url=${encodeURIComponent("https://example.org/politik/putin-kim-nordkorea")}`)).json();
  expect(found.slug).toBe("putin-kim-nordkorea");
  expect(found.annotations.type).toBe("AnnotationPage");
  expect(found.annotations.items).toHaveLength(3);
  const missing = await request.get(`${APP}/api/v1/lookup?url=${encodeURIComponent("https://example.org/unknown")}`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()["access-control-allow-origin"]).toBe("*");
});
