/**
 * Which items (here: painted highlights) are near the viewport — within one viewport height
 * above or below what is on screen. `show` and `hide` hear of every change, in batches.
 *
 * Why: Chromium rebuilds the markers of EVERY range in `CSS.highlights` whenever the page's DOM
 * or style changes (HighlightRegistry::ValidateHighlightMarkers, seen in a trace as the
 * "CompositingInputs" part of a frame) and paints them within its paint cull rect. With 1,000
 * claims registered that was 25–50 ms of one frame on an idle 2-core machine, 100–300 ms under
 * load — on the first paint and again on every later change of the page (a badge moved, a class
 * toggled). With only the ~30 highlights near the viewport registered it is about 1 ms
 * (bench/reader-highlights.ts: the "all-at-once" comparison).
 *
 * How, keeping the frame that paints the first highlights cheap:
 * 1. `track(items)` (items in document order) finds the items near the viewport now by binary
 *    search over their boxes — a few `boxOf` calls, assuming that later text is lower on the
 *    page, as in an article — and shows them at once, so the next frame paints them;
 * 2. after that frame an IntersectionObserver (margin: one viewport) starts watching every
 *    item's elements (`targetsOf`); its first report corrects what the search got wrong on
 *    pages where the assumption fails (columns, floats), and later reports follow scrolling,
 *    resizing and layout changes (images, fonts, ads).
 * Without IntersectionObserver every item is shown at once.
 */

export interface ViewportWindowOptions<T> {
  show(items: T[]): void;
  hide(items: T[]): void;
  /** The elements whose position decides whether an item is near (asked once per item, after the first frame). */
  targetsOf(item: T): readonly Element[];
  /** The item's bounding box in viewport coordinates now (asked for a few items in `track`). */
  boxOf(item: T): DOMRectReadOnly;
}

/** The parts of `window` used here. */
export type WindowLike = Pick<Window, "innerHeight" | "setTimeout"> & {
  IntersectionObserver?: typeof IntersectionObserver;
  requestAnimationFrame?: Window["requestAnimationFrame"];
};

export class ViewportWindow<T> {
  private items: readonly T[] = [];
  private readonly shownItems = new Set<T>();
  private readonly itemsOf = new Map<Element, T[]>();
  private readonly nearTargets = new Set<Element>();
  private observer: IntersectionObserver | null = null;
  /** Bumped by every track/disconnect, so a deferred start from an earlier track does nothing. */
  private generation = 0;

  constructor(
    private readonly options: ViewportWindowOptions<T>,
    private readonly win: WindowLike = window,
  ) {}

  /** Starts watching `items` (in document order), replacing earlier ones, and shows those near the viewport now. */
  track(items: readonly T[]): void {
    this.disconnect();
    this.items = items;
    if (typeof this.win.IntersectionObserver !== "function") {
      this.change([...items], []);
      return;
    }
    this.change(this.nearByPosition(), []);
    const generation = this.generation;
    const observe = () => {
      if (generation === this.generation) this.observe();
    };
    // After the next frame (the one that paints what was just shown), not before it.
    if (typeof this.win.requestAnimationFrame === "function") this.win.requestAnimationFrame(() => this.win.setTimeout(observe, 0));
    else this.win.setTimeout(observe, 0);
  }

  /** Stops watching; what is shown stays shown (the owner removes it). */
  disconnect(): void {
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    this.items = [];
    this.shownItems.clear();
    this.itemsOf.clear();
    this.nearTargets.clear();
  }

  /** The items shown now. */
  shown(): T[] {
    return [...this.shownItems];
  }

  /** Items whose boxes lie within the window, found by binary search (boxes assumed to go down the page in item order). */
  private nearByPosition(): T[] {
    const height = this.win.innerHeight;
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.options.boxOf(items[mid]).bottom < -height) lo = mid + 1;
      else hi = mid;
    }
    const near: T[] = [];
    for (let i = lo; i < items.length; i++) {
      const box = this.options.boxOf(items[i]);
      if (box.top > 2 * height) break;
      if (box.width > 0 || box.height > 0) near.push(items[i]);
    }
    return near;
  }

  private observe(): void {
    for (const item of this.items) {
      for (const target of this.options.targetsOf(item)) {
        const list = this.itemsOf.get(target);
        if (!list) this.itemsOf.set(target, [item]);
        else if (list[list.length - 1] !== item) list.push(item);
      }
    }
    const Observer = this.win.IntersectionObserver!;
    this.observer = new Observer((entries) => this.onEntries(entries), { rootMargin: "100% 0px" });
    for (const target of this.itemsOf.keys()) this.observer.observe(target);
  }

  private onEntries(entries: readonly IntersectionObserverEntry[]): void {
    const affected = new Set<T>();
    for (const entry of entries) {
      if (entry.isIntersecting) this.nearTargets.add(entry.target);
      else this.nearTargets.delete(entry.target);
      for (const item of this.itemsOf.get(entry.target) ?? []) affected.add(item);
    }
    const show: T[] = [];
    const hide: T[] = [];
    for (const item of affected) {
      const near = this.options.targetsOf(item).some((target) => this.nearTargets.has(target));
      if (near !== this.shownItems.has(item)) (near ? show : hide).push(item);
    }
    this.change(show, hide);
  }

  private change(show: T[], hide: T[]): void {
    for (const item of hide) this.shownItems.delete(item);
    for (const item of show) this.shownItems.add(item);
    if (hide.length > 0) this.options.hide(hide);
    if (show.length > 0) this.options.show(show);
  }
}

/**
 * From the top of the first element's box to the bottom of the last one's: in an article's flow
 * this covers every line of the text between them.
 */
export function verticalExtent(elements: readonly Element[]): DOMRectReadOnly {
  if (elements.length === 0) return new DOMRectReadOnly();
  const first = elements[0].getBoundingClientRect();
  if (elements.length === 1) return first;
  const last = elements[elements.length - 1].getBoundingClientRect();
  const left = Math.min(first.left, last.left);
  const top = Math.min(first.top, last.top);
  return new DOMRectReadOnly(left, top, Math.max(first.right, last.right) - left, Math.max(first.bottom, last.bottom) - top);
}
