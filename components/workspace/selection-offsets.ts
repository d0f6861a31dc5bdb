/**
 * Maps a DOM selection inside a rendered article (see HighlightedArticle) to offsets in the
 * canonical text. Every text node's parent carries `data-start`, so the mapping reads one
 * attribute instead of counting characters across the document.
 */

function segmentStart(el: Element): number | null {
  const value = el.getAttribute("data-start");
  return value === null || el.hasAttribute("data-block") ? null : Number(value);
}

function segmentsIn(node: Node): Element[] {
  if (!(node instanceof Element)) return [];
  const own = node.matches("[data-start]:not([data-block])") ? [node] : [];
  return [...own, ...node.querySelectorAll("[data-start]:not([data-block])")];
}

/** The canonical offset of a DOM boundary point, or null when it is not inside article text. */
export function offsetOf(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement;
    const start = parent ? segmentStart(parent) : null;
    return start === null ? null : start + offset;
  }
  if (node instanceof Element) {
    const own = segmentStart(node);
    if (own !== null) return own + (offset === 0 ? 0 : (node.textContent ?? "").length);
  }
  const children = node.childNodes;
  const next = offset < children.length ? segmentsIn(children[offset])[0] : undefined;
  if (next) return segmentStart(next);
  // The point is after the last child: the end of the last segment before it.
  const last = [...children].slice(0, Math.min(offset, children.length)).flatMap(segmentsIn).at(-1);
  if (!last) return null;
  return segmentStart(last)! + (last.textContent ?? "").length;
}

export interface SelectedPassage {
  start: number;
  end: number;
  /** Where to show the "Add claim" action, relative to the viewport. */
  rect: DOMRect;
}

export type SelectionProblem = "outside" | "empty";

/** Reads the current selection as canonical offsets, or says why it cannot be a claim. */
export function readSelection(root: HTMLElement, text: string): SelectedPassage | SelectionProblem | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  if (start === null || end === null) {
    return root.contains(range.startContainer) || root.contains(range.endContainer) ? "outside" : null;
  }
  let s = Math.min(start, end);
  let e = Math.max(start, end);
  while (s < e && /\s/u.test(text[s])) s++;
  while (e > s && /\s/u.test(text[e - 1])) e--;
  if (s >= e) return "empty";
  return { start: s, end: e, rect: range.getBoundingClientRect() };
}

/** Extends or moves the selection with the keyboard (Shift+arrows), where the browser has no caret. */
export function modifySelection(root: HTMLElement, key: string, extend: boolean, byWord: boolean): boolean {
  const selection = window.getSelection();
  if (!selection) return false;
  if (selection.rangeCount === 0 || !root.contains(selection.anchorNode)) {
    // Start at the beginning of the article text (the title above it is not part of the text).
    const firstText = root.querySelector("[data-start]:not([data-block])")?.firstChild;
    if (!firstText) return false;
    selection.collapse(firstText, 0);
  }
  const direction = key === "ArrowLeft" || key === "ArrowUp" ? "backward" : "forward";
  const granularity = key === "ArrowUp" || key === "ArrowDown" ? "line" : byWord ? "word" : "character";
  selection.modify(extend ? "extend" : "move", direction, granularity);
  return true;
}
