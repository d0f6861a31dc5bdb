/**
 * What a news page says about itself outside its text: Open Graph and article meta tags,
 * schema.org JSON-LD (often inside an "@graph"), `<time datetime>` and `<html lang>`.
 *
 * Works on a DOM `Document` (jsdom on the server); reads only, never runs the page's scripts —
 * JSON-LD blocks are parsed as data with JSON.parse.
 */

export interface PageMetadata {
  title: string | null;
  siteName: string | null;
  description: string | null;
  author: string | null;
  /** As written on the page (ISO 8601 usually); see `toIsoDate`. */
  publishedTime: string | null;
  lang: string | null;
  canonicalUrl: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ARTICLE_TYPES = /^(?:\w+)?(?:Article|BlogPosting|Report)$/;

const clean = (value: string | null | undefined): string | null => {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : null;
};

function meta(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    for (const el of document.querySelectorAll("meta[property], meta[name], meta[itemprop]")) {
      const key = (el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop") ?? "").toLowerCase();
      if (key === name) {
        const value = clean(el.getAttribute("content"));
        if (value) return value;
      }
    }
  }
  return null;
}

/** Every object in the page's JSON-LD blocks, arrays and "@graph"s flattened. */
function jsonLdObjects(document: Document): Record<string, Json>[] {
  const found: Record<string, Json>[] = [];
  const visit = (node: Json, depth: number) => {
    if (depth > 5 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
    found.push(node);
    if (node["@graph"]) visit(node["@graph"], depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? "") as Json, 0);
    } catch {
      // A broken JSON-LD block is the page's problem; the other sources still count.
    }
  }
  return found;
}

function types(node: Record<string, Json>): string[] {
  const type = node["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
}

/** "Jane Doe", { name: "Jane Doe" } or a list of either, as one line. */
function names(value: Json | undefined): string | null {
  if (typeof value === "string") return clean(value);
  if (Array.isArray(value)) return clean(value.map(names).filter(Boolean).join(", "));
  if (value && typeof value === "object" && typeof value.name === "string") return clean(value.name);
  return null;
}

function stringField(node: Record<string, Json> | undefined, key: string): string | null {
  const value = node?.[key];
  return typeof value === "string" ? clean(value) : null;
}

/** Reads the page's own metadata. Meta tags first, JSON-LD second, markup last. */
export function readMetadata(document: Document): PageMetadata {
  const ld = jsonLdObjects(document);
  const article = ld.find((n) => types(n).some((t) => ARTICLE_TYPES.test(t)));
  const publisherNode = article?.publisher;
  const time =
    document.querySelector("time[pubdate][datetime], time[itemprop='datePublished'][datetime]") ??
    document.querySelector("article time[datetime], header time[datetime], time[datetime]");
  const canonical = document.querySelector("link[rel='canonical']")?.getAttribute("href");
  return {
    title: meta(document, "og:title", "twitter:title") ?? stringField(article, "headline") ?? clean(document.title),
    siteName: meta(document, "og:site_name") ?? names(publisherNode) ?? meta(document, "application-name", "publisher"),
    description: meta(document, "og:description", "description", "twitter:description") ?? stringField(article, "description"),
    // JSON-LD lists every author; the author meta tag often only the first.
    author: names(article?.author) ?? meta(document, "author", "article:author", "dc.creator"),
    publishedTime:
      meta(document, "article:published_time", "og:article:published_time", "datepublished", "date", "dc.date", "dc.date.issued", "pubdate", "parsely-pub-date", "sailthru.date") ??
      stringField(article, "datePublished") ??
      clean(time?.getAttribute("datetime")),
    lang: clean(document.documentElement.getAttribute("lang")) ?? meta(document, "content-language", "og:locale"),
    canonicalUrl: clean(canonical) ?? meta(document, "og:url"),
  };
}

/**
 * A publication date as "YYYY-MM-DD". A timestamp with an offset keeps the calendar day it
 * names ("2024-06-14T00:30:00+02:00" is 14 June where it was published, not 13 June in UTC).
 */
export function toIsoDate(raw: string | null): string | null {
  if (!raw) return null;
  const literal = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim());
  const date = literal ? new Date(`${literal[0]}T00:00:00Z`) : new Date(raw);
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString().slice(0, 10);
  if (literal && iso !== literal[0]) return null; // e.g. 2024-02-31
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= new Date().getUTCFullYear() + 1 ? iso : null;
}
