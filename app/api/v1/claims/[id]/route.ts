import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/server/actor";
import { deleteClaim, getClaim, updateClaim } from "@/lib/server/claims";
import { AppError } from "@/lib/server/errors";
import { cachedJson, handle, readJsonBody, requiredIfMatchVersion, versionEtag } from "@/lib/server/http";

type Params = { params: Promise<{ id: string }> };

/** GET /api/v1/claims/<id> — a published claim (any reader) or any claim (staff). */
export function GET(request: Request, { params }: Params) {
  return handle(request, async () => {
    const claim = await getClaim(await getActor(), (await params).id);
    // Staff get the working copy with its version (for If-Match); readers the published version.
    if ("version" in claim) return Response.json(claim, { headers: { ETag: versionEtag(claim.version), "Cache-Control": "private, no-store" } });
    return cachedJson(request, claim);
  });
}

/** The API reports a stale If-Match as 412 (HTTP's precondition semantics), not the data layer's 409. */
function asPreconditionFailure(error: unknown): never {
  if (error instanceof AppError && error.code === "CONFLICT" && error.details) throw new AppError("PRECONDITION_FAILED", error.message, undefined, error.details);
  throw error;
}

/** PATCH /api/v1/claims/<id> with If-Match — replace the claim's content. */
export function PATCH(request: Request, { params }: Params) {
  return handle(request, async () => {
    const actor = await getActor();
    const version = requiredIfMatchVersion(request);
    const body = await readJsonBody(request);
    const input = typeof body === "object" && body !== null ? { ...body, claimId: (await params).id, version } : body;
    const claim = await updateClaim(actor, input).catch(asPreconditionFailure);
    revalidatePath(`/articles/${claim.articleSlug}`);
    return Response.json(claim, { headers: { ETag: versionEtag(claim.version), "Cache-Control": "no-store" } });
  });
}

/** DELETE /api/v1/claims/<id> with If-Match — soft-deletes the claim. */
export function DELETE(request: Request, { params }: Params) {
  return handle(request, async () => {
    const actor = await getActor();
    const version = requiredIfMatchVersion(request);
    const { articleSlug } = await deleteClaim(actor, { claimId: (await params).id, version }).catch(asPreconditionFailure);
    revalidatePath(`/articles/${articleSlug}`);
    return new Response(null, { status: 204 });
  });
}
