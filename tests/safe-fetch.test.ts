/**
 * The URL fetcher against a real HTTP server on 127.0.0.1: the address check (with and without
 * the allow-list), redirects re-checked per hop, DNS pinning, deadline, size limit, content types
 * and charsets.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchRefused, safeFetchHtml, type SafeFetchOptions } from "@/lib/server/safe-fetch";

const ARTICLE = readFileSync("lib/import/__fixtures__/putin-kim-nordkorea.de.html", "utf8");
// windows-1252 bytes: Latin-1 plus the typographic characters German pages use.
const CP1252: Record<string, number> = { "„": 0x84, "“": 0x93, "–": 0x96, "€": 0x80 };
const latin1 = (text: string) => Buffer.from([...text].map((c) => CP1252[c] ?? c.charCodeAt(0)));
let server: http.Server;
let base: string;
let allowed: SafeFetchOptions;
let hugeBytesSent = 0;
const hosts: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    hosts.push(req.headers.host ?? "");
    const html = (body: string | Buffer, type = "text/html; charset=utf-8") => res.writeHead(200, { "content-type": type }).end(body);
    switch (url.pathname) {
      case "/article":
        return html(ARTICLE);
      case "/redirect":
        return res.writeHead(302, { location: url.searchParams.get("to") ?? "/" }).end();
      case "/chain": {
        const n = Number(url.searchParams.get("n"));
        return res.writeHead(301, { location: n > 0 ? `/chain?n=${n - 1}` : "/article" }).end();
      }
      case "/slow":
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<html><body><p>Gleich");
        return void setTimeout(() => res.end("</p></body></html>"), 3_000);
      case "/huge": {
        res.writeHead(200, { "content-type": "text/html" });
        const chunk = Buffer.alloc(64 * 1024, "<p>Lorem ipsum</p>");
        const pump = () => {
          while (hugeBytesSent < 50 * 1024 * 1024 && !res.destroyed) {
            hugeBytesSent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("close", () => undefined);
        return pump();
      }
      case "/declared-huge":
        return res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) }).end();
      case "/pdf":
        return res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7");
      case "/json":
        return res.writeHead(200, { "content-type": "application/json" }).end("{}");
      case "/untyped-binary":
        return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
      case "/latin1":
        return html(latin1("<html><body><p>Grüße aus Köln – „Zitat“</p></body></html>"), "text/html; charset=iso-8859-1");
      case "/latin1-meta":
        return html(latin1('<html><head><meta charset="windows-1252"></head><body><p>Grüße aus Köln</p></body></html>'), "text/html");
      case "/gzip":
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
        return res.end(zlib.gzipSync(ARTICLE));
      default:
        return res.writeHead(404, { "content-type": "text/html" }).end("<p>Nicht gefunden</p>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  allowed = { allowedHosts: [`127.0.0.1:${port}`] };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function refusal(work: Promise<unknown>): Promise<FetchRefused> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefused);
  return error as FetchRefused;
}

describe("the address check", () => {
  it("refuses loopback, private and metadata addresses without the allow-list", async () => {
    for (const url of [`${base}/article`, base.replace("127.0.0.1", "localhost") + "/article", "http://[::1]/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::ffff:127.0.0.1]/", "http://0x7f.1/", "http://2130706433/"]) {
      expect((await refusal(safeFetchHtml(url, { allowedHosts: [] }))).reason, url).toBe("blocked_address");
    }
  });

  it("reads IMPORT_ALLOWED_HOSTS when no allow-list is passed", async () => {
    const before = process.env.IMPORT_ALLOWED_HOSTS;
    try {
      delete process.env.IMPORT_ALLOWED_HOSTS;
      expect((await refusal(safeFetchHtml(`${base}/article`))).reason).toBe("blocked_address");
      process.env.IMPORT_ALLOWED_HOSTS = `example.org, ${new URL(base).host}`;
      expect((await safeFetchHtml(`${base}/article`)).html).toBe(ARTICLE);
    } finally {
      if (before === undefined) delete process.env.IMPORT_ALLOWED_HOSTS;
      else process.env.IMPORT_ALLOWED_HOSTS = before;
    }
  });

  it("fetches an allow-listed host; the allow-list is per port", async () => {
    const page = await safeFetchHtml(`${base}/article#top`, allowed);
    expect(page).toMatchObject({ url: `${base}/article`, contentType: "text/html", charset: "utf-8" });
    expect(page.html).toBe(ARTICLE);
    expect((await refusal(safeFetchHtml("http://127.0.0.1:1/", allowed))).reason).toBe("blocked_address");
  });

  it("refuses a host that also resolves to a private address", async () => {
    const resolve = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.1.2.3", family: 4 },
    ];
    expect((await refusal(safeFetchHtml("http://mixed.example/", { allowedHosts: [], resolve }))).reason).toBe("blocked_address");
  });

  it("connects to the address it checked and never resolves the name again (DNS rebinding)", async () => {
    const port = new URL(base).port;
    let calls = 0;
    // First answer loopback (allow-listed for this test), every later one a private address.
    const resolve = async () => [{ address: calls++ === 0 ? "127.0.0.1" : "10.9.9.9", family: 4 }];
    const page = await safeFetchHtml(`http://rebind.test:${port}/article`, { allowedHosts: [`rebind.test:${port}`], resolve });
    expect(page.html).toBe(ARTICLE);
    expect(calls).toBe(1);
    // The page was asked for by name, so virtual hosting and TLS names still work.
    expect(hosts.at(-1)).toBe(`rebind.test:${port}`);
  });

  it("refuses other schemes and credentials", async () => {
    for (const url of ["ftp://example.org/", "file:///etc/passwd", "javascript:alert(1)", "http://user:pw@example.org/", "not a url"]) {
      expect((await refusal(safeFetchHtml(url))).reason, url).toBe("invalid_url");
    }
  });
});

describe("redirects", () => {
  it("follows them and re-checks every hop", async () => {
    expect((await safeFetchHtml(`${base}/redirect?to=/article`, allowed)).url).toBe(`${base}/article`);
    for (const to of ["http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/admin", "http://[::1]:8080/"]) {
      const error = await refusal(safeFetchHtml(`${base}/redirect?to=${encodeURIComponent(to)}`, allowed));
      expect(error.reason, to).toBe("blocked_address");
    }
    expect((await refusal(safeFetchHtml(`${base}/redirect?to=${encodeURIComponent("file:///etc/passwd")}`, allowed))).reason).toBe("invalid_url");
  });

  it("stops after five", async () => {
    expect((await safeFetchHtml(`${base}/chain?n=3`, allowed)).url).toBe(`${base}/article`);
    expect((await refusal(safeFetchHtml(`${base}/chain?n=5`, allowed))).reason).toBe("too_many_redirects");
  });
});

describe("limits and content", () => {
  it("gives up on a slow page at the deadline", async () => {
    const started = Date.now();
    expect((await refusal(safeFetchHtml(`${base}/slow`, { ...allowed, timeoutMs: 500 }))).reason).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("aborts a 50 MB page once it passes the size limit", async () => {
    expect((await refusal(safeFetchHtml(`${base}/huge`, allowed))).reason).toBe("too_large");
    await new Promise((r) => setTimeout(r, 200));
    expect(hugeBytesSent).toBeLessThan(20 * 1024 * 1024);
    expect((await refusal(safeFetchHtml(`${base}/declared-huge`, allowed))).reason).toBe("too_large");
  });

  it("refuses what is not HTML", async () => {
    for (const path of ["/pdf", "/json", "/untyped-binary"]) expect((await refusal(safeFetchHtml(`${base}${path}`, allowed))).reason, path).toBe("not_html");
  });

  it("reports HTTP errors", async () => {
    const error = await refusal(safeFetchHtml(`${base}/missing`, allowed));
    expect(error).toMatchObject({ reason: "http_error", status: 404 });
  });

  it("decodes Latin-1 by header or meta tag, and gzip", async () => {
    expect((await safeFetchHtml(`${base}/latin1`, allowed)).html).toContain("Grüße aus Köln – „Zitat“");
    expect(await safeFetchHtml(`${base}/latin1-meta`, allowed)).toMatchObject({ charset: "windows-1252", html: expect.stringContaining("Grüße aus Köln") });
    expect((await safeFetchHtml(`${base}/gzip`, allowed)).html).toBe(ARTICLE);
  });
});
