/**
 * Helpers for the JSON API's route handlers: the cross-origin check, error bodies, bounded JSON
 * bodies, ETags. Error bodies never carry stack traces or database messages.
 */
import "server-only";
import { createHash } from "node:crypto";
import { configuredOrigins, crossOriginRefusal } from "../domain/origin-check";
import { AppError } from "./errors";

export const MAX_JSON_BODY_BYTES = 256 * 1024;

export function jsonError(error: unknown): Response {
  if (error instanceof AppError) {
    const body = { error: { code: error.code, message: error.message, fields: error.fields, details: error.details } };
    return Response.json(body, { status: error.status, headers: { "Cache-Control": "no-store" } });
  }
  console.error("API request failed", error);
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong." } }, { status: 500, headers: { "Cache-Control": "no-store" } });
}

/**
 * Refuses a request that would change data from another site (CSRF): see
 * lib/domain/origin-check.ts. The proxy checks the same, but a handler must not depend on the
 * proxy's matcher still covering its path.
 */
export function assertSameOrigin(request: Request): void {
  const refusal = crossOriginRefusal(request.method, request.headers, configuredOrigins(process.env));
  if (refusal) throw new AppError("FORBIDDEN", `Cross-origin request refused: ${refusal}`);
}

/**
 * Runs a handler and turns any thrown error into a JSON error response. Every route handler runs
 * through here, so no handler that changes data can skip the cross-origin check.
 */
export async function handle(request: Request, work: () => Promise<Response>): Promise<Response> {
  try {
    assertSameOrigin(request);
    return await work();
  } catch (error) {
    return jsonError(error);
  }
}

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_JSON_BODY_BYTES} bytes.`);

/** The request body as JSON, read no further than MAX_JSON_BODY_BYTES (a lying or missing Content-Length included). */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  const next = async () => {
    try {
      return await reader?.read();
    } catch {
      // The client went away mid-body (ECONNRESET, an aborted fetch): its request, not our failure.
      throw new AppError("BAD_REQUEST", "The request body could not be read to its end.");
    }
  };
  for (let read = await next(); read && !read.done; read = await next()) {
    size += read.value.byteLength;
    if (size > MAX_JSON_BODY_BYTES) {
      await reader!.cancel();
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

/** A public, cacheable JSON response with a strong ETag; answers 304 when the client has it. */
export function cachedJson(request: Request, body: unknown, contentType = "application/json"): Response {
  const json = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "Content-Type": `${contentType}; charset=utf-8`,
    ETag: etag,
    "Cache-Control": "public, max-age=0, s-maxage=60, stale-while-revalidate=300",
    Vary: "Accept-Encoding",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(json, { status: 200, headers });
}

/** The ETag of a versioned record, and the version an If-Match header asks for. */
export function versionEtag(version: number): string {
  return `"v${version}"`;
}

export function requiredIfMatchVersion(request: Request): number {
  const header = request.headers.get("if-match");
  if (!header) throw new AppError("PRECONDITION_REQUIRED", "Send If-Match with the claim's ETag, so a concurrent change is not overwritten.");
  const match = /^(?:W\/)?"v(\d+)"$/.exec(header.trim());
  if (!match) throw new AppError("PRECONDITION_FAILED", "If-Match does not match the claim's current ETag.");
  return Number(match[1]);
}

export function publicOrigin(request: Request): string {
  return process.env.PUBLIC_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
}

/**
 * CORS for the public, read-only API (the embeddable overlay on publishers' pages, aggregators):
 * any origin may read, without credentials — these routes never look at cookies, so `*` is safe
 * and keeps shared caches simple (no Vary: Origin). ETag is exposed for conditional requests.
 */
export const PUBLIC_CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag",
};

/** Adds the public CORS headers to a response of a public GET route (errors included). */
export function withPublicCors(response: Response): Response {
  for (const [name, value] of Object.entries(PUBLIC_CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

/** The answer to a CORS preflight (OPTIONS) for a public GET route. */
export function publicCorsPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...PUBLIC_CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, Accept",
      "Access-Control-Max-Age": "86400",
    },
  });
}
