/**
 * Runs before every page, route handler and server action (Next 16's proxy, formerly
 * middleware): refuses cross-origin writes and oversized bodies, gives each response a fresh CSP
 * nonce and keeps signed-in responses out of caches. Static files are left to next.config.ts `headers()`.
 * The rules themselves live in lib/domain/security-headers.ts and lib/domain/origin-check.ts.
 */
import { NextResponse, type NextRequest } from "next/server";
import { isReadablePath } from "@/lib/domain/request-path";
import { configuredOrigins, crossOriginRefusal } from "@/lib/domain/origin-check";
import { contentSecurityPolicy, createNonce, hasSessionCookie, MAX_REQUEST_BODY_BYTES, NO_STORE } from "@/lib/domain/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy({ nonce: createNonce(), development: process.env.NODE_ENV === "development" });
  const response = refusal(request) ?? continueWithNonce(request, policy);
  response.headers.set("Content-Security-Policy", policy);
  if (hasSessionCookie(request.cookies.getAll().map((cookie) => cookie.name))) response.headers.set("Cache-Control", NO_STORE);
  return response;
}

/** Next reads the nonce from the request's CSP header and puts it on its own scripts. */
function continueWithNonce(request: NextRequest, policy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  return NextResponse.next({ request: { headers } });
}

/**
 * Unreadable addresses, cross-origin writes and bodies larger than anything the app takes. Route handlers check the
 * origin themselves too (lib/server/http.ts); here it also covers server actions, for which Next's
 * own check and body limit answer 500, and next-auth's POST routes.
 */
function refusal(request: NextRequest): NextResponse | null {
  if (!isReadablePath(request.nextUrl.pathname)) return errorResponse(400, "BAD_REQUEST", "The address is not valid.");
  const crossOrigin = crossOriginRefusal(request.method, request.headers, configuredOrigins(process.env));
  if (crossOrigin) return errorResponse(403, "FORBIDDEN", `Cross-origin request refused: ${crossOrigin}`);
  if (Number(request.headers.get("content-length") ?? "0") > MAX_REQUEST_BODY_BYTES) {
    return errorResponse(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes.`);
  }
  return null;
}

/** The JSON error shape of the API (lib/server/http.ts). */
function errorResponse(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export const config = {
  // Everything but build assets and files from public/ (those get their headers from next.config.ts).
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|embed\\.js).*)"],
};
