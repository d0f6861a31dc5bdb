/**
 * Extracts a news article from an HTML page: title, byline, publisher, publication date,
 * language and the text as blocks (lead, headings, paragraphs, captions) — the same model the
 * plain-text path produces, so all three ways in end in one result.
 *
 * The page is parsed by jsdom with scripts off and no subresources (jsdom's defaults: no
 * `runScripts`, no `resources`), so nothing in it runs or is fetched. Mozilla's Readability
 * (Firefox Reader View) finds the article body and drops navigation, ads, comments and teasers;
 * this module turns Readability's cleaned HTML into blocks and takes the metadata from the page
 * itself (see html-metadata.ts), with Readability's guesses as fallbacks.
 *
 * Framework-free apart from jsdom and Readability; used by lib/server/import.ts.
 */
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";
import { splitTrailingInitials, type Block, type BlockKind } from "../domain/article-text";
import { detectLanguage } from "../claim-detection";
import { readMetadata, toIsoDate } from "./html-metadata";

/** Below this many characters of text a page is not an article (a teaser page, an error page). */
export const MIN_ARTICLE_CHARS = 200;

export type ImportLanguage = "de" | "en" | "other";

export interface ExtractedArticle {
  title: string;
  byline: string | null;
  publisher: string;
  /** "YYYY-MM-DD" or null when the page does not say. */
  publishedAt: string | null;
  language: ImportLanguage;
  /** The address the page gives for itself (canonical link or og:url), absolute; null if none. */
  canonicalUrl: string | null;
  blocks: Block[];
}

export type ExtractResult = { ok: true; article: ExtractedArticle } | { ok: false; reason: "no_article" };

const LEAF_KINDS: Record<string, BlockKind> = {
  P: "paragraph",
  H1: "heading",
  H2: "heading",
  H3: "heading",
  H4: "heading",
  H5: "paragraph",
  H6: "paragraph",
  FIGCAPTION: "caption",
  LI: "paragraph",
  DT: "paragraph",
  DD: "paragraph",
  PRE: "paragraph",
  BLOCKQUOTE: "paragraph",
  TD: "paragraph",
  TH: "paragraph",
  CAPTION: "caption",
};
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IMG", "PICTURE", "SVG", "VIDEO", "AUDIO", "IFRAME", "OBJECT", "BUTTON", "INPUT", "SELECT", "TEXTAREA", "FORM"]);
const INLINE = new Set(["A", "ABBR", "B", "BDI", "BDO", "CITE", "CODE", "DATA", "DFN", "EM", "I", "KBD", "MARK", "Q", "S", "SAMP", "SMALL", "SPAN", "STRONG", "SUB", "SUP", "TIME", "U", "VAR", "WBR", "BR", "FONT", "DEL", "INS"]);
const BLOCK_INSIDE = "p, div, section, article, ul, ol, h1, h2, h3, h4, h5, h6, figure, figcaption, blockquote, table, li";

const tidy = (text: string) => text.replace(/[\s\u00a0]+/g, " ").trim();

// Lines Readability sometimes keeps that are page furniture, not article text.
const AD_LABELS = new Set(["anzeige", "werbung", "advertisement", "sponsored", "ad"]);
const BYLINE_LINE = /^(?:[Vv]on|[Bb]y)\s+\p{Lu}/u;
const MAX_BYLINE_LINE = 120;

/** Whether a block is a dateline, a "By …" line or an ad label rather than text. */
function isFurniture(el: Element, text: string): boolean {
  if (AD_LABELS.has(text.toLowerCase())) return true;
  if (text.length <= MAX_BYLINE_LINE && BYLINE_LINE.test(text)) return true;
  // Nothing left once the <time> elements are taken out: a dateline such as "14.06.2024, 06:12 Uhr".
  const withoutTimes = el.cloneNode(true) as Element;
  for (const time of withoutTimes.querySelectorAll("time")) time.remove();
  return el.querySelector("time") !== null && !/[\p{L}\p{N}]/u.test(textOf(withoutTimes).replace(/\b(?:uhr|am|um|on|at|updated|aktualisiert)\b/gi, ""));
}

/** An element's visible text: images and controls left out, a line break read as a space. */
function textOf(node: Node): string {
  let text = "";
  for (const child of node.childNodes) {
    if (child.nodeType === 3) text += child.nodeValue ?? "";
    else if (child.nodeType === 1) {
      const el = child as Element;
      if (el.tagName === "BR") text += " ";
      else if (!SKIPPED.has(el.tagName.toUpperCase())) text += textOf(el);
    }
  }
  return text;
}

/** Readability's cleaned article as blocks, in document order. */
function blocksOf(root: Element): Block[] {
  const blocks: Block[] = [];
  const push = (kind: BlockKind, raw: string, el?: Element) => {
    const text = tidy(raw);
    if (text && !(el && isFurniture(el, text))) blocks.push({ kind, text });
  };
  const walk = (container: Element) => {
    let loose = "";
    for (const child of container.childNodes) {
      if (child.nodeType === 3) {
        loose += child.nodeValue ?? "";
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      if (INLINE.has(tag)) {
        loose += tag === "BR" ? "\n" : textOf(el);
        continue;
      }
      push("paragraph", loose, container);
      loose = "";
      const kind = LEAF_KINDS[tag];
      // A list item or quotation made of paragraphs is a container, not one block.
      if (kind && (tag === "P" || tag.startsWith("H") || !el.querySelector(BLOCK_INSIDE))) push(kind, textOf(el), el);
      else walk(el);
    }
    push("paragraph", loose, container);
  };
  walk(root);
  return blocks;
}

function languageOf(lang: string | null, text: string): ImportLanguage {
  const base = lang?.toLowerCase().split(/[-_]/)[0];
  if (base) return base === "de" || base === "en" ? base : "other";
  return detectLanguage(text) ?? "other";
}

/** "Von Jane Doe" → "Jane Doe": the byline without its preposition. */
function cleanByline(byline: string | null | undefined): string | null {
  const text = tidy(byline ?? "").replace(/^(?:von|by)\s+/i, "");
  return text ? text.slice(0, 200) : null;
}

/** "Headline | Site" → "Headline" when the suffix names the site. */
function stripSiteSuffix(title: string, site: string | null): string {
  if (!site) return title;
  const match = /^(.*\S)\s+[|\-–—·:]\s+(.+)$/.exec(title);
  return match && match[2].toLowerCase() === site.toLowerCase() ? match[1] : title;
}

function absoluteUrl(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Marks the lead. The meta description is the standfirst when the page shows it: then it is the
 * lead, added in front if Readability left it out (standfirsts often sit in the header, outside
 * the body). Otherwise the first paragraph is the lead.
 */
function markLead(blocks: Block[], description: string | null, pageText: string): Block[] {
  const standfirst = description ? tidy(description) : null;
  const first = blocks.findIndex((b) => b.kind === "paragraph");
  if (standfirst && standfirst.length >= 40) {
    const at = blocks.findIndex((b) => b.text === standfirst);
    if (at >= 0) return blocks.map((b, i) => (i === at ? { ...b, kind: "lead" } : b));
    if (pageText.includes(standfirst)) return [{ kind: "lead", text: standfirst }, ...blocks];
  }
  return blocks.map((b, i) => (i === first ? { ...b, kind: "lead" } : b));
}

/**
 * Extracts the article from an HTML page.
 * @param html - the page's markup, already decoded to text
 * @param pageUrl - where the page came from (resolves relative links); a placeholder when unknown
 */
export function extractArticle(html: string, pageUrl = "https://import.invalid/"): ExtractResult {
  // Pages are full of CSS jsdom cannot parse; its complaints are noise here.
  const dom = new JSDOM(html, { url: pageUrl, virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const metadata = readMetadata(document);
    const pageText = tidy(textOf(document.body ?? document.documentElement));
    const parsed = new Readability<Node>(document.cloneNode(true) as Document, { serializer: (node) => node }).parse();
    if (!parsed?.content) return { ok: false, reason: "no_article" };

    const publisher = metadata.siteName ?? tidy(parsed.siteName ?? "") ?? "";
    const title = stripSiteSuffix(metadata.title ?? tidy(parsed.title ?? ""), publisher || null);
    let blocks = blocksOf(parsed.content as Element).filter((b, i) => !(i === 0 && b.kind === "heading" && b.text === title));
    let byline = cleanByline(metadata.author ?? parsed.byline);
    const last = blocks.at(-1);
    const initials = last ? splitTrailingInitials(last.text) : null;
    if (last && initials) {
      blocks = [...blocks.slice(0, -1), { ...last, text: initials.text }];
      byline ??= initials.initials;
    }
    blocks = markLead(blocks, metadata.description, pageText);

    const text = blocks.map((b) => b.text).join("\n\n");
    if (text.length < MIN_ARTICLE_CHARS) return { ok: false, reason: "no_article" };
    return {
      ok: true,
      article: {
        title,
        byline,
        publisher: publisher || hostOf(pageUrl),
        publishedAt: toIsoDate(metadata.publishedTime ?? parsed.publishedTime ?? null),
        language: languageOf(metadata.lang ?? parsed.lang ?? null, text),
        canonicalUrl: absoluteUrl(metadata.canonicalUrl, pageUrl),
        blocks,
      },
    };
  } finally {
    dom.window.close();
  }
}

function hostOf(pageUrl: string): string {
  const host = new URL(pageUrl).hostname.replace(/^www\./, "");
  return host.endsWith(".invalid") ? "" : host;
}
