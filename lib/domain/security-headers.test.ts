import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, hasSessionCookie, nonceOf, SECURITY_HEADERS } from "./security-headers";

/** The policy as directive → sources, so assertions do not depend on directive order. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => {
    const [name, ...sources] = part.trim().split(/\s+/);
    return [name, sources] as const;
  }));
}

describe("contentSecurityPolicy", () => {
  const nonce = createNonce();
  const production = directives(contentSecurityPolicy({ nonce }));

  it("allows scripts only with this response's nonce and what they load, never inline or eval", () => {
    expect(production.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(contentSecurityPolicy({ nonce })).not.toContain("unsafe-eval");
  });

  it("refuses plugins, base-tag rewrites, framing and foreign form targets and connections", () => {
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'none'"]);
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.get("connect-src")).toEqual(["'self'"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
  });

  it("keeps inline style attributes (verdict colours) without a style nonce, which would disable them", () => {
    expect(production.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("adds eval and the hot-reload socket in development only", () => {
    const development = directives(contentSecurityPolicy({ nonce, development: true }));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(development.get("connect-src")).toContain("ws:");
  });

  it("refuses a nonce that is short or could break out of the header", () => {
    expect(() => contentSecurityPolicy({ nonce: "abc" })).toThrow();
    expect(() => contentSecurityPolicy({ nonce: "AAAAAAAAAAAAAAAAAAAA'; script-src *" })).toThrow();
  });

  it("carries the nonce so Next can read it back from the request header", () => {
    expect(nonceOf(contentSecurityPolicy({ nonce }))).toBe(nonce);
    expect(nonceOf("default-src 'self'")).toBeNull();
  });
});

describe("createNonce", () => {
  it("gives 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});

describe("SECURITY_HEADERS", () => {
  it("sets HSTS for two years, nosniff, a referrer policy, no framing and its own browsing context group", () => {
    const headers = new Map(SECURITY_HEADERS);
    expect(headers.get("Strict-Transport-Security")).toBe("max-age=63072000; includeSubDomains");
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("X-Frame-Options")).toBe("DENY");
    expect(headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(headers.get("Permissions-Policy")).toContain("camera=()");
  });
});

describe("hasSessionCookie", () => {
  it("recognises next-auth's session cookie on http and https, chunked or not", () => {
    expect(hasSessionCookie(["locale", "next-auth.session-token"])).toBe(true);
    expect(hasSessionCookie(["__Secure-next-auth.session-token"])).toBe(true);
    expect(hasSessionCookie(["__Secure-next-auth.session-token.0", "__Secure-next-auth.session-token.1"])).toBe(true);
  });

  it("ignores the CSRF and callback cookies and look-alikes", () => {
    expect(hasSessionCookie([])).toBe(false);
    expect(hasSessionCookie(["next-auth.csrf-token", "next-auth.callback-url", "__Host-next-auth.csrf-token"])).toBe(false);
    expect(hasSessionCookie(["x-next-auth.session-token", "next-auth.session-token-old"])).toBe(false);
  });
});
