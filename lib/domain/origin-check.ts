/**
 * Whether a request that changes data may come from where it says it comes from (CSRF defence
 * for route handlers, server actions and next-auth's POST routes). Browsers send `Origin` on
 * every cross-origin POST, PATCH and DELETE, and `Sec-Fetch-Site` on every request; a page on
 * another site cannot suppress either. A request with neither comes from curl or a server-side
 * API client, which cannot carry a victim's cookies, so it is let through.
 */

/** Methods that never change data (the app keeps it so: no GET handler writes). */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface HeaderSource {
  get(name: string): string | null;
}

/** The origins the app is reached at by configuration: PUBLIC_URL and NEXTAUTH_URL. */
export function configuredOrigins(env: Readonly<Record<string, string | undefined>>): string[] {
  const origins: string[] = [];
  for (const value of [env.PUBLIC_URL, env.NEXTAUTH_URL]) {
    if (!value) continue;
    try {
      origins.push(new URL(value).origin);
    } catch {
      // A malformed setting trusts nothing extra; the request's own host still counts.
    }
  }
  return origins;
}

/**
 * Why the request is refused, or null when it may proceed. Its own origin is one of
 * `trustedOrigins` or has the host the request was sent to (X-Forwarded-Host behind a proxy,
 * else Host), the comparison Next makes for server actions; a browser cannot set either header
 * on a cross-origin request.
 */
export function crossOriginRefusal(method: string, headers: HeaderSource, trustedOrigins: readonly string[]): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const site = headers.get("sec-fetch-site")?.toLowerCase();
  if (site === "cross-site" || site === "same-site") return `Sec-Fetch-Site is ${site}.`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  // Sandboxed frames, data: URLs and some redirects send "null": no page of ours does.
  if (origin === "null") return "Origin is null.";
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return "Origin is not a URL.";
  }
  if (trustedOrigins.includes(url.origin)) return null;
  const host = (headers.get("x-forwarded-host")?.split(",")[0] ?? headers.get("host"))?.trim().toLowerCase();
  if (host && url.host === host) return null;
  return `Origin ${url.origin} is not this site.`;
}
