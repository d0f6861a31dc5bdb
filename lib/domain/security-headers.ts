/**
 * The security headers of every response, and the Content Security Policy. next.config.ts
 * `headers()` puts SECURITY_HEADERS on every response, static files included; proxy.ts adds a
 * CSP with a fresh nonce and `no-store` for signed-in requests to pages and route handlers.
 */

export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

/** Two years, as the HSTS preload list recommends; browsers ignore the header on plain http. */
const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Headers for every response, static or not. Cross-Origin-Resource-Policy depends on the path
 * (`CROSS_ORIGIN_RESOURCE_PATHS`): the embed script and the public API are read from publishers' pages.
 */
export const SECURITY_HEADERS: HeaderList = [
  ["Strict-Transport-Security", HSTS],
  ["X-Content-Type-Options", "nosniff"],
  // Other sites learn that a visitor came from us, never which article or review page.
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  // frame-ancestors in the CSP supersedes it; this covers browsers without CSP level 2.
  ["X-Frame-Options", "DENY"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
];

/**
 * Paths other origins load as resources: the overlay script on publishers' pages (a no-cors
 * `<script src>`, which CORP same-origin would block) and the public read-only API it calls.
 * Patterns in next.config.ts `headers()` syntax.
 */
export const CROSS_ORIGIN_RESOURCE_PATHS = ["/embed.js", "/api/v1/:path*"] as const;

/**
 * The largest request body the app takes: an uploaded HTML page (5 MB, lib/validation/import.ts)
 * serialised into a server action grows (escaped quotes, multi-byte characters). The JSON API
 * has its own, smaller limit (lib/server/http.ts).
 */
export const MAX_REQUEST_BODY_MB = 12;
export const MAX_REQUEST_BODY_BYTES = MAX_REQUEST_BODY_MB * 1024 * 1024;

/** Responses to signed-in requests and per-user pages must never be stored by any cache. */
export const NO_STORE = "private, no-store";

export interface PagePolicyOptions {
  /** A fresh, unguessable value per response (see `createNonce`). */
  nonce: string;
  /** `next dev` needs eval (React's error overlay) and a WebSocket for hot reload. */
  development?: boolean;
}

/**
 * The CSP of every dynamic response: scripts only with this response's nonce (Next puts it on
 * its own scripts) and what they load ('strict-dynamic'); no inline script, no eval in
 * production. Styles keep 'unsafe-inline' for React `style` attributes (verdict colours); a
 * nonce in style-src would switch that off.
 */
export function contentSecurityPolicy({ nonce, development = false }: PagePolicyOptions): string {
  if (!/^[A-Za-z0-9+/_=-]{16,}$/.test(nonce)) throw new Error("A CSP nonce must be at least 16 base64 characters.");
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(development ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** 128 random bits, base64: what CSP nonces need (unguessable, new for every response). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The nonce a CSP carries (what Next reads from the request's CSP header), or null. */
export function nonceOf(policy: string): string | null {
  return /'nonce-([^']+)'/.exec(policy)?.[1] ?? null;
}

/** Whether a request carries a next-auth session cookie (plain, `__Secure-` on https, or chunked). */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (/^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(name)) return true;
  return false;
}
