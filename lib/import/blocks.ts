/**
 * From what a person pasted or edited to article blocks.
 *
 * Two situations:
 * - The text tab: the text is either the article alone (paragraphs separated by blank lines) or
 *   a capture of the whole page, title line and site chrome included. A capture goes through
 *   `cleanCapture` (so the reference capture gives exactly the seeded blocks, "(sischr)" as the
 *   byline); plain text goes through `blocksFromPlainText`, minus a first line that merely
 *   repeats the title typed into the form.
 * - The preview of an HTML or URL import: the reviewer edits the extracted text as paragraphs in
 *   a text area, which has no room for block kinds. `reconcileBlocks` lines the edited paragraphs
 *   up with the extracted blocks, so an untouched heading or caption keeps its kind and a
 *   corrected typo does not turn the lead into a paragraph.
 *
 * Framework-free.
 */
import { blocksFromPlainText, cleanCapture, looksLikeCapture, type Block, type BlockKind } from "../domain/article-text";

export interface PastedArticle {
  /** The title the text itself carries (a capture's first line), or "" when it carries none. */
  title: string;
  blocks: Block[];
  byline: string | null;
  /** Whether the text was read as a page capture (see `looksLikeCapture`). */
  capture: boolean;
}

const sameLine = (a: string, b: string) => a.replace(/\s+/g, " ").trim().toLowerCase() === b.replace(/\s+/g, " ").trim().toLowerCase();

/** Blocks for text pasted into the text tab (see the module comment). */
export function blocksFromPastedText(text: string, formTitle: string): PastedArticle {
  if (looksLikeCapture(text)) {
    const capture = cleanCapture(text);
    return { title: capture.title, blocks: capture.blocks, byline: capture.byline, capture: true };
  }
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const first = lines.findIndex((l) => l.trim().length > 0);
  const body = first >= 0 && formTitle.trim() && sameLine(lines[first], formTitle) ? lines.slice(first + 1).join("\n") : text;
  return { title: "", blocks: blocksFromPlainText(body, { firstIsLead: true }), byline: null, capture: false };
}

/** The text the preview shows for editing: one paragraph per block, separated by blank lines. */
export function editableText(blocks: readonly Block[]): string {
  return blocks.map((b) => b.text).join("\n\n");
}

/** Above this many cells the alignment falls back to pairing paragraphs by position. */
const MAX_ALIGNMENT_CELLS = 4_000_000;

/**
 * Blocks from the preview's edited text. Paragraphs equal to an extracted block keep its kind
 * (matched in order, longest common subsequence); an edited paragraph takes the kind of the
 * extracted block it replaced, position by position between two matches; a paragraph with no
 * counterpart is classified like pasted text.
 */
export function reconcileBlocks(edited: string, detected: readonly Block[]): Block[] {
  const paragraphs = blocksFromPlainText(edited).map((b) => b.text);
  const kindOf = alignKinds(paragraphs, detected);
  return paragraphs.map((text, i) => ({ text, kind: kindOf[i] ?? blocksFromPlainText(text)[0].kind }));
}

function alignKinds(paragraphs: string[], detected: readonly Block[]): (BlockKind | null)[] {
  const n = paragraphs.length;
  const m = detected.length;
  const kinds: (BlockKind | null)[] = new Array<BlockKind | null>(n).fill(null);
  if (n * m > MAX_ALIGNMENT_CELLS) {
    for (let i = 0; i < Math.min(n, m); i++) kinds[i] = detected[i].kind;
    return kinds;
  }
  // lcs[i][j]: longest common subsequence of paragraphs[i..] and detected[j..], flattened.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = paragraphs[i] === detected[j].text ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  // Walk the table; between matches, pair the unmatched runs of both sides by position.
  let i = 0;
  let j = 0;
  let runStart: [number, number] = [0, 0];
  const closeRun = (endI: number, endJ: number) => {
    for (let k = 0; runStart[0] + k < endI && runStart[1] + k < endJ; k++) kinds[runStart[0] + k] = detected[runStart[1] + k].kind;
  };
  while (i < n && j < m) {
    if (paragraphs[i] === detected[j].text) {
      closeRun(i, j);
      kinds[i] = detected[j].kind;
      i++;
      j++;
      runStart = [i, j];
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  closeRun(n, m);
  return kinds;
}
