import { getActor } from "@/lib/server/actor";
import { createClaim } from "@/lib/server/claims";
import { handle, readJsonBody, versionEtag } from "@/lib/server/http";
import { revalidatePath } from "next/cache";

/** POST /api/v1/articles/<slug>/claims — create a claim (staff session required). */
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(request, async () => {
    const { slug } = await params;
    const actor = await getActor();
    const body = await readJsonBody(request);
    const claim = await createClaim(actor, typeof body === "object" && body !== null ? { ...body, articleSlug: slug } : body);
    revalidatePath(`/articles/${slug}`);
    return Response.json(claim, { status: 201, headers: { ETag: versionEtag(claim.version), "Cache-Control": "no-store" } });
  });
}
