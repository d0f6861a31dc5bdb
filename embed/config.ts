/**
 * Where the overlay gets its data and which part of the host page it reads — all from the
 * script tag the publisher added:
 *   <script src="https://<our host>/embed.js" data-article="<slug>" async></script>
 * - `data-article`: our article's slug; without it the page's address (its
 *   `<link rel="canonical">`, else location.href) is looked up (`/api/v1/lookup?url=`).
 * - `data-api`: another API origin (tests point it at a closed port); default: the origin the
 *   script was loaded from.
 * - `data-root`: a CSS selector for the article container; default `[data-factcheck-root]`,
 *   else the `<article>` with the most text, else `<main>`, else `<body>`.
 */
import { safeHttpUrl } from "./annotations";

export interface EmbedConfig {
  /** Origin (or base URL) of our public API, without a trailing slash. */
  apiBase: string;
  slug: string | null;
  /** The host page's address, for the lookup. */
  pageUrl: string;
  rootSelector: string | null;
}

/** The script element that loaded us: `currentScript` while it runs (async classic scripts too), else by file name. */
export function findOwnScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  const all = doc.querySelectorAll<HTMLScriptElement>("script[src]");
  for (let i = all.length - 1; i >= 0; i--) if (/\/embed\.js(?:[?#]|$)/.test(all[i].src)) return all[i];
  return null;
}

export function readConfig(doc: Document, script: HTMLScriptElement | null, location: Location): EmbedConfig | null {
  const fromScript = script ? safeHttpUrl(script.src) : null;
  const apiBase = safeHttpUrl(script?.getAttribute("data-api") ?? "") ?? (fromScript ? new URL(fromScript).origin : null);
  if (!apiBase) return null;
  const slug = script?.getAttribute("data-article")?.trim() || null;
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
  return {
    apiBase: apiBase.replace(/\/+$/, ""),
    slug: slug && /^[\w-]{1,200}$/.test(slug) ? slug : null,
    pageUrl: safeHttpUrl(canonical?.href) ?? location.href,
    rootSelector: script?.getAttribute("data-root") || null,
  };
}

/** The annotations' address for this configuration. */
export function annotationsUrl(config: EmbedConfig): string {
  return config.slug
    ? `${config.apiBase}/api/v1/articles/${encodeURIComponent(config.slug)}/annotations`
    : `${config.apiBase}/api/v1/lookup?url=${encodeURIComponent(config.pageUrl)}`;
}

/** The element whose text is the article. */
export function findArticleRoot(doc: Document, selector: string | null): Element {
  if (selector) {
    try {
      const chosen = doc.querySelector(selector);
      if (chosen) return chosen;
    } catch {
      // An invalid selector: fall through to the defaults.
    }
  }
  const marked = doc.querySelector("[data-factcheck-root]");
  if (marked) return marked;
  // Pages often have several <article>s (teasers, comments): take the one with the most text.
  let best: Element | null = null;
  let bestLength = 0;
  for (const article of Array.from(doc.getElementsByTagName("article"))) {
    const length = article.textContent?.length ?? 0;
    if (length > bestLength) [best, bestLength] = [article, length];
  }
  return best ?? doc.querySelector("main") ?? doc.body;
}
