/**
 * Signs accounts in over HTTP the way the sign-in form does (next-auth's credentials flow: CSRF
 * token, then the credentials callback) and returns their session cookies.
 */

/** `name=value` pairs of a response's Set-Cookie headers, merged into an existing jar. */
function mergeCookies(jar: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const separator = pair.indexOf("=");
    jar.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/** The Cookie header of a fresh session for `account` on the instance at `base`. */
export async function signInOverHttp(base: string, account: { email: string; password: string }): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  mergeCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar), Origin: base },
    body: new URLSearchParams({ csrfToken, email: account.email, password: account.password, callbackUrl: `${base}/`, json: "true" }),
  });
  mergeCookies(jar, response);
  const session = [...jar.keys()].find((name) => name.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`sign-in of ${account.email} at ${base} failed: HTTP ${response.status} ${await response.text()}`);
  return `${session}=${jar.get(session)}`;
}
