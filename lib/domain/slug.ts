/** URL slugs for articles: lowercase ASCII, German umlauts transliterated (ä → ae, ß → ss). */

const TRANSLITERATIONS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", Ä: "ae", Ö: "oe", Ü: "ue" };
export const MAX_SLUG_LENGTH = 80;

export function slugify(title: string): string {
  const ascii = title
    .replace(/[äöüßÄÖÜ]/g, (c) => TRANSLITERATIONS[c])
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const slug = ascii
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, "");
  return slug || "article";
}
