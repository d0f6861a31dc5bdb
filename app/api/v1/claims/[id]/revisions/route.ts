import { getActor } from "@/lib/server/actor";
import { getClaimHistory } from "@/lib/server/claim-workflow";
import { handle } from "@/lib/server/http";

/** GET /api/v1/claims/<id>/revisions — the claim's history (staff only; others get 401). */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const history = await getClaimHistory(await getActor(), (await params).id);
    return Response.json({ items: history }, { headers: { "Cache-Control": "private, no-store" } });
  });
}
