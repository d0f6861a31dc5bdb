/**
 * Articles in the data access layer. Readers see articles with their published claims only;
 * staff see every claim.
 */
import "server-only";
import type { Actor } from "./actor";
import { isStaff, requireStaff } from "./authz";
import { db } from "./db";
import { AppError } from "./errors";
import { parseInput } from "./validate";
import { claimInclude, toClaimView, toPublishedClaimView, type ClaimView, type PublishedClaimView } from "./claim-view";
import { ZCreateArticle } from "../validation/article";
import { blocksFromPlainText, joinBlocks, splitBlocks, type BlockKind, type PositionedBlock } from "../domain/article-text";
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
    const published = a.claims.map((c) => toPublishedClaimView({ ...c, deletedAt: null })).filter((c) => c !== null);
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

/** The reader's view: the article and the published versions of its claims. Anyone may call this. */
export async function getPublishedArticle(slug: string): Promise<ReaderArticle | null> {
  const article = await loadArticle(slug);
  if (!article) return null;
  const claims = article.claims.map((c) => toPublishedClaimView({ ...c, deletedAt: null })).filter((c) => c !== null);
  return { ...base(article), claims };
}

/** The review workspace's view: every claim's working copy, drafts included. Staff only. */
export async function getArticleForReview(actor: Actor | null, slug: string): Promise<ReviewArticle> {
  requireStaff(actor);
  const article = await loadArticle(slug);
  if (!article) throw new AppError("NOT_FOUND", "There is no article at this address.");
  return { ...base(article), claims: article.claims.map(toClaimView) };
}

/** Adds an article from pasted plain text. Staff only. Returns the new slug. */
export async function createArticle(actor: Actor | null, input: unknown): Promise<{ slug: string }> {
  const creator = requireStaff(actor);
  const data = parseInput(ZCreateArticle, input);
  const blocks = blocksFromPlainText(data.text, { firstIsLead: true });
  if (blocks.length === 0) throw new AppError("VALIDATION", "The article has no text.", { text: "required" });
  const canonical = joinBlocks(blocks);
  const slug = await uniqueSlug(slugify(data.title));
  await db.article.create({
    data: {
      slug,
      title: data.title,
      sourceUrl: data.sourceUrl,
      publisher: data.publisher,
      language: data.language,
      publishedAt: data.publishedAt,
      text: canonical.text,
      blockKinds: JSON.stringify(canonical.blockKinds),
      createdById: creator.id,
    },
  });
  return { slug };
}

async function uniqueSlug(base: string): Promise<string> {
  const taken = new Set(
    (await db.article.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((a) => a.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
