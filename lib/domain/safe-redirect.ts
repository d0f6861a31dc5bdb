/**
 * Where to go after signing in: only a path on this site. Absolute URLs, protocol-relative
 * "//evil.example" and backslash tricks fall back to the home page (no open redirect).
 */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value || typeof value !== "string") return "/";
  let path = value;
  try {
    // next-auth passes absolute URLs of our own origin; keep only their path.
    if (/^https?:\/\//i.test(value)) {
      const url = new URL(value);
      path = url.pathname + url.search + url.hash;
      if (process.env.NEXTAUTH_URL && url.origin !== new URL(process.env.NEXTAUTH_URL).origin) return "/";
    }
  } catch {
    return "/";
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\") || /[\u0000-\u001f]/.test(path)) return "/";
  return path;
}
