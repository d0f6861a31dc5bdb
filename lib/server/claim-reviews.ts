/** Published verdicts across all articles, for the ClaimReview feed aggregators read. Public. */
import "server-only";
import { db } from "./db";
import { claimInclude, readerVisibleClaims, toPublishedClaimView, type PublishedClaimView } from "./claim-view";
import { organisation } from "./config";
import { toClaimReview, type ClaimReview } from "../domain/claim-review";

export const MAX_PAGE_SIZE = 100;

export interface ClaimReviewItem {
  claim: PublishedClaimView;
  article: { slug: string; title: string; sourceUrl: string; publisher: string; language: string; publishedAt: Date | null };
}

export async function listPublishedClaimReviews(page: number, pageSize: number): Promise<{ items: ClaimReviewItem[]; total: number }> {
  const where = readerVisibleClaims;
  const [rows, total] = await Promise.all([
    db.claim.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { ...claimInclude, article: { select: { slug: true, title: true, sourceUrl: true, publisher: true, language: true, publishedAt: true } } },
    }),
    db.claim.count({ where }),
  ]);
  const items = rows.flatMap((row) => {
    const claim = toPublishedClaimView(row);
    return claim ? [{ claim, article: row.article }] : [];
  });
  return { items, total };
}

/** The ClaimReview of a published claim on its article, with the URLs of this deployment. */
export function claimReviewOf(claim: PublishedClaimView, article: ClaimReviewItem["article"], origin: string): ClaimReview {
  return toClaimReview(claim, {
    readerUrl: `${origin}/articles/${article.slug}`,
    articleUrl: article.sourceUrl,
    articleTitle: article.title,
    articlePublishedAt: article.publishedAt,
    articlePublisher: article.publisher,
    organisation: organisation(origin),
    locale: article.language === "en" ? "en" : "de",
  });
}
