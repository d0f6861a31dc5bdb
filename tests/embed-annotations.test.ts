/**
 * The overlay's reading of the public API (embed/annotations.ts, embed/config.ts): the
 * AnnotationPage our server writes round-trips into claims; hostile or broken data gives fewer
 * claims, never an exception or a `javascript:` link; fetch failures resolve to null.
 */
import { describe, expect, it, vi } from "vitest";
import { toAnnotationPage, type AnnotatableClaim } from "../lib/domain/web-annotation";
import { fetchJson, parseAnnotationPage, readAnnotationPage, safeHttpUrl, warmUpReader, WARM_UP_ITEM } from "../embed/annotations";
import { annotationsUrl } from "../embed/config";
import { pageCss } from "../embed/styles";
import { shortQuote } from "../embed/strings";

const claim = (over: Partial<AnnotatableClaim> = {}): AnnotatableClaim => ({
  id: "c1",
  exact: "mehr als 10.000 Schiffscontainer",
  prefix: "soll Nordkorea bereits ",
  suffix: " nach Russland geschickt",
  start: 120,
  end: 152,
  claimText: "Nordkorea hat mehr als 10.000 Schiffscontainer geschickt.",
  claimant: "Shin Won-sik",
  verdict: "MOSTLY_TRUE",
  rationale: "Die Zahl stammt vom Ministerium.",
  publishedAt: new Date("2024-06-14T00:00:00Z"),
  updatedAt: new Date("2024-06-14T00:00:00Z"),
  sources: [{ url: "https://example.org/a", title: "Briefing", publisher: "Ministerium", publishedAt: null, excerpt: "", stance: "SUPPORTS" }],
  ...over,
});

const context = { pageUrl: "https://fc.example/api/v1/articles/a/annotations", readerUrl: "https://fc.example/articles/a", sourceUrl: "https://news.example/a", creatorName: "Faktenprüfer" };

describe("parseAnnotationPage", () => {
  it("reads what the API writes", () => {
    const [parsed] = parseAnnotationPage(JSON.parse(JSON.stringify(toAnnotationPage([claim()], context))));
    expect(parsed).toEqual({
      id: "c1",
      permalink: "https://fc.example/articles/a#claim-c1",
      verdict: "MOSTLY_TRUE",
      claimText: "Nordkorea hat mehr als 10.000 Schiffscontainer geschickt.",
      claimant: "Shin Won-sik",
      rationale: "Die Zahl stammt vom Ministerium.",
      creator: "Faktenprüfer",
      sources: [{ url: "https://example.org/a", title: "Briefing", publisher: "Ministerium", stance: "supports" }],
      anchor: { id: "c1", exact: "mehr als 10.000 Schiffscontainer", prefix: "soll Nordkorea bereits ", suffix: " nach Russland geschickt", start: 120, end: 152 },
    });
  });

  it("drops items it cannot show and links that are not http(s)", () => {
    const page = JSON.parse(JSON.stringify(toAnnotationPage([claim(), claim({ id: "c2" }), claim({ id: "c3" })], context)));
    page.items[0].body[0].verdict = "PANTS_ON_FIRE"; // unknown verdict
    page.items[1].body.find((b: { purpose: string }) => b.purpose === "linking").source = "javascript:alert(1)";
    page.items[2].id = "javascript:alert(1)#claim-c3";
    page.items.push(null, 42, { target: {}, body: [] }, { ...page.items[1] }); // junk and a duplicate
    const parsed = parseAnnotationPage(page);
    expect(parsed.map((c) => c.id)).toEqual(["c2", "javascript:alert(1)#claim-c3"]);
    expect(parsed[0].sources).toEqual([]);
    expect(parsed[1].permalink).toBeNull();
  });

  it("reads the anchors first, for exactly the claims it will show, in the same order", () => {
    const page = JSON.parse(JSON.stringify(toAnnotationPage([claim(), claim({ id: "c2" }), claim({ id: "c3" })], context)));
    page.items[0].body[0].verdict = "PANTS_ON_FIRE"; // not shown, so not anchored
    page.items.push({ ...page.items[2] }); // a duplicate: anchored once
    const reading = readAnnotationPage(page);
    expect(reading.anchors.map((a) => a.id)).toEqual(["c2", "c3"]);
    const claims = reading.claims();
    expect(claims.map((c) => c.id)).toEqual(["c2", "c3"]);
    claims.forEach((c, i) => expect(c.anchor).toBe(reading.anchors[i]));
    expect(claims).toEqual(parseAnnotationPage(page));
  });

  it("warms up on an item shaped exactly as the API writes one, read all the way", () => {
    const shape = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(shape) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)])) : typeof v;
    const sources = [{ url: "https://example.org/a", title: "Briefing", publisher: "Ministerium", publishedAt: new Date("2026-01-01"), excerpt: "x", stance: "SUPPORTS" }];
    const written = JSON.parse(JSON.stringify(toAnnotationPage([claim({ sources })], context))).items[0];
    expect(shape(WARM_UP_ITEM)).toEqual(shape(written));
    const [read] = parseAnnotationPage({ items: [WARM_UP_ITEM] });
    expect(read.sources).toHaveLength(1);
    expect(() => warmUpReader()).not.toThrow();
  });

  it("gives no claims for anything that is not an AnnotationPage", () => {
    for (const junk of [null, undefined, "x", [], {}, { items: "no" }, { items: [{}] }]) {
      expect(parseAnnotationPage(junk)).toEqual([]);
      expect(readAnnotationPage(junk).anchors).toEqual([]);
    }
  });

  it("accepts only absolute http(s) URLs", () => {
    expect(safeHttpUrl("https://a.example/x?y#z")).toBe("https://a.example/x?y#z");
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "/relative", "", 7, null]) expect(safeHttpUrl(bad)).toBeNull();
  });

  it("gives plain addresses back as they are and lets the URL parser tidy or refuse the rest", () => {
    for (const plain of ["https://fc.example/articles/a#claim-c1", "http://127.0.0.1:3000/articles/b-2?x=1&y=%20#claim-z_9"]) {
      expect(safeHttpUrl(plain)).toBe(plain);
      expect(safeHttpUrl(plain)).toBe(new URL(plain).href);
    }
    expect(safeHttpUrl("HTTPS://FC.Example/a b")).toBe("https://fc.example/a%20b");
    expect(safeHttpUrl(" https://fc.example/")).toBe("https://fc.example/");
    for (const bad of ["https://fc.example/\n#x", "javascript://fc.example/%0aalert(1)", "https//fc.example/", "https:/fc.example/x?<script>"]) {
      const result = safeHttpUrl(bad);
      if (result !== null) expect(new URL(result).protocol).toMatch(/^https?:$/);
    }
    expect(safeHttpUrl("javascript://fc.example/%0aalert(1)")).toBeNull();
  });
});

describe("fetchJson", () => {
  it("resolves to null on network errors, HTTP errors, bad JSON and timeouts", async () => {
    const failing = vi.fn().mockRejectedValue(new TypeError("Failed to fetch"));
    expect(await fetchJson("https://x", 1000, failing)).toBeNull();
    expect(await fetchJson("https://x", 1000, vi.fn().mockResolvedValue(new Response("nope", { status: 404 })))).toBeNull();
    expect(await fetchJson("https://x", 1000, vi.fn().mockResolvedValue(new Response("{bad", { status: 200 })))).toBeNull();
    const hanging = vi.fn((_url: string, init: RequestInit) => new Promise<Response>((_, reject) => init.signal!.addEventListener("abort", () => reject(new Error("aborted")))));
    expect(await fetchJson("https://x", 20, hanging as unknown as typeof fetch)).toBeNull();
    expect(await fetchJson("https://x", 1000, vi.fn().mockResolvedValue(Response.json({ ok: 1 })))).toEqual({ ok: 1 });
    expect(failing.mock.calls[0][1]).toMatchObject({ credentials: "omit", mode: "cors" });
  });
});

describe("overlay configuration and styles", () => {
  it("asks for the slug's annotations, else looks the page up", () => {
    const base = { apiBase: "https://fc.example", pageUrl: "https://news.example/a?utm_source=x#top", rootSelector: null };
    expect(annotationsUrl({ ...base, slug: "putin-kim" })).toBe("https://fc.example/api/v1/articles/putin-kim/annotations");
    expect(annotationsUrl({ ...base, slug: null })).toBe("https://fc.example/api/v1/lookup?url=https%3A%2F%2Fnews.example%2Fa%3Futm_source%3Dx%23top");
  });

  it("styles only its own prefixed highlights and marks", () => {
    const css = pageCss("factcheck-");
    expect(css).toContain(".factcheck-highlighted::highlight(factcheck-FALSE){");
    expect(css).toContain("mark.factcheck-mark.factcheck-TRUE{");
    for (const rule of css.split("}").filter(Boolean)) expect(rule).toMatch(/^(\.factcheck-highlighted::highlight\(factcheck-|mark\.factcheck-mark)/);
  });

  it("shortens long quotes for accessible names", () => {
    expect(shortQuote("  a \n b  ")).toBe("a b");
    expect(shortQuote("x".repeat(200), 10)).toBe("xxxxxxxxx…");
  });
});
