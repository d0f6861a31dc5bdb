import { getPublishedArticle } from "@/lib/server/articles";
import { AppError } from "@/lib/server/errors";
import { cachedJson, handle, publicCorsPreflight, withPublicCors } from "@/lib/server/http";
import { ANNOTATION_PAGE_TYPE, annotationPageFor } from "../../../annotation-page";

/**
 * GET /api/v1/articles/<slug>/annotations — published claims as a W3C Web Annotation
 * AnnotationPage. Public and readable from any origin (CORS), e.g. by the embeddable overlay.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return withPublicCors(
    await handle(request, async () => {
      const { slug } = await params;
      const article = await getPublishedArticle(slug);
      if (!article) throw new AppError("NOT_FOUND", "There is no article at this address.");
      return cachedJson(request, annotationPageFor(request, article), ANNOTATION_PAGE_TYPE);
    }),
  );
}

export function OPTIONS() {
  return publicCorsPreflight();
}
