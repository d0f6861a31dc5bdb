/**
 * The fallback painter for browsers without the CSS Custom Highlight API: wraps text-node
 * slices in `<mark>` elements.
 *
 * - Marks are made with `createElement`; the page's own Text nodes are moved into them (not
 *   copied, and never through innerHTML), so text is never parsed as markup and other scripts'
 *   references to those nodes stay valid.
 * - Overlapping and nested claims: every text node is split at every highlight boundary inside
 *   it, so each slice is covered by one fixed set of highlights; a slice gets one mark per
 *   covering highlight, nested outermost (longest) first. The innermost mark under the pointer is
 *   then the shortest claim there, and `hitTest` walks up from it: all claims stay clickable.
 * - `clear()` unwraps every mark and joins the split pieces back into the original Text nodes
 *   (`splitText` keeps the original node as the first piece), so the TextIndex built before
 *   painting is valid again — `paint` clears first and can be called repeatedly.
 * - Every mark is in the DOM at once, but `watchNear` reports only the claims near the viewport
 *   (viewport-window.ts, watching each claim's first and last mark), as the custom-highlight
 *   painter does: the overlay places badges for those only, not 1,000 in one task.
 * Cost: one DOM insertion per slice and highlight plus the style/layout of the new elements —
 * about 25× the main-thread time of custom highlights (bench/reader-highlights.ts).
 */
import type { NearListener, Painter, PainterOptions, PaintHighlight } from "./painter";
import type { TextIndex } from "./text-index";
import { verticalExtent, ViewportWindow, type WindowLike } from "./viewport-window";

const WHITESPACE_ONLY = /^[ \t\n\r\f]*$/;

export class WrappingPainter implements Painter {
  readonly kind = "wrapping";
  private readonly prefix: string;
  /** The attribute carrying a mark's highlight id, e.g. `data-fc-id`. */
  readonly idAttribute: string;
  private marks: HTMLElement[] = [];
  private ownMarks = new Set<Element>();
  private marksById = new Map<string, HTMLElement[]>();
  /** Each split text node: the original first, then the pieces cut off it, in order. */
  private splits: Text[][] = [];
  private order: string[] = [];
  private readonly listeners = new Set<NearListener>();
  private readonly window: ViewportWindow<string>;

  constructor(
    private readonly index: TextIndex,
    options: PainterOptions = {},
    win: WindowLike = window,
  ) {
    this.prefix = options.prefix ?? "fc-";
    this.idAttribute = `data-${this.prefix}id`;
    const ends = (id: string) => {
      const marks = this.marksById.get(id) ?? [];
      return marks.length > 1 ? [marks[0], marks[marks.length - 1]] : marks;
    };
    this.window = new ViewportWindow<string>(
      { show: (ids) => this.tell(ids, []), hide: (ids) => this.tell([], ids), targetsOf: ends, boxOf: (id) => verticalExtent(ends(id)) },
      win,
    );
  }

  paint(highlights: readonly PaintHighlight[]): void {
    this.clear();
    const { nodes, starts, ends, text } = this.index;
    const valid = highlights
      .map((h) => ({ ...h, start: Math.max(0, h.start), end: Math.min(text.length, h.end) }))
      .filter((h) => h.start < h.end)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    if (valid.length === 0) return;
    const boundaries = [...new Set(valid.flatMap((h) => [h.start, h.end]))].sort((a, b) => a - b);
    const active: PaintHighlight[] = [];
    let next = 0; // into `valid`, by start
    let b = 0; // into `boundaries`
    for (let i = 0; i < nodes.length; i++) {
      const ns = starts[i];
      const ne = ends[i];
      if (next >= valid.length && active.length === 0) break;
      while (b < boundaries.length && boundaries[b] <= ns) b++;
      // Quick skip: nothing starts inside this node and nothing covers its start.
      const covering = active.some((h) => h.end > ns) || (next < valid.length && valid[next].start < ne);
      if (!covering) continue;
      const cuts: number[] = [];
      for (let k = b; k < boundaries.length && boundaries[k] < ne; k++) cuts.push(boundaries[k]);
      for (const [piece, ps] of this.split(nodes[i], ns, cuts)) {
        while (next < valid.length && valid[next].start <= ps) active.push(valid[next++]);
        for (let k = active.length - 1; k >= 0; k--) if (active[k].end <= ps) active.splice(k, 1);
        if (active.length > 0 && !WHITESPACE_ONLY.test(piece.data)) this.wrap(piece, active);
      }
    }
    this.order = valid.map((h) => h.id).filter((id) => this.marksById.has(id));
    this.window.track(this.order);
  }

  clear(): void {
    this.tell([], this.window.shown());
    this.window.disconnect();
    for (const mark of this.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
    // Join split pieces back into the original node, if the page left them side by side.
    for (const [original, ...pieces] of this.splits) {
      const parent = original.parentNode;
      let sibling: Node | null = original.nextSibling;
      const together = parent !== null && pieces.every((p) => {
        const ok = p === sibling;
        sibling = p.nextSibling;
        return ok;
      });
      if (!together) continue;
      original.data = original.data + pieces.map((p) => p.data).join("");
      for (const p of pieces) parent!.removeChild(p);
    }
    this.marks = [];
    this.ownMarks.clear();
    this.marksById.clear();
    this.splits = [];
    this.order = [];
  }

  hitTest(x: number, y: number): string[] {
    const doc = this.index.root.ownerDocument ?? (this.index.root as Document);
    if (typeof doc.elementFromPoint !== "function") return [];
    const ids: string[] = [];
    for (let el = doc.elementFromPoint(x, y); el; el = el.parentElement) {
      const id = this.ownMarks.has(el) ? el.getAttribute(this.idAttribute) : null;
      if (id !== null && !ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  rangeOf(id: string): Range | null {
    const marks = this.marksById.get(id);
    if (!marks || marks.length === 0 || !marks[0].isConnected) return null;
    const range = marks[0].ownerDocument.createRange();
    range.setStartBefore(marks[0]);
    range.setEndAfter(marks[marks.length - 1]);
    return range;
  }

  ids(): string[] {
    return [...this.order];
  }

  watchNear(listener: NearListener): () => void {
    this.listeners.add(listener);
    const near = this.window.shown();
    if (near.length > 0) listener(near, []);
    return () => this.listeners.delete(listener);
  }

  private tell(near: readonly string[], gone: readonly string[]): void {
    if (near.length === 0 && gone.length === 0) return;
    for (const listener of this.listeners) listener(near, gone);
  }

  /** The marks painted for one highlight, in document order (for tests and focus handling). */
  marksOf(id: string): readonly HTMLElement[] {
    return this.marksById.get(id) ?? [];
  }

  /** Splits `node` (starting at text offset `start`) at the text offsets `cuts`: [piece, its start][]. */
  private split(node: Text, start: number, cuts: number[]): [Text, number][] {
    const pieces: [Text, number][] = [[node, start]];
    let current = node;
    let currentStart = start;
    for (const cut of cuts) {
      const rest = current.splitText(cut - currentStart);
      pieces.push([rest, cut]);
      current = rest;
      currentStart = cut;
    }
    if (cuts.length > 0) this.splits.push(pieces.map(([p]) => p));
    return pieces;
  }

  /** Wraps `piece` in one mark per covering highlight, outermost (longest) first. */
  private wrap(piece: Text, covering: readonly PaintHighlight[]): void {
    const parent = piece.parentNode;
    if (!parent) return;
    const sorted = [...covering].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const doc = piece.ownerDocument;
    let container: Node = parent;
    let before: Node | null = piece;
    for (const h of sorted) {
      const mark = doc.createElement("mark");
      mark.className = `${this.prefix}mark ${this.prefix}${h.className}`;
      mark.setAttribute(this.idAttribute, h.id);
      container.insertBefore(mark, before);
      container = mark;
      before = null;
      this.marks.push(mark);
      this.ownMarks.add(mark);
      const list = this.marksById.get(h.id);
      if (list) list.push(mark);
      else this.marksById.set(h.id, [mark]);
    }
    container.appendChild(piece);
  }
}
