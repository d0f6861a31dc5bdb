/**
 * Painting anchored claims onto a page, and finding which claims are under the pointer.
 *
 * Two implementations of one {@link Painter} interface:
 * - {@link CustomHighlightPainter}: the CSS Custom Highlight API. The DOM is not touched at all;
 *   one `Highlight` per class (verdict) holds that class's ranges and is registered in
 *   `CSS.highlights` as `<prefix><class>`, styled by `::highlight(<prefix><class>)` rules in the
 *   page's document. Measured in Chromium: ~5 ms of main thread for 1,000 claims, against
 *   ~130 ms for wrapping (shared/STACK-NOTES.md; bench/reader-highlights.ts).
 * - {@link WrappingPainter} (wrapping.ts): the fallback where the API is missing — `<mark>`
 *   elements around text-node slices.
 *
 * Custom highlights are not elements, so clicks and hovers cannot be caught on them:
 * `hitTest(x, y)` turns a viewport point into a text offset with the caret-from-point API and
 * returns the ids of the painted ranges whose boxes contain the point, innermost (shortest)
 * first — so overlapping claims all stay reachable.
 */
import type { TextIndex } from "./text-index";

export interface PaintHighlight {
  id: string;
  /** Offsets into the index's text (as returned by anchorAll). */
  start: number;
  end: number;
  /** A CSS-identifier-safe class, e.g. the verdict "MOSTLY_TRUE"; the highlight's name is prefix + className. */
  className: string;
}

export interface Painter {
  readonly kind: "custom-highlight" | "wrapping";
  /** Replaces whatever this painter painted before with `highlights`. Ranges that map to no text are left out. */
  paint(highlights: readonly PaintHighlight[]): void;
  /** Removes everything this painter painted (the wrapping painter restores the original text nodes). */
  clear(): void;
  /** Ids of painted highlights at viewport point (x, y), innermost first. */
  hitTest(x: number, y: number): string[];
  /** The painted extent of a highlight (for placing badges and cards), or null. */
  rangeOf(id: string): Range | null;
  /** Ids painted by the last `paint`, in paint order. */
  ids(): string[];
}

export interface PainterOptions {
  /** Prefix of highlight names / class names, unique to the page's owner (default "fc-"). */
  prefix?: string;
}

/** Whether this document can paint with the CSS Custom Highlight API. */
export function supportsCustomHighlights(win: Window & typeof globalThis = window): boolean {
  return typeof win.Highlight === "function" && typeof win.CSS !== "undefined" && win.CSS.highlights !== undefined && win.CSS.highlights !== null;
}

interface Painted {
  id: string;
  start: number;
  end: number;
  range: Range;
}

export class CustomHighlightPainter implements Painter {
  readonly kind = "custom-highlight";
  private readonly prefix: string;
  private painted: Painted[] = [];
  private byId = new Map<string, Painted>();
  private names: string[] = [];

  constructor(
    private readonly index: TextIndex,
    options: PainterOptions = {},
    private readonly win: Window & typeof globalThis = window,
  ) {
    this.prefix = options.prefix ?? "fc-";
  }

  paint(highlights: readonly PaintHighlight[]): void {
    this.clear();
    const groups = new Map<string, Range[]>();
    for (const h of highlights) {
      const range = this.index.rangeFor(h.start, h.end);
      if (!range) continue;
      const entry = { id: h.id, start: h.start, end: h.end, range };
      this.painted.push(entry);
      this.byId.set(h.id, entry);
      const group = groups.get(h.className);
      if (group) group.push(range);
      else groups.set(h.className, [range]);
    }
    // One Highlight per class: the registry stays small however many claims there are.
    for (const [className, ranges] of groups) {
      const name = this.prefix + className;
      this.win.CSS.highlights.set(name, new this.win.Highlight(...ranges));
      this.names.push(name);
    }
    this.painted.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  clear(): void {
    for (const name of this.names) this.win.CSS.highlights.delete(name);
    this.names = [];
    this.painted = [];
    this.byId.clear();
  }

  hitTest(x: number, y: number): string[] {
    const offset = this.offsetAtPoint(x, y);
    // Without a caret position (API missing, point outside text) every range is a candidate;
    // with one, only ranges around it (±1: the caret may sit on either side of the character).
    const candidates = offset === null ? this.painted : this.painted.filter((p) => p.start <= offset + 1 && p.end >= offset - 1);
    return candidates
      .filter((p) => containsPoint(p.range, x, y))
      .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start)
      .map((p) => p.id);
  }

  rangeOf(id: string): Range | null {
    return this.byId.get(id)?.range ?? null;
  }

  ids(): string[] {
    return this.painted.map((p) => p.id);
  }

  private offsetAtPoint(x: number, y: number): number | null {
    const doc = this.win.document;
    if (typeof doc.caretPositionFromPoint === "function") {
      const pos = doc.caretPositionFromPoint(x, y);
      return pos ? this.index.offsetOf(pos.offsetNode, pos.offset) : null;
    }
    const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
    if (typeof legacy === "function") {
      const range = legacy.call(doc, x, y);
      return range ? this.index.offsetOf(range.startContainer, range.startOffset) : null;
    }
    return null;
  }
}

/** Whether one of the range's line boxes contains the viewport point (a 1px tolerance for edges). */
export function containsPoint(range: Range, x: number, y: number): boolean {
  if (typeof range.getClientRects !== "function") return false;
  for (const r of Array.from(range.getClientRects())) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

export { WrappingPainter } from "./wrapping";
