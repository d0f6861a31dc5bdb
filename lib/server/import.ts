/**
 * Bringing articles in from the web, in the data access layer. An HTML page (uploaded or
 * pasted) or a URL (fetched here, see safe-fetch.ts) becomes a preview — title, address,
 * publisher, date, language, byline and the text as blocks — which the reviewer corrects and
 * then saves with `createArticle` (lib/server/articles.ts). Nothing is stored before that.
 *
 * An address that was imported before is reported with the preview and refused on saving;
 * the reviewer opens the existing article instead, or an editor stores the import as a new
 * revision of it (`reviseArticle` → `updateArticleText`).
 */
import "server-only";
import type { Actor } from "./actor";
import { requireStaff } from "./authz";
import { AppError } from "./errors";
import { parseInput } from "./validate";
import { articleBlocks, findDuplicate, type DuplicateArticle } from "./articles";
import { requireArticleEditor, updateArticleText, type ArticleTextUpdate } from "./article-text-update";
import { FetchRefused, safeFetchHtml } from "./safe-fetch";
import { ZExtractFromHtml, ZExtractFromUrl } from "../validation/import";
import { ZReviseArticle } from "../validation/article";
import { httpUrl } from "../validation/fields";
import { joinBlocks, type Block } from "../domain/article-text";
import { normalizeSourceUrl } from "../domain/source-url";
import { editableText } from "../import/blocks";
import type { ImportLanguage } from "../import/extract-html";
import { EXTRACT_MEMORY_MB, EXTRACT_TIMEOUT_MS, extractOffThread, type OffThreadResult } from "./extract-off-thread";

export interface ImportPreview {
  title: string;
  sourceUrl: string;
  publisher: string;
  /** "YYYY-MM-DD", or "" when the page does not say. */
  publishedAt: string;
  language: ImportLanguage;
  byline: string;
  /** The text for editing: one paragraph per block, separated by blank lines. */
  text: string;
  /** The blocks as extracted; sent back on saving so edited text keeps headings and captions. */
  blocks: Block[];
  /** The article already imported from this address, if any. */
  duplicate: DuplicateArticle | null;
}

const EXTRACT_REFUSALS: Record<Extract<OffThreadResult, { ok: false }>["reason"], string> = {
  no_article: "No article was found in this page: too little text, or none that reads like an article.",
  too_complex: `Finding the article in this page took longer than ${EXTRACT_TIMEOUT_MS / 1000} seconds or more memory than ${EXTRACT_MEMORY_MB} MB; paste its text instead.`,
  busy: "The server is reading other pages right now; try again in a minute.",
};

/**
 * @param pageUrl - where the page came from (the fetched address, or the one the reviewer gave)
 * @param field - the input field an error belongs to
 * @param addresses - further addresses the page is known by, for the duplicate check
 */
async function preview(html: string, pageUrl: string | null, field: "html" | "url", addresses: string[]): Promise<ImportPreview> {
  const result = await extractOffThread(html, pageUrl ?? undefined);
  if (!result.ok) throw new AppError("VALIDATION", EXTRACT_REFUSALS[result.reason], { [field]: result.reason });
  const article = result.article;
  // A page may name any address as its canonical one; with a known origin, only one on the same site counts.
  const canonical = article.canonicalUrl && (!pageUrl || new URL(article.canonicalUrl).host === new URL(pageUrl).host) ? article.canonicalUrl : null;
  const sourceUrl = normalizeSourceUrl(pageUrl ?? canonical ?? "");
  return {
    title: article.title,
    sourceUrl,
    publisher: article.publisher,
    publishedAt: article.publishedAt ?? "",
    language: article.language,
    byline: article.byline ?? "",
    text: editableText(article.blocks),
    blocks: article.blocks,
    duplicate: await findDuplicate([...addresses, sourceUrl, canonical ?? ""]),
  };
}

/**
 * A preview of the article in an uploaded or pasted HTML page. Staff only.
 * @param input - `{ html, sourceUrl? }`; refused when empty, binary, over 5 MB, or without an article
 */
export async function extractFromHtml(actor: Actor | null, input: unknown): Promise<ImportPreview> {
  requireStaff(actor);
  const data = parseInput(ZExtractFromHtml, input);
  // Without a given address the page's canonical link is the best guess; the reviewer can change it.
  return preview(data.html, data.sourceUrl ? normalizeSourceUrl(data.sourceUrl) : null, "html", []);
}

/**
 * Fetches a page (safely: see safe-fetch.ts) and previews its article. Staff only.
 * @param input - `{ url }`; a refused fetch is a VALIDATION error on `url` with code `fetch_<reason>`
 */
export async function extractFromUrl(actor: Actor | null, input: unknown): Promise<ImportPreview> {
  requireStaff(actor);
  const data = parseInput(ZExtractFromUrl, input);
  let page;
  try {
    page = await safeFetchHtml(data.url);
  } catch (error) {
    if (!(error instanceof FetchRefused)) throw error;
    const code = error.reason === "http_error" ? `fetch_http_error:${error.status}` : `fetch_${error.reason}`;
    throw new AppError("VALIDATION", error.message, { url: code });
  }
  return preview(page.html, page.url, "url", [data.url]);
}

/** The article stored from this address (or a usual variant of it), if any. Staff only. */
export async function findArticleBySourceUrl(actor: Actor | null, url: unknown): Promise<DuplicateArticle | null> {
  requireStaff(actor);
  const address = parseInput(httpUrl, url);
  return findDuplicate([address]);
}

/**
 * Stores an import as a new revision of the article already imported from that address.
 * Editors and admins only (a reviewer is told to ask an editor).
 * @param input - the same fields as `createArticle`, plus `slug`, `expectedVersion` and an optional `note`
 */
export async function reviseArticle(actor: Actor | null, input: unknown): Promise<ArticleTextUpdate> {
  requireArticleEditor(actor);
  const data = parseInput(ZReviseArticle, input);
  const { title, blocks } = articleBlocks(data);
  if (blocks.length === 0) throw new AppError("VALIDATION", "The article has no text.", { text: "required" });
  const canonical = joinBlocks(blocks);
  return updateArticleText(actor, {
    slug: data.slug,
    title,
    text: canonical.text,
    blockKinds: canonical.blockKinds,
    note: data.note || `Imported again from ${normalizeSourceUrl(data.sourceUrl)}`,
    expectedVersion: data.expectedVersion,
  });
}
