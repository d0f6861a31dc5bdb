import { getActor } from "@/lib/server/actor";
import { addComment, listComments } from "@/lib/server/comments";
import { handle, readJsonBody } from "@/lib/server/http";

type Params = { params: Promise<{ id: string }> };

/** GET /api/v1/claims/<id>/comments — the staff discussion (staff only). */
export function GET(request: Request, { params }: Params) {
  return handle(request, async () => {
    const comments = await listComments(await getActor(), (await params).id);
    return Response.json({ items: comments }, { headers: { "Cache-Control": "private, no-store" } });
  });
}

/** POST /api/v1/claims/<id>/comments with `{ "body": string }` — adds a comment (staff only). */
export function POST(request: Request, { params }: Params) {
  return handle(request, async () => {
    const actor = await getActor();
    const body = await readJsonBody(request);
    const input = typeof body === "object" && body !== null ? { ...body, claimId: (await params).id } : body;
    return Response.json(await addComment(actor, input), { status: 201, headers: { "Cache-Control": "no-store" } });
  });
}
