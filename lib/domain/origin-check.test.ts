import { describe, expect, it } from "vitest";
import { configuredOrigins, crossOriginRefusal } from "./origin-check";

const OWN_HOST = { host: "factcheck.example" };
const check = (method: string, headers: Record<string, string>, trusted: string[] = []) => crossOriginRefusal(method, new Headers(headers), trusted);

describe("crossOriginRefusal", () => {
  it("lets reading methods through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(check(method, { ...OWN_HOST, origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBeNull();
    }
  });

  it("lets a write from the site's own pages through", () => {
    expect(check("POST", { ...OWN_HOST, origin: "https://factcheck.example", "sec-fetch-site": "same-origin" })).toBeNull();
    expect(check("DELETE", { host: "localhost:3210", origin: "http://localhost:3210" })).toBeNull();
  });

  it("compares with X-Forwarded-Host behind a proxy, like Next's own server-action check", () => {
    expect(check("POST", { host: "10.0.0.5:3000", "x-forwarded-host": "factcheck.example", origin: "https://factcheck.example" })).toBeNull();
    expect(check("POST", { host: "factcheck.example", "x-forwarded-host": "internal:3000", origin: "https://factcheck.example" })).not.toBeNull();
  });

  it("lets a write from a configured origin through (PUBLIC_URL, NEXTAUTH_URL)", () => {
    expect(check("PATCH", { host: "10.0.0.5:3000", origin: "https://factcheck.example" }, ["https://factcheck.example"])).toBeNull();
  });

  it("lets curl and server-side API clients through: no Origin, no Sec-Fetch-Site, no victim's cookies", () => {
    expect(check("POST", OWN_HOST)).toBeNull();
    expect(check("POST", { ...OWN_HOST, "sec-fetch-site": "none" })).toBeNull();
  });

  it("refuses a write from another origin", () => {
    expect(check("POST", { ...OWN_HOST, origin: "https://evil.example" })).toMatch(/evil\.example/);
    expect(check("PATCH", { ...OWN_HOST, origin: "http://factcheck.example.evil.example" })).not.toBeNull();
    expect(check("DELETE", { ...OWN_HOST, origin: "https://factcheck.example:8443" })).not.toBeNull();
    expect(check("PUT", { host: "localhost:3210", origin: "http://localhost:3211" })).not.toBeNull();
  });

  it("refuses Origin null (sandboxed frames, data: URLs) and a malformed Origin", () => {
    expect(check("POST", { ...OWN_HOST, origin: "null" })).toMatch(/null/);
    expect(check("POST", { ...OWN_HOST, origin: "not a url" })).not.toBeNull();
  });

  it("refuses what the browser marks as coming from another site, even without Origin", () => {
    expect(check("POST", { ...OWN_HOST, "sec-fetch-site": "cross-site" })).toMatch(/cross-site/);
    expect(check("POST", { ...OWN_HOST, "sec-fetch-site": "same-site", origin: "https://factcheck.example" })).toMatch(/same-site/);
  });

  it("refuses when there is no host to compare with and no configured origin", () => {
    expect(check("POST", { origin: "https://factcheck.example" })).not.toBeNull();
  });
});

describe("configuredOrigins", () => {
  it("takes the origins of PUBLIC_URL and NEXTAUTH_URL and skips missing or malformed ones", () => {
    expect(configuredOrigins({ PUBLIC_URL: "https://factcheck.example/base/", NEXTAUTH_URL: "https://staff.example" })).toEqual([
      "https://factcheck.example",
      "https://staff.example",
    ]);
    expect(configuredOrigins({ PUBLIC_URL: "not a url" })).toEqual([]);
    expect(configuredOrigins({})).toEqual([]);
  });
});
