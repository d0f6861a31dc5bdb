/**
 * Articles in the data access layer. Readers see articles with their published claims only;
 * staff see every claim.
 */
import "server-only";
import { cache } from "react";
import type { Actor } from "./actor";
import { isStaff, requireStaff } from "./authz";
import { db } from "./db";
import { AppError, isUniqueViolation } from "./errors";
import { parseInput } from "./validate";
import { claimInclude, toClaimView, toPublishedClaimView, type ClaimView, type PublishedClaimView } from "./claim-view";
import { ZCreateArticle, type TCreateArticle } from "../validation/article";
import { LIMITS } from "../validation/fields";
import { joinBlocks, splitBlocks, type Block, type BlockKind, type PositionedBlock } from "../domain/article-text";
import { normalizeSourceUrl, sourceUrlVariants } from "../domain/source-url";
import { blocksFromPastedText, reconcileBlocks } from "../import/blocks";
import { slugify } from "../domain/slug";
import { countByVerdict, type Verdict } from "../domain/verdicts";
import { CLAIM_STATUSES, type ClaimStatus } from "../domain/claim-workflow";

export interface ArticleSummary {
  slug: string;
  title: string;
  publisher: string;
  language: string;
  publishedAt: Date | null;
  /** Published verdicts readers can see, per verdict. */
  verdictCounts: Record<Verdict, number>;
  publishedClaims: number;
  /** Staff only: claims per workflow state (and anchoring problems); null for readers. */
  progress: Record<ClaimStatus | "NEEDS_ATTENTION", number> | null;
}

interface ArticleBase {
  id: string;
  slug: string;
  title: string;
  sourceUrl: string;
  publisher: string;
  language: string;
  publishedAt: Date | null;
  byline: string | null;
  text: string;
  blocks: PositionedBlock[];
  version: number;
}

export interface ReaderArticle extends ArticleBase {
  claims: PublishedClaimView[];
}

export interface ReviewArticle extends ArticleBase {
  claims: ClaimView[];
}

function emptyProgress(): Record<ClaimStatus | "NEEDS_ATTENTION", number> {
  return { ...(Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>), NEEDS_ATTENTION: 0 };
}

export async function listArticles(actor: Actor | null): Promise<ArticleSummary[]> {
  const staff = isStaff(actor);
  const articles = await db.article.findMany({
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    include: { claims: { where: { deletedAt: null }, include: claimInclude } },
  });
  return articles.map((a) => {
    const published = a.claims.map(toPublishedClaimView).filter((c) => c !== null);
    let progress: ArticleSummary["progress"] = null;
    if (staff) {
      progress = emptyProgress();
      for (const c of a.claims) {
        progress[c.status] += 1;
        if (c.anchorStatus !== "ANCHORED") progress.NEEDS_ATTENTION += 1;
      }
    }
    return {
      slug: a.slug,
      title: a.title,
      publisher: a.publisher,
      language: a.language,
      publishedAt: a.publishedAt,
      verdictCounts: countByVerdict(published),
      publishedClaims: published.length,
      progress,
    };
  });
}

async function loadArticle(slug: string) {
  return db.article.findUnique({
    where: { slug },
    include: { claims: { where: { deletedAt: null }, orderBy: [{ start: "asc" }, { end: "asc" }], include: claimInclude } },
  });
}

function base(article: NonNullable<Awaited<ReturnType<typeof loadArticle>>>): ArticleBase {
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    sourceUrl: article.sourceUrl,
    publisher: article.publisher,
    language: article.language,
    publishedAt: article.publishedAt,
    byline: article.byline,
    text: article.text,
    blocks: splitBlocks(article.text, JSON.parse(article.blockKinds) as BlockKind[]),
    version: article.version,
  };
}

/**
 * The reader's view: the article and the published versions of its claims. Anyone may call this.
 *
 * Served from a cache that is checked against the database on every call: the key is a
 * fingerprint (article version and last update, number of claims, sum of claim versions) read in
 * two small queries. Every claim change goes through claim-mutation.ts and bumps that claim's
 * version, and every text change bumps the article's, so a publication, correction or retraction
 * changes the fingerprint in the same transaction — through this instance or any other sharing
 * the database. The cache thereby never serves a stale page, needs no invalidation messages
 * between instances, and spares readers the full load (claims, sources, corrections, people).
 */
export const getPublishedArticle = cache(async (slug: string): Promise<ReaderArticle | null> => {
  const fingerprint = await publicationFingerprint(slug);
  if (fingerprint === null) {
    readerCache.delete(slug);
    return null;
  }
  const cached = readerCache.get(slug);
  const article = cached?.fingerprint === fingerprint ? cached.article : await loadPublishedArticle(slug);
  if (article) rememberReaderArticle(slug, fingerprint, article);
  return article;
}); // React's cache: a page and its metadata read the article once per request

async function loadPublishedArticle(slug: string): Promise<ReaderArticle | null> {
  const article = await loadArticle(slug);
  if (!article) return null;
  const claims = article.claims.map(toPublishedClaimView).filter((c) => c !== null);
  return { ...base(article), claims };
}

/** Enough for a newsroom's most-read articles; the least recently read drop out first. */
const READER_CACHE_ENTRIES = 500;
const readerCache = new Map<string, { fingerprint: string; article: ReaderArticle }>();

function rememberReaderArticle(slug: string, fingerprint: string, article: ReaderArticle): void {
  readerCache.delete(slug); // re-insert at the end: Map keeps insertion order, so the first key is the oldest
  readerCache.set(slug, { fingerprint, article });
  if (readerCache.size > READER_CACHE_ENTRIES) readerCache.delete(readerCache.keys().next().value as string);
}

/** Changes whenever anything a reader sees of the article changes (see getPublishedArticle). */
async function publicationFingerprint(slug: string): Promise<string | null> {
  const article = await db.article.findUnique({ where: { slug }, select: { id: true, version: true, updatedAt: true } });
  if (!article) return null;
  const claims = await db.claim.aggregate({ where: { articleId: article.id }, _count: { _all: true }, _sum: { version: true } });
  return `${article.id}:${article.version}:${article.updatedAt.getTime()}:${claims._count._all}:${claims._sum.version ?? 0}`;
}

/** The review workspace's view: every claim's working copy, drafts included. Staff only. */
export async function getArticleForReview(actor: Actor | null, slug: string): Promise<ReviewArticle> {
  requireStaff(actor);
  const article = await loadArticle(slug);
  if (!article) throw new AppError("NOT_FOUND", "There is no article at this address.");
  return { ...base(article), claims: article.claims.map(toClaimView) };
}

export interface DuplicateArticle {
  slug: string;
  title: string;
  version: number;
  createdAt: string;
}

/**
 * The article already stored from one of these addresses (in any of their usual spellings), if
 * any. For the data layer's own use: callers have checked the actor's rights.
 */
export async function findDuplicate(urls: readonly string[], client: Pick<typeof db, "article"> = db): Promise<DuplicateArticle | null> {
  const variants = [...new Set(urls.filter(Boolean).flatMap(sourceUrlVariants))];
  if (variants.length === 0) return null;
  const found = await client.article.findFirst({ where: { sourceUrl: { in: variants } }, orderBy: { createdAt: "asc" } });
  return found && { slug: found.slug, title: found.title, version: found.version, createdAt: found.createdAt.toISOString() };
}

/** The refusal when an address was imported before: the client offers to open it or store a revision. */
export function duplicateError(duplicate: DuplicateArticle): AppError {
  return new AppError("CONFLICT", "An article from this address exists already.", undefined, { duplicate });
}

/**
 * Title, blocks and byline of an article as entered: the edited preview of an import is lined up
 * with the blocks the import found; text pasted into the text tab is read as plain text or as a
 * page capture (see lib/import/blocks.ts).
 */
export function articleBlocks(data: Pick<TCreateArticle, "title" | "text" | "byline" | "detectedBlocks">): { title: string; blocks: Block[]; byline: string | null } {
  if (data.detectedBlocks) return { title: data.title, blocks: reconcileBlocks(data.text, data.detectedBlocks), byline: data.byline || null };
  const pasted = blocksFromPastedText(data.text, data.title);
  return { title: data.title || pasted.title, blocks: pasted.blocks, byline: data.byline || pasted.byline };
}

/**
 * Adds an article: pasted text, or the edited preview of an HTML or URL import. Staff only.
 * An address imported before is refused with CONFLICT (details: the existing article), never
 * stored twice. Returns the new slug.
 */
export async function createArticle(actor: Actor | null, input: unknown): Promise<{ slug: string }> {
  const creator = requireStaff(actor);
  const data = parseInput(ZCreateArticle, input);
  const { title, blocks, byline } = articleBlocks(data);
  if (blocks.length === 0) throw new AppError("VALIDATION", "The article has no text.", { text: "required" });
  if (!title) throw new AppError("VALIDATION", "The article needs a title.", { title: "required" });
  const canonical = joinBlocks(blocks);
  const sourceUrl = normalizeSourceUrl(data.sourceUrl);
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertArticle(creator, data, { title, byline, canonical, sourceUrl });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Two imports of one address at once: the unique index lets one in, the other gets the
      // answer it would have got a moment later. Two articles with one title at once: the
      // loser's slug was taken meanwhile — it picks another.
      const duplicate = await findDuplicate([sourceUrl]);
      if (duplicate) throw duplicateError(duplicate);
      if (attempt === SLUG_ATTEMPTS) throw error;
    }
  }
}

/** Tries at a free slug before giving up: each attempt sees the slugs taken by the ones before, so N articles with one title at once need up to N. */
const SLUG_ATTEMPTS = 8;

async function insertArticle(
  creator: Actor,
  data: TCreateArticle,
  { title, byline, canonical, sourceUrl }: { title: string; byline: string | null; canonical: ReturnType<typeof joinBlocks>; sourceUrl: string },
): Promise<{ slug: string }> {
  return db.$transaction(async (tx) => {
    // Checked inside the transaction, so the usual spellings of an address count as one (the
    // unique index only knows the normalised spelling).
    const duplicate = await findDuplicate([data.sourceUrl], tx);
    if (duplicate) throw duplicateError(duplicate);
    const slug = await uniqueSlug(slugify(title), tx);
    await tx.article.create({
      data: {
        slug,
        title: title.slice(0, LIMITS.title),
        sourceUrl,
        publisher: data.publisher,
        language: data.language,
        publishedAt: data.publishedAt,
        byline,
        text: canonical.text,
        blockKinds: JSON.stringify(canonical.blockKinds),
        createdById: creator.id,
      },
    });
    return { slug };
  });
}

async function uniqueSlug(base: string, client: Pick<typeof db, "article"> = db): Promise<string> {
  const taken = new Set(
    (await client.article.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((a) => a.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The published view of the article stored from `url`, or null — for the embeddable overlay,
 * which knows only the page it runs on. Matches the usual spellings of one address (fragment,
 * tracking parameters such as utm_*, trailing slash; see lib/domain/source-url.ts). Anyone may call this.
 */
export async function findPublishedArticleByUrl(url: string): Promise<ReaderArticle | null> {
  if (typeof url !== "string" || url.length === 0 || url.length > LIMITS.url) return null;
  const variants = [...new Set(sourceUrlVariants(url))];
  const found = await db.article.findFirst({ where: { sourceUrl: { in: variants } }, orderBy: { createdAt: "asc" }, select: { slug: true } });
  return found ? getPublishedArticle(found.slug) : null;
}
