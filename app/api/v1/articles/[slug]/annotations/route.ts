import { getPublishedArticle } from "@/lib/server/articles";
import { AppError } from "@/lib/server/errors";
import { cachedJson, handle, publicOrigin } from "@/lib/server/http";
import { toAnnotationPage } from "@/lib/domain/web-annotation";

export const ORGANISATION_NAME = process.env.FACTCHECK_ORGANISATION ?? "Faktenprüfer";

/** GET /api/v1/articles/<slug>/annotations — published claims as a W3C Web Annotation AnnotationPage. */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => {
    const { slug } = await params;
    const article = await getPublishedArticle(slug);
    if (!article) throw new AppError("NOT_FOUND", "There is no article at this address.");
    const origin = publicOrigin(request);
    const page = toAnnotationPage(article.claims, {
      pageUrl: `${origin}/api/v1/articles/${slug}/annotations`,
      readerUrl: `${origin}/articles/${slug}`,
      sourceUrl: article.sourceUrl,
      creatorName: ORGANISATION_NAME,
    });
    return cachedJson(request, page, 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
  });
}
