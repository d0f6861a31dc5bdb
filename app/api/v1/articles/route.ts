import { listArticles } from "@/lib/server/articles";
import { cachedJson, handle, publicCorsPreflight, publicOrigin, withPublicCors } from "@/lib/server/http";

/** GET /api/v1/articles — every article with its published-claim counts (public, any origin may read). */
export async function GET(request: Request) {
  return withPublicCors(
    await handle(request, async () => {
      const origin = publicOrigin(request);
      const articles = await listArticles(null);
      return cachedJson(request, {
        items: articles.map((a) => ({
          slug: a.slug,
          title: a.title,
          publisher: a.publisher,
          language: a.language,
          publishedAt: a.publishedAt?.toISOString() ?? null,
          url: `${origin}/articles/${a.slug}`,
          annotations: `${origin}/api/v1/articles/${a.slug}/annotations`,
          publishedClaims: a.publishedClaims,
          verdictCounts: a.verdictCounts,
        })),
      });
    }),
  );
}

export function OPTIONS() {
  return publicCorsPreflight();
}
