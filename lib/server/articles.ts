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
import { claimInclude, toClaimView, type ClaimView } from "./claim-view";
import { ZCreateArticle } from "../validation/article";
import { blocksFromPlainText, joinBlocks, splitBlocks, type BlockKind, type PositionedBlock } from "../domain/article-text";
import { slugify } from "../domain/slug";
import { countByVerdict, type Verdict } from "../domain/verdicts";

export interface ArticleSummary {
  slug: string;
  title: string;
  publisher: string;
  language: string;
  publishedAt: Date | null;
  verdictCounts: Record<Verdict, number>;
  publishedClaims: number;
  /** Staff only: claims not yet published. */
  draftClaims: number | null;
}

export interface ArticleView {
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
  claims: ClaimView[];
}

export async function listArticles(actor: Actor | null): Promise<ArticleSummary[]> {
  const staff = isStaff(actor);
  const articles = await db.article.findMany({
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    select: {
      slug: true,
      title: true,
      publisher: true,
      language: true,
      publishedAt: true,
      claims: { where: { deletedAt: null }, select: { verdict: true, status: true } },
    },
  });
  return articles.map((a) => {
    const published = a.claims.filter((c) => c.status === "PUBLISHED");
    return {
      slug: a.slug,
      title: a.title,
      publisher: a.publisher,
      language: a.language,
      publishedAt: a.publishedAt,
      verdictCounts: countByVerdict(published),
      publishedClaims: published.length,
      draftClaims: staff ? a.claims.length - published.length : null,
    };
  });
}

async function loadArticle(slug: string, claimFilter: { status?: "PUBLISHED" }): Promise<ArticleView | null> {
  const article = await db.article.findUnique({
    where: { slug },
    include: {
      claims: { where: { deletedAt: null, ...claimFilter }, orderBy: [{ start: "asc" }, { end: "asc" }], include: claimInclude },
    },
  });
  if (!article) return null;
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
    claims: article.claims.map(toClaimView),
  };
}

/** The reader's view: the article and its published claims. Anyone may call this. */
export function getPublishedArticle(slug: string): Promise<ArticleView | null> {
  return loadArticle(slug, { status: "PUBLISHED" });
}

/** The review workspace's view: every claim, drafts included. Staff only. */
export async function getArticleForReview(actor: Actor | null, slug: string): Promise<ArticleView> {
  requireStaff(actor);
  const article = await loadArticle(slug, {});
  if (!article) throw new AppError("NOT_FOUND", "There is no article at this address.");
  return article;
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
