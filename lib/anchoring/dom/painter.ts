/**
 * Painting anchored claims onto a page, and finding which claims are under the pointer.
 *
 * Two implementations of one {@link Painter} interface:
 * - {@link CustomHighlightPainter}: the CSS Custom Highlight API. The text is not touched;
 *   one `Highlight` per class (verdict) is registered in `CSS.highlights` as `<prefix><class>`,
 *   styled by `.<prefix>highlighted::highlight(<prefix><class>)` rules in the page's document:
 *   the painter puts that class on the elements whose own text a registered range covers. Why
 *   not plain `::highlight()`: a stylesheet with an unscoped `::highlight()` rule makes Chromium
 *   recompute the style of every element of the page when it is added (13–63 ms for the
 *   100,000-character benchmark article on 2 cores, measured with a trace), and a class on a few
 *   dozen elements costs about 1 ms; the class goes on each text node's own parent, so no browser
 *   needs highlight inheritance for text inside links or emphasis. It holds only the
 *   ranges near the viewport (viewport-window.ts): Chromium's cost per frame grows with every
 *   registered range, so ranges join as the reader scrolls towards them and leave behind, and
 *   a Range is made only when first needed. Measured with a Chromium trace (100,000 characters,
 *   1,000 claims, 2 cores): the frame after registering all 1,000 spent 33–48 ms rebuilding
 *   highlight markers and 12–25 ms painting, and repeated the rebuild after any later DOM or
 *   style change of the page; with the ~30 ranges near the viewport, ~1 ms and ~4 ms.
 * - {@link WrappingPainter} (wrapping.ts): the fallback where the API is missing — `<mark>`
 *   elements around text-node slices.
 *
 * Custom highlights are not elements, so clicks and hovers cannot be caught on them:
 * `hitTest(x, y)` turns a viewport point into a text offset with the caret-from-point API and
 * returns the ids of the painted ranges whose boxes contain the point, innermost (shortest)
 * first — so overlapping claims all stay reachable.
 */
import type { TextIndex } from "./text-index";
import { verticalExtent, ViewportWindow } from "./viewport-window";

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
  /**
   * Tells `listener` which painted ids are near the viewport (within one viewport height of it)
   * and which left: at once with those near now, then on every change (`clear` and `paint` send
   * every shown id as gone first). Without IntersectionObserver every painted id is near.
   * Returns a function that stops the reports.
   */
  watchNear(listener: NearListener): () => void;
}

export type NearListener = (near: readonly string[], gone: readonly string[]) => void;

export interface PainterOptions {
  /** Prefix of highlight names / class names, unique to the page's owner (default "fc-"). */
  prefix?: string;
}

/** The class the custom-highlight painter puts on elements whose text it paints; the page's `::highlight()` rules are scoped to it. */
export const highlightedClass = (prefix: string) => `${prefix}highlighted`;

/** Whether this document can paint with the CSS Custom Highlight API. */
export function supportsCustomHighlights(win: Window & typeof globalThis = window): boolean {
  return typeof win.Highlight === "function" && typeof win.CSS !== "undefined" && win.CSS.highlights !== undefined && win.CSS.highlights !== null;
}

interface Painted {
  id: string;
  start: number;
  end: number;
  className: string;
  /** The index's nodes holding the first and the last character. */
  first: number;
  last: number;
  /** Made when first needed (registration near the viewport, rangeOf, hit tests): most of 1,000 are not before the reader scrolls. */
  range: Range | null;
  /** The elements around the first and the last character, which decide when it is near the viewport (made when first needed). */
  targets: Element[] | null;
}

export class CustomHighlightPainter implements Painter {
  readonly kind = "custom-highlight";
  private readonly prefix: string;
  /** highlightedClass(prefix), which the page's ::highlight() rules are scoped to. */
  private readonly highlighted: string;
  private painted: Painted[] = [];
  private byId = new Map<string, Painted>();
  private highlights = new Map<string, Highlight>();
  private readonly window: ViewportWindow<Painted>;
  private readonly listeners = new Set<NearListener>();
  /**
   * Elements given the highlighted class, and whether they had a class attribute before (so that
   * clear() leaves the page's markup exactly as it was). The class stays while painted: on an
   * element whose range scrolled away it costs nothing.
   */
  private readonly classed = new Map<Element, boolean>();

  constructor(
    private readonly index: TextIndex,
    options: PainterOptions = {},
    private readonly win: Window & typeof globalThis = window,
  ) {
    this.prefix = options.prefix ?? "fc-";
    this.highlighted = highlightedClass(this.prefix);
    const { nodes } = index;
    const targetsOf = (p: Painted) => (p.targets ??= elementsAround(nodes[p.first], nodes[p.last]));
    this.window = new ViewportWindow<Painted>(
      {
        show: (items) => {
          for (const p of items) {
            this.classTextParents(p);
            this.highlights.get(p.className)?.add(this.rangeFor(p));
          }
          this.tell(items, []);
        },
        hide: (items) => {
          for (const p of items) if (p.range) this.highlights.get(p.className)?.delete(p.range);
          this.tell([], items);
        },
        targetsOf,
        // The elements' boxes, not the range's: the same targets the IntersectionObserver watches
        // afterwards, and an element's box is cheaper to ask for than a range's (no Range made,
        // no text boxes gathered) — the binary search asks for a dozen in the highlights' frame.
        boxOf: (p) => verticalExtent(targetsOf(p)),
      },
      win,
    );
  }

  paint(highlights: readonly PaintHighlight[]): void {
    this.clear();
    for (const h of highlights) {
      const span = this.index.nodeSpan(h.start, h.end);
      if (!span) continue;
      const entry: Painted = { id: h.id, start: h.start, end: h.end, className: h.className, first: span[0], last: span[1], range: null, targets: null };
      this.painted.push(entry);
      this.byId.set(h.id, entry);
      // One Highlight per class: the registry stays small however many claims there are.
      if (!this.highlights.has(h.className)) this.highlights.set(h.className, new this.win.Highlight());
    }
    this.painted.sort((a, b) => a.start - b.start || b.end - a.end);
    // Which ranges are near the viewport is measured (getBoundingClientRect) before the highlights
    // are registered: registering one invalidates the page's style, and measuring after it made
    // Chromium recompute the whole page's style first (a few ms in the frame that paints them).
    this.window.track(this.painted);
    for (const [className, highlight] of this.highlights) this.win.CSS.highlights.set(this.prefix + className, highlight);
  }

  clear(): void {
    this.tell([], this.window.shown());
    this.window.disconnect();
    for (const className of this.highlights.keys()) this.win.CSS.highlights.delete(this.prefix + className);
    this.highlights.clear();
    for (const [element, hadClass] of this.classed) {
      element.classList.remove(this.highlighted);
      if (!hadClass && element.classList.length === 0) element.removeAttribute("class");
    }
    this.classed.clear();
    this.painted = [];
    this.byId.clear();
  }

  hitTest(x: number, y: number): string[] {
    const offset = this.offsetAtPoint(x, y);
    // Without a caret position (API missing, point outside text) every range is a candidate;
    // with one, only ranges around it (±1: the caret may sit on either side of the character).
    const candidates = offset === null ? this.painted : this.painted.filter((p) => p.start <= offset + 1 && p.end >= offset - 1);
    return candidates
      .filter((p) => containsPoint(this.rangeFor(p), x, y))
      .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start)
      .map((p) => p.id);
  }

  rangeOf(id: string): Range | null {
    const painted = this.byId.get(id);
    return painted ? this.rangeFor(painted) : null;
  }

  ids(): string[] {
    return this.painted.map((p) => p.id);
  }

  watchNear(listener: NearListener): () => void {
    this.listeners.add(listener);
    const near = this.window.shown();
    if (near.length > 0) listener(near.map((p) => p.id), []);
    return () => this.listeners.delete(listener);
  }

  private tell(near: readonly Painted[], gone: readonly Painted[]): void {
    if (near.length === 0 && gone.length === 0) return;
    const ids = (list: readonly Painted[]) => list.map((p) => p.id);
    for (const listener of this.listeners) listener(ids(near), ids(gone));
  }

  private classTextParents(p: Painted): void {
    for (let i = p.first; i <= p.last; i++) {
      const parent = this.index.nodes[i].parentElement;
      if (!parent || this.classed.has(parent)) continue;
      this.classed.set(parent, parent.hasAttribute("class"));
      parent.classList.add(this.highlighted);
    }
  }

  private rangeFor(p: Painted): Range {
    // nodeSpan said the range is not empty, so rangeFor makes one.
    return (p.range ??= this.index.rangeFor(p.start, p.end)!);
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

/** The parent elements of the first and the last text node (one when they share it). */
function elementsAround(first: Text, last: Text): Element[] {
  const a = first.parentElement;
  const b = last.parentElement;
  return a === b || !b ? (a ? [a] : []) : a ? [a, b] : [b];
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
