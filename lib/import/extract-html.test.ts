import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanCapture } from "../domain/article-text";
import { extractArticle, type ExtractedArticle } from "./extract-html";
import { toIsoDate } from "./html-metadata";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "__fixtures__", name), "utf8");

function extracted(html: string, url?: string): ExtractedArticle {
  const result = extractArticle(html, url);
  if (!result.ok) throw new Error(`no article: ${result.reason}`);
  return result.article;
}

const paragraphs = (n: number, sentence: string) => Array.from({ length: n }, (_, i) => `<p>${sentence} (${i + 1})</p>`).join("\n");
const GERMAN = "Die Bundesregierung hat am Mittwoch neue Zahlen vorgelegt, nach denen die Zahl der Beschäftigten im vergangenen Jahr um 1,2 Prozent gestiegen ist.";
const FRENCH = "Le gouvernement a présenté mercredi de nouveaux chiffres selon lesquels le nombre de salariés a augmenté de 1,2 pour cent au cours de l'année dernière.";

describe("extractArticle on the reference article as a web page", () => {
  const article = extracted(fixture("putin-kim-nordkorea.de.html"), "https://example.org/politik/putin-kim-nordkorea?ref=home");

  it("gives the same blocks as the seeded plain-text capture", () => {
    const seeded = cleanCapture(readFileSync(path.join(import.meta.dirname, "../../prisma/fixtures/putin-kim-nordkorea.de.txt"), "utf8"));
    expect(article.blocks).toEqual(seeded.blocks);
    expect(article.title).toBe(seeded.title);
    expect(article.byline).toBe("sischr");
  });

  it("reads publisher, date, language and canonical address from the page", () => {
    expect(article).toMatchObject({
      publisher: "Nachrichtenportal (Demo)",
      publishedAt: "2024-06-14",
      language: "de",
      canonicalUrl: "https://example.org/politik/putin-kim-nordkorea",
    });
  });

  it("leaves out the site chrome", () => {
    const text = article.blocks.map((b) => b.text).join("\n");
    for (const chrome of ["Startseite", "Kommentare", "Drucken", "Auch interessant", "Anzeige", "Impressum", "06:12 Uhr", "Wirtschaft"]) expect(text).not.toContain(chrome);
  });
});

describe("extractArticle on a typical news page", () => {
  const article = extracted(fixture("cycle-lanes.en.html"), "https://courier.example/news/cycle-lanes");

  it("finds title, all authors, the publisher and the publication date in JSON-LD", () => {
    expect(article).toMatchObject({
      title: "Council approves £4.2m cycle lane plan despite objections",
      byline: "Jane Doe, Tom Reid",
      publisher: "The Riverside Courier",
      // datePublished, not the "Updated" <time> nor dateModified
      publishedAt: "2025-03-04",
      canonicalUrl: null,
    });
  });

  it("detects the language from the text when <html> has no lang", () => {
    expect(article.language).toBe("en");
  });

  it("takes the standfirst shown above the body as the lead, keeps headings and the caption", () => {
    expect(article.blocks.map((b) => b.kind)).toEqual(["lead", "paragraph", "paragraph", "caption", "heading", "paragraph", "paragraph", "heading", "paragraph", "paragraph"]);
    expect(article.blocks[0].text).toMatch(/^The scheme will add 12 kilometres/);
    expect(article.blocks[3].text).toBe("Cyclists on Bridge Street on Monday. The road carries about 9,000 vehicles a day. Photo: Sam Patel");
    expect(article.blocks[4].text).toBe("Traders fear loss of parking");
  });

  it("drops navigation, ads, the byline line, newsletter box, share links, comments and footer", () => {
    const text = article.blocks.map((b) => b.text).join("\n");
    for (const chrome of ["cookies", "Subscribe", "Advertisement", "broadband", "By Jane Doe", "morning briefing", "Share on", "Biker_Bob", "kill the high street", "Most read", "All rights reserved"]) {
      expect(text, chrome).not.toContain(chrome);
    }
  });
});

describe("extractArticle: language, dates and refusals", () => {
  const page = (head: string, body: string, lang = "") => `<!doctype html><html${lang}><head><title>Titel</title>${head}</head><body><article><h1>Titel</h1>${body}</article></body></html>`;

  it("takes <html lang> over the text and calls anything but German and English 'other'", () => {
    expect(extracted(page("", paragraphs(4, GERMAN), ' lang="de-AT"')).language).toBe("de");
    expect(extracted(page("", paragraphs(4, FRENCH), ' lang="fr"')).language).toBe("other");
    expect(extracted(page("", paragraphs(4, FRENCH))).language).toBe("other");
    expect(extracted(page("", paragraphs(4, GERMAN))).language).toBe("de");
  });

  it("falls back to <time datetime> for the date and to the host name for the publisher", () => {
    const article = extracted(page("", `<p><time datetime="2023-11-05T23:30:00-05:00">5. November</time></p>${paragraphs(4, GERMAN)}`), "https://www.zeitung.example/a");
    expect(article.publishedAt).toBe("2023-11-05");
    expect(article.publisher).toBe("zeitung.example");
    expect(article.blocks[0]).toEqual({ kind: "lead", text: `${GERMAN} (1)` });
  });

  it("refuses pages without an article", () => {
    expect(extractArticle("")).toEqual({ ok: false, reason: "no_article" });
    expect(extractArticle("<html><body><nav><a href='/'>Start</a></nav><p>Seite nicht gefunden.</p></body></html>")).toEqual({ ok: false, reason: "no_article" });
    expect(extractArticle(page("", "<p>Zu kurz für einen Artikel, aber ein Satz.</p>"))).toEqual({ ok: false, reason: "no_article" });
  });

  it("never runs the page's scripts", () => {
    const html = page("", `${paragraphs(4, GERMAN)}<script>document.querySelector("article").innerHTML = "<p>${"Eingeschleust. ".repeat(30)}</p>"; globalThis.ran = true;</script>`);
    const article = extracted(html);
    expect(article.blocks.map((b) => b.text).join(" ")).not.toContain("Eingeschleust");
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });
});

describe("toIsoDate", () => {
  it("keeps the calendar day the page names", () => {
    expect(toIsoDate("2024-06-14T00:30:00+02:00")).toBe("2024-06-14");
    expect(toIsoDate("2024-06-14")).toBe("2024-06-14");
    expect(toIsoDate("Fri, 14 Jun 2024 10:00:00 GMT")).toBe("2024-06-14");
    expect(toIsoDate("2024-02-31")).toBeNull();
    expect(toIsoDate("gestern")).toBeNull();
    expect(toIsoDate("1066-10-14")).toBeNull();
    expect(toIsoDate(null)).toBeNull();
  });
});
