/**
 * Whether a request path can reach a page or route handler at all. Next 16 answers a plain 500
 * when a dynamic segment's percent-encoding is not valid UTF-8 (`/articles/%FF`), and a NUL
 * (`%00`) in an id reaches PostgreSQL, which refuses it with an error; both are bad requests.
 */
export function isReadablePath(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return !decoded.includes("\u0000") && decoded.isWellFormed();
}
