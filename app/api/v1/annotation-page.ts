/**
 * The W3C AnnotationPage of an article's published claims, shared by the public routes that
 * serve it (`/api/v1/articles/<slug>/annotations` and the overlay's `/api/v1/lookup`).
 * Not a route: Next only routes files named route.ts.
 */
import type { ReaderArticle } from "@/lib/server/articles";
import { publicOrigin } from "@/lib/server/http";
import { organisation } from "@/lib/server/config";
import { toAnnotationPage } from "@/lib/domain/web-annotation";

export const ANNOTATION_PAGE_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export function annotationPageFor(request: Request, article: ReaderArticle) {
  const origin = publicOrigin(request);
  return toAnnotationPage(article.claims, {
    pageUrl: `${origin}/api/v1/articles/${article.slug}/annotations`,
    readerUrl: `${origin}/articles/${article.slug}`,
    sourceUrl: article.sourceUrl,
    creatorName: organisation(origin).name,
  });
}
