import { z } from "zod";
import { claimReviewOf, listPublishedClaimReviews, MAX_PAGE_SIZE } from "@/lib/server/claim-reviews";
import { AppError } from "@/lib/server/errors";
import { cachedJson, handle, publicCorsPreflight, publicOrigin, withPublicCors } from "@/lib/server/http";

const ZPage = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

/** GET /api/v1/claim-reviews?page=1&pageSize=50 — every published verdict as schema.org ClaimReview (JSON-LD). */
export async function GET(request: Request) {
  return withPublicCors(await handle(request, async () => {
    const url = new URL(request.url);
    const parsed = ZPage.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) throw new AppError("VALIDATION", `page must be ≥ 1 and pageSize between 1 and ${MAX_PAGE_SIZE}.`);
    const { page, pageSize } = parsed.data;
    const origin = publicOrigin(request);
    const { items, total } = await listPublishedClaimReviews(page, pageSize);
    const feed = `${origin}/api/v1/claim-reviews`;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    return cachedJson(
      request,
      {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        url: `${feed}?page=${page}&pageSize=${pageSize}`,
        totalItems: total,
        page,
        pageSize,
        ...(page < pages ? { next: `${feed}?page=${page + 1}&pageSize=${pageSize}` } : {}),
        ...(page > 1 ? { previous: `${feed}?page=${page - 1}&pageSize=${pageSize}` } : {}),
        dataFeedElement: items.map(({ claim, article }) => claimReviewOf(claim, article, origin)),
      },
      "application/ld+json",
    );
  }));
}

export function OPTIONS() {
  return publicCorsPreflight();
}
