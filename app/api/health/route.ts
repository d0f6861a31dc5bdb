import { databaseAnswers } from "@/lib/server/health";
import { handle } from "@/lib/server/http";

/**
 * GET /api/health — for load balancers in front of several instances: 200 `{ "status": "ok" }`
 * when this instance's database answers, else 503 `{ "status": "unavailable" }` (no details).
 */
export function GET(request: Request) {
  return handle(request, async () => {
    const ok = await databaseAnswers();
    return Response.json({ status: ok ? "ok" : "unavailable" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  });
}
