import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/server/actor";
import { transitionClaim } from "@/lib/server/claim-workflow";
import { AppError } from "@/lib/server/errors";
import { handle, readJsonBody, requiredIfMatchVersion, versionEtag } from "@/lib/server/http";

/**
 * POST /api/v1/claims/<id>/transitions with If-Match and `{ "action": "submit" | "withdraw" |
 * "approve" | "reject" | "publish" | "retract", "note"?: string }` — a workflow step.
 */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const actor = await getActor();
    const version = requiredIfMatchVersion(request);
    const body = await readJsonBody(request);
    const input = typeof body === "object" && body !== null ? { note: "", ...body, claimId: (await params).id, version } : body;
    const claim = await transitionClaim(actor, input).catch((error: unknown) => {
      // A stale If-Match is HTTP's 412; a step the state does not allow stays a 409.
      if (error instanceof AppError && error.code === "CONFLICT" && error.details) throw new AppError("PRECONDITION_FAILED", error.message, undefined, error.details);
      throw error;
    });
    revalidatePath(`/articles/${claim.articleSlug}`);
    return Response.json(claim, { headers: { ETag: versionEtag(claim.version), "Cache-Control": "no-store" } });
  });
}
