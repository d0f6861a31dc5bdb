/**
 * Importing articles through the data access layer on a real SQLite database: previews from
 * HTML and from a local web server, refusals that store nothing, duplicates, and new revisions
 * with the old text kept.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateTestDatabase } from "./test-database";
import { expectRefusedWith } from "./refusals";
import { actorByEmail } from "./actors";
import type { Actor } from "@/lib/server/actor";

const { db } = await import("@/lib/server/db");
const articles = await import("@/lib/server/articles");
const importer = await import("@/lib/server/import");
const { updateArticleText } = await import("@/lib/server/article-text-update");
const { seedDemoData, REFERENCE_ARTICLE_SLUG } = await import("@/prisma/seed");

const REFERENCE_HTML = readFileSync("lib/import/__fixtures__/putin-kim-nordkorea.de.html", "utf8");
const REFERENCE_TXT = readFileSync("prisma/fixtures/putin-kim-nordkorea.de.txt", "utf8");
const SEED_URL = "https://example.org/politik/putin-kim-nordkorea";
const ENGLISH_HTML = readFileSync("lib/import/__fixtures__/cycle-lanes.en.html", "utf8");

type Preview = Awaited<ReturnType<typeof importer.extractFromHtml>>;

/** What the preview form sends when the reviewer saves. */
function saveInput(p: Preview, text = p.text) {
  const { title, sourceUrl, publisher, publishedAt, language, byline, blocks } = p;
  return { title, sourceUrl, publisher, publishedAt, language, byline, text, detectedBlocks: blocks };
}

let reviewer: Actor;
let editor: Actor;
let server: http.Server;
let base: string;


async function snapshot() {
  return {
    articles: await db.article.findMany({ orderBy: { id: "asc" } }),
    revisions: await db.articleRevision.findMany({ orderBy: { id: "asc" } }),
    claims: await db.claim.findMany({ orderBy: { id: "asc" }, select: { id: true, anchorStatus: true } }),
  };
}

const expectRefused = (work: () => Promise<unknown>, code: string) => expectRefusedWith(snapshot, work, code);

beforeAll(async () => {
  migrateTestDatabase();
  await seedDemoData();
  reviewer = await actorByEmail("reviewer@example.org");
  editor = await actorByEmail("editor@example.org");
  server = http.createServer((req, res) => {
    req.url = new URL(req.url ?? "/", "http://x").pathname;
    if (req.url === "/en") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ENGLISH_HTML);
    if (req.url === "/de") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(REFERENCE_HTML);
    if (req.url === "/empty") return res.writeHead(200, { "content-type": "text/html" }).end("<html><body><nav>Start</nav></body></html>");
    if (req.url === "/meta") return res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    return res.writeHead(200, { "content-type": "image/png" }).end("png");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.IMPORT_ALLOWED_HOSTS = new URL(base).host;
}, 60_000);

afterAll(() => {
  delete process.env.IMPORT_ALLOWED_HOSTS;
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("extractFromHtml", () => {
  it("previews the article of a page and notices the address was imported before", async () => {
    const preview = await importer.extractFromHtml(reviewer, { html: REFERENCE_HTML });
    expect(preview).toMatchObject({
      title: "Putin und Kim Jong-un verstärken Beziehungen: USA und Südkorea alarmiert",
      sourceUrl: SEED_URL,
      publisher: "Nachrichtenportal (Demo)",
      publishedAt: "2024-06-14",
      language: "de",
      byline: "sischr",
      duplicate: { slug: REFERENCE_ARTICLE_SLUG, version: 1 },
    });
    expect(preview.text.split("\n\n")).toHaveLength(preview.blocks.length);
  });

  it("refuses empty, binary and article-less input and anonymous callers, storing nothing", async () => {
    expect((await expectRefused(() => importer.extractFromHtml(reviewer, { html: "  \n " }), "VALIDATION")).fields).toEqual({ html: "empty_file" });
    expect((await expectRefused(() => importer.extractFromHtml(reviewer, { html: "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR" }), "VALIDATION")).fields).toEqual({ html: "binary_file" });
    expect((await expectRefused(() => importer.extractFromHtml(reviewer, { html: "<html><body><p>Kurz.</p></body></html>" }), "VALIDATION")).fields).toEqual({ html: "no_article" });
    expect((await expectRefused(() => importer.extractFromHtml(reviewer, { html: "x".repeat(5 * 1024 * 1024 + 1) }), "VALIDATION")).fields).toEqual({ html: "file_too_large" });
    await expectRefused(() => importer.extractFromHtml(null, { html: REFERENCE_HTML }), "UNAUTHENTICATED");
    await expectRefused(() => importer.extractFromHtml(reviewer, { html: REFERENCE_HTML, sourceUrl: "javascript:alert(1)" }), "VALIDATION");
  });
});

describe("extractFromUrl", () => {
  it("fetches and previews a page", async () => {
    const preview = await importer.extractFromUrl(reviewer, { url: `${base}/en#top` });
    expect(preview).toMatchObject({ sourceUrl: `${base}/en`, title: "Council approves £4.2m cycle lane plan despite objections", language: "en", publishedAt: "2025-03-04", duplicate: null });
  });

  it("explains refused fetches on the url field", async () => {
    const fields = async (url: string) => (await expectRefused(() => importer.extractFromUrl(reviewer, { url }), "VALIDATION")).fields;
    expect(await fields(`${base}/meta`)).toEqual({ url: "fetch_blocked_address" });
    expect(await fields(`${base}/image`)).toEqual({ url: "fetch_not_html" });
    expect(await fields(`${base}/empty`)).toEqual({ url: "no_article" });
    expect(await fields("http://10.0.0.1/")).toEqual({ url: "fetch_blocked_address" });
    expect(await fields("ftp://example.org/")).toEqual({ url: "invalid_url" });
    await expectRefused(() => importer.extractFromUrl(null, { url: `${base}/en` }), "UNAUTHENTICATED");
  });
});

describe("saving an import", () => {
  it("stores the edited preview, keeping headings and captions, and refuses the same address again", async () => {
    const preview = await importer.extractFromUrl(reviewer, { url: `${base}/en` });
    const text = preview.text.replace("four-hour meeting", "four-hour council meeting");
    const { slug } = await articles.createArticle(reviewer, saveInput(preview, text));
    const view = await articles.getArticleForReview(reviewer, slug);
    expect(view.blocks.map((b) => b.kind)).toEqual(preview.blocks.map((b) => b.kind));
    expect(view.text).toContain("four-hour council meeting");
    expect(view.byline).toBe("Jane Doe, Tom Reid");

    const again = await importer.extractFromUrl(reviewer, { url: `${base}/en?utm_source=newsletter` });
    expect(again.duplicate).toMatchObject({ slug, version: 1 });
    const refusal = await expectRefused(() => articles.createArticle(reviewer, saveInput(again)), "CONFLICT");
    expect(refusal.details).toMatchObject({ duplicate: { slug } });
    expect(await importer.findArticleBySourceUrl(reviewer, `${base}/en/`)).toMatchObject({ slug });
  });

  it("reads the reference capture pasted into the text tab exactly as the seed", async () => {
    const input = { title: "", sourceUrl: "https://example.org/andere-adresse", publisher: "P", publishedAt: "", language: "de", text: REFERENCE_TXT };
    const { slug } = await articles.createArticle(reviewer, input);
    const stored = await db.article.findUniqueOrThrow({ where: { slug } });
    const seeded = await db.article.findUniqueOrThrow({ where: { slug: REFERENCE_ARTICLE_SLUG } });
    expect([stored.title, stored.text, stored.blockKinds, stored.byline]).toEqual([seeded.title, seeded.text, seeded.blockKinds, "sischr"]);
  });

  it("takes articles in other languages, marked 'other'", async () => {
    const text = "Le gouvernement a présenté mercredi de nouveaux chiffres.\n\nSelon le ministère, le nombre de salariés a augmenté de 1,2 pour cent.";
    const { slug } = await articles.createArticle(reviewer, { title: "Emploi", sourceUrl: "https://example.fr/emploi", publisher: "Le Journal", publishedAt: "", language: "other", text });
    expect((await articles.getArticleForReview(reviewer, slug)).language).toBe("other");
  });
});

describe("a new revision of an imported article", () => {
  async function reviseInput(version: number, change: string) {
    const preview = await importer.extractFromHtml(editor, { html: REFERENCE_HTML });
    return { ...saveInput(preview, preview.text.replace("4,8 Millionen", change)), slug: REFERENCE_ARTICLE_SLUG, expectedVersion: version };
  }

  it("is for editors only: a reviewer is refused and nothing changes", async () => {
    const error = await expectRefused(async () => importer.reviseArticle(reviewer, await reviseInput(1, "5 Millionen")), "FORBIDDEN");
    expect(error.message).toMatch(/ask an editor/i);
    await expectRefused(() => updateArticleText(reviewer, { slug: REFERENCE_ARTICLE_SLUG, title: "T", text: "A", blockKinds: ["lead"], note: "", expectedVersion: 1 }), "FORBIDDEN");
  });

  it("keeps the old text as a revision, bumps the version and records the new one, in one step", async () => {
    const old = await db.article.findUniqueOrThrow({ where: { slug: REFERENCE_ARTICLE_SLUG } });
    const claimOnChangedWords = await db.claim.count({ where: { articleId: old.id, exact: { contains: "4,8 Millionen" } } });
    const result = await importer.reviseArticle(editor, await reviseInput(1, "fünf Millionen"));
    expect(result).toMatchObject({ slug: REFERENCE_ARTICLE_SLUG, version: 2, changed: true });

    const now = await db.article.findUniqueOrThrow({ where: { slug: REFERENCE_ARTICLE_SLUG } });
    expect(now.version).toBe(2);
    expect(now.text).toContain("an die fünf Millionen Artilleriegeschosse");
    expect(now.blockKinds).toBe(old.blockKinds);
    const revisions = await db.articleRevision.findMany({ where: { articleId: old.id }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => [r.version, r.text === old.text, r.actorId])).toEqual([
      [1, true, old.createdById],
      [2, false, editor.id],
    ]);
    expect(revisions[1].note).toBe(`Imported again from ${SEED_URL}`);
    expect(claimOnChangedWords).toBe(0);

    // A second revision adds one row: the old version already has its own.
    await importer.reviseArticle(editor, await reviseInput(2, "sechs Millionen"));
    expect(await db.articleRevision.count({ where: { articleId: old.id } })).toBe(3);
  });

  it("refuses a stale version, an unknown article and a text that does not match its blocks", async () => {
    const error = await expectRefused(async () => importer.reviseArticle(editor, await reviseInput(1, "sieben Millionen")), "CONFLICT");
    expect(error.details).toEqual({ version: 3 });
    await expectRefused(async () => importer.reviseArticle(editor, { ...(await reviseInput(3, "x")), slug: "gibt-es-nicht" }), "NOT_FOUND");
    const bad = { slug: REFERENCE_ARTICLE_SLUG, title: "T", note: "", expectedVersion: 3 };
    await expectRefused(() => updateArticleText(editor, { ...bad, text: "A\n\nB", blockKinds: ["lead"] }), "VALIDATION");
    await expectRefused(() => updateArticleText(editor, { ...bad, text: "A\n\n\nB", blockKinds: ["lead", "paragraph"] }), "VALIDATION");
  });

  it("brings the claims along to the new text", async () => {
    const input = await reviseInput(3, "4,8 Millionen");
    const result = await importer.reviseArticle(editor, { ...input, text: input.text.replace("Putin sucht neue Verbündete", "Wladimir Putin sucht neue Verbündete") });
    expect(result).toMatchObject({ version: 4, changed: true });
    const article = await db.article.findUniqueOrThrow({ where: { slug: REFERENCE_ARTICLE_SLUG } });
    const claim = await db.claim.findFirstOrThrow({ where: { articleId: article.id, exact: "mehr als 10.000 Schiffscontainer" } });
    expect(claim.anchorStatus).toBe("ANCHORED");
    expect(article.text.slice(claim.start, claim.end)).toBe("mehr als 10.000 Schiffscontainer");
  });
});
