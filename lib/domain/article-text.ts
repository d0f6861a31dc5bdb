/**
 * The article text model.
 *
 * An article's canonical text is its blocks (lead, headings, paragraphs, captions) joined by a
 * blank line. Selectors count UTF-16 code units in that string, so it must be rebuilt
 * byte-for-byte the same way everywhere: only `joinBlocks` builds it and only `splitBlocks`
 * takes it apart.
 */

export const BLOCK_KINDS = ["lead", "heading", "paragraph", "caption"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface Block {
  kind: BlockKind;
  text: string;
}

export interface PositionedBlock extends Block {
  start: number;
  end: number;
}

export const BLOCK_SEPARATOR = "\n\n";

export interface CanonicalText {
  text: string;
  blockKinds: BlockKind[];
}

export function joinBlocks(blocks: readonly Block[]): CanonicalText {
  return {
    text: blocks.map((b) => b.text).join(BLOCK_SEPARATOR),
    blockKinds: blocks.map((b) => b.kind),
  };
}

/** Splits canonical text back into blocks with their offsets into the canonical text. */
export function splitBlocks(text: string, blockKinds: readonly BlockKind[]): PositionedBlock[] {
  const parts = text.split(BLOCK_SEPARATOR);
  let offset = 0;
  return parts.map((part, i) => {
    const block: PositionedBlock = {
      kind: blockKinds[i] ?? "paragraph",
      text: part,
      start: offset,
      end: offset + part.length,
    };
    offset += part.length + BLOCK_SEPARATOR.length;
    return block;
  });
}

/** Collapses runs of spaces and tabs inside a line and trims it; keeps the characters otherwise. */
function tidyLine(line: string): string {
  return line.replace(/[ \t\u00a0]+/g, " ").trim();
}

const ENDS_LIKE_SENTENCE = /[.!?:;…“”"»«)\]]$/u;
const MAX_HEADING_LENGTH = 160;

/**
 * Turns pasted plain text into blocks: paragraphs are separated by blank lines; a short
 * paragraph that does not end like a sentence is a heading; one with a © credit is a caption.
 */
export function blocksFromPlainText(body: string, options: { firstIsLead?: boolean } = {}): Block[] {
  const paragraphs = body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u00a0]*\n+/)
    .map((p) => p.split("\n").map(tidyLine).filter(Boolean).join(" "))
    .filter((p) => p.length > 0);
  return paragraphs.map((text, i) => ({ kind: classifyParagraph(text, i === 0 && options.firstIsLead === true), text }));
}

function classifyParagraph(text: string, isLead: boolean): BlockKind {
  if (isLead) return "lead";
  if (/©|\(c\)\s|Foto:|Photo:/i.test(text)) return "caption";
  if (text.length <= MAX_HEADING_LENGTH && !ENDS_LIKE_SENTENCE.test(text)) return "heading";
  return "paragraph";
}

export interface CleanedCapture {
  title: string;
  blocks: Block[];
  /** Author's initials or byline found at the end of the text, e.g. "sischr". */
  byline: string | null;
}

const BREADCRUMB_LINE = /^\s*\d+\.\s+\S.*$/;
const CHROME_LINES = new Set(["KommentareDrucken", "Kommentare", "Drucken", "Teilen", "Auch interessant"]);
const END_OF_ARTICLE_MARKERS = ["Auch interessant", "Mehr zum Thema", "Das könnte Sie auch interessieren"];
const TRAILING_INITIALS = /\s*\(([a-zäöüß]{2,10}(?:\/[a-zäöüß]{2,10})*)\)\s*$/u;

/**
 * Cleans a plain-text capture of a news page: the first line is the title; breadcrumb lists,
 * "KommentareDrucken", everything from "Auch interessant" on and a trailing "Kommentare" are site
 * chrome. An image caption with a photo credit becomes a caption block (an alt-text line
 * directly above it is dropped, it repeats the caption); trailing initials "(sischr)" become the byline.
 */
export function cleanCapture(raw: string): CleanedCapture {
  const lines = raw.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "").split("\n");
  const titleIndex = lines.findIndex((l) => l.trim().length > 0);
  const title = titleIndex >= 0 ? tidyLine(lines[titleIndex]) : "";
  let rest = lines.slice(titleIndex + 1);

  const endIndex = rest.findIndex((l) => END_OF_ARTICLE_MARKERS.includes(l.trim()));
  if (endIndex >= 0) rest = rest.slice(0, endIndex);
  rest = rest.filter((l) => !BREADCRUMB_LINE.test(l) && !CHROME_LINES.has(l.trim()));

  const paragraphs = rest
    .join("\n")
    .split(/\n[ \t\u00a0]*\n+/)
    .map((p) => p.split("\n").map(tidyLine).filter(Boolean))
    .filter((p) => p.length > 0);

  const blocks: Block[] = [];
  for (const [i, paragraphLines] of paragraphs.entries()) {
    const creditLine = paragraphLines.findIndex((l) => l.includes("©"));
    if (creditLine >= 0) {
      blocks.push({ kind: "caption", text: paragraphLines.slice(creditLine).join(" ") });
      continue;
    }
    const text = paragraphLines.join(" ");
    blocks.push({ kind: classifyParagraph(text, i === 0), text });
  }

  let byline: string | null = null;
  const last = blocks.at(-1);
  const split = last ? splitTrailingInitials(last.text) : null;
  if (last && split) {
    byline = split.initials;
    last.text = split.text;
  }
  return { title, blocks, byline };
}

/** Splits an author's initials such as "(sischr)" off the end of a paragraph; null when there are none. */
export function splitTrailingInitials(text: string): { text: string; initials: string } | null {
  const match = TRAILING_INITIALS.exec(text);
  if (!match) return null;
  return { text: text.slice(0, match.index).trimEnd(), initials: match[1] };
}

/** How many lines from the top a capture's breadcrumb or tool links ("KommentareDrucken") may sit. */
const CHROME_SEARCH_LINES = 12;

/**
 * Whether pasted text is a capture of a whole news page (what `cleanCapture` expects: title
 * line, then site chrome) rather than the article's text alone: a breadcrumb list or tool links
 * ("KommentareDrucken") near the top, or an end-of-article marker such as "Auch interessant" on a line of its own.
 */
export function looksLikeCapture(raw: string): boolean {
  const lines = raw.replace(/\r\n?/g, "\n").split("\n").map((l) => l.trim()).filter(Boolean);
  const top = lines.slice(1, CHROME_SEARCH_LINES);
  if (top.some((l) => CHROME_LINES.has(l))) return true;
  // A breadcrumb is at least two short numbered lines; one numbered line may be a list in the text.
  if (top.filter((l) => l.length <= 40 && BREADCRUMB_LINE.test(l)).length >= 2) return true;
  return lines.some((l) => END_OF_ARTICLE_MARKERS.includes(l));
}

/**
 * The editable form of an article's blocks, for correcting its text in a plain text field:
 * blocks separated by a blank line, headings marked "## ", captions "> ". The first block
 * stays the lead when the article had one.
 */
export function toEditableText(blocks: readonly Block[]): string {
  return blocks.map((b) => (b.kind === "heading" ? `## ${b.text}` : b.kind === "caption" ? `> ${b.text}` : b.text)).join(BLOCK_SEPARATOR);
}

export function fromEditableText(editable: string, options: { firstIsLead: boolean }): Block[] {
  const paragraphs = editable
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u00a0]*\n+/)
    .map((p) => p.split("\n").map(tidyLine).filter(Boolean).join(" "))
    .filter((p) => p.length > 0);
  return paragraphs.map((p, i): Block => {
    if (/^##(\s|$)/.test(p)) return { kind: "heading", text: p.slice(2).trim() };
    if (/^>(\s|$)/.test(p)) return { kind: "caption", text: p.slice(1).trim() };
    return { kind: i === 0 && options.firstIsLead ? "lead" : "paragraph", text: p };
  }).filter((b) => b.text.length > 0);
}
