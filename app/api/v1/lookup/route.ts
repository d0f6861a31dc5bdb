import { findPublishedArticleByUrl } from "@/lib/server/articles";
import { AppError } from "@/lib/server/errors";
import { cachedJson, handle, publicCorsPreflight, publicOrigin, withPublicCors } from "@/lib/server/http";
import { annotationPageFor } from "../annotation-page";

/**
 * GET /api/v1/lookup?url=<page address> — which article was made from this page, for the
 * embeddable overlay on a publisher's page without `data-article`. Answers
 * `{ slug, url, annotations }` with `annotations` the AnnotationPage itself (one round trip for
 * the overlay), or 404. The address is compared ignoring its fragment, tracking parameters
 * (utm_*, fbclid, …) and a trailing slash. Public, any origin may read (CORS).
 */
export async function GET(request: Request) {
  return withPublicCors(
    await handle(request, async () => {
      const url = new URL(request.url).searchParams.get("url") ?? "";
      if (!url) throw new AppError("BAD_REQUEST", "Give the page's address as ?url=.");
      const article = await findPublishedArticleByUrl(url);
      if (!article) throw new AppError("NOT_FOUND", "No article is known for this address.");
      return cachedJson(request, { slug: article.slug, url: `${publicOrigin(request)}/articles/${article.slug}`, annotations: annotationPageFor(request, article) });
    }),
  );
}

export function OPTIONS() {
  return publicCorsPreflight();
}
