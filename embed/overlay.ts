/**
 * The overlay's interactive part, in a Shadow DOM on a host element appended to <body>:
 * - one focusable badge per shown claim, at the end of its passage (custom highlights are not
 *   elements and cannot take focus; the badges give keyboard and screen-reader users a way in,
 *   in reading order), labelled "Verdict: <label>: <quote>". Only the badges of claims near the
 *   viewport are placed and shown, following the painter's viewport window (Painter.watchNear);
 *   the others wait, focusable but not drawn, and are placed when they take focus (Tab) — the
 *   browser then scrolls to them. Badges are made after the first frame, near ones first, the
 *   rest a hundred per task: with 1,000 claims, making and placing every badge at once was one
 *   100–250 ms task (bench/reader-highlights.ts);
 * - the card, next to the passage (a bottom sheet on narrow screens), opened by a badge (click,
 *   Enter, Space) or by a click on highlighted text (painter.hitTest: overlapping claims are all
 *   offered); Escape or a click elsewhere closes it, Escape returns focus to where it came from.
 * The host page is only listened to, never stopped: no preventDefault or stopPropagation on its
 * events; clicks on its links, buttons and form fields, and text selections, are left alone.
 */
import type { Painter } from "../lib/anchoring/dom/painter";
import { VERDICT_SCALE, type Locale } from "../lib/domain/verdicts";
import type { EmbedClaim } from "./annotations";
import { buildCard, el, glyph, paintVerdict } from "./card";
import { shadowCss } from "./styles";
import { STRINGS, shortQuote } from "./strings";

/** A claim that anchored on this page, with the page's own words for it. */
export interface ShownClaim extends EmbedClaim {
  text: string;
}

const INTERACTIVE = 'a[href],button,input,select,textarea,label,summary,[contenteditable=""],[contenteditable="true"]';
const NARROW = 600;
const HOST_STYLE = "position:absolute;top:0;left:0;width:0;height:0;margin:0;padding:0;border:0;overflow:visible;z-index:2147483000;display:block";

/**
 * The overlay's element on the host page: a Shadow DOM with our styles, a layer for the card
 * and, inside it, the badges' own box — size- and layout-contained, so that showing or moving
 * badges does not lay out the host page again (styles.ts). Made and attached while the claims
 * are still on their way: adding an element to <body> makes the browser lay out the whole page
 * again (~15 ms for a 100,000-character article), better done while waiting than in the frame
 * that paints the highlights.
 */
export class OverlayHost {
  readonly element: HTMLElement;
  readonly layer: HTMLElement;
  readonly badgeLayer: HTMLElement;

  constructor(private readonly doc: Document) {
    this.element = el(doc, "div", { "data-factcheck-embed": "", style: HOST_STYLE });
    const shadow = this.element.attachShadow({ mode: "open" });
    // The verdict glyphs, laid out (and their fonts found) while waiting rather than with the first badges.
    const glyphs = el(doc, "span", { class: "badge", "aria-hidden": "true" }, Object.values(VERDICT_SCALE).map((v) => v.glyph).join(""));
    this.badgeLayer = el(doc, "div", { class: "badges" }, glyphs);
    this.layer = el(doc, "div", { class: "layer" }, this.badgeLayer);
    shadow.append(el(doc, "style", {}, shadowCss), this.layer);
  }

  attach(): void {
    if (!this.element.isConnected) this.doc.body.append(this.element);
  }

  remove(): void {
    this.element.remove();
  }
}

export class Overlay {
  readonly host: HTMLElement;
  private readonly layer: HTMLElement;
  private readonly badgeLayer: HTMLElement;
  private readonly badges = new Map<string, HTMLButtonElement>();
  private readonly byId: Map<string, ShownClaim>;
  /** Reading order of the painted claims (the painter's order), for the badges' order in the DOM. */
  private readonly order = new Map<string, number>();
  /** Claims near the viewport (their badges are placed and shown). */
  private readonly near = new Set<string>();
  /** Badges of claims that left the window, still to be hidden by the next layout. */
  private readonly gone = new Set<string>();
  /** Reading positions of the badges made so far, ascending, and the badges in that order. */
  private readonly madePositions: number[] = [];
  private readonly madeBadges: HTMLButtonElement[] = [];
  private card: HTMLElement | null = null;
  private openId: string | null = null;
  private returnFocus: HTMLElement | null = null;
  private openingEvent: Event | null = null;
  private layoutFrame = 0;
  private hoverFrame = 0;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly doc: Document,
    private readonly root: Element,
    private readonly overlayHost: OverlayHost,
    private readonly painter: Painter,
    claims: readonly ShownClaim[],
    private readonly locale: Locale,
  ) {
    this.byId = new Map(claims.map((c) => [c.id, c]));
    this.host = overlayHost.element;
    this.layer = overlayHost.layer;
    this.badgeLayer = overlayHost.badgeLayer;
    painter.ids().forEach((id, i) => this.order.set(id, i));
  }

  mount(): void {
    this.overlayHost.attach();
    const win = this.doc.defaultView!;
    this.listen(this.root, "click", (e) => this.onRootClick(e as MouseEvent));
    this.listen(this.doc, "click", (e) => this.onDocumentClick(e));
    this.listen(this.doc, "keydown", (e) => {
      if ((e as KeyboardEvent).key === "Escape" && this.openId) this.close(true);
    });
    if (this.painter.kind === "custom-highlight") this.listen(this.root, "mousemove", (e) => this.onMouseMove(e as MouseEvent));
    this.listen(win, "resize", () => this.schedule());
    this.listen(win, "load", () => this.schedule());
    if (typeof ResizeObserver === "function") {
      // Reflow of the article (images, fonts, ads above it) moves the passages.
      const observer = new ResizeObserver(() => this.schedule());
      observer.observe(this.root);
      observer.observe(this.doc.body);
      this.cleanups.push(() => observer.disconnect());
    }
    this.doc.fonts?.ready.then(() => this.schedule(), () => undefined);
    // The first badges after the frame that paints the highlights: the highlights come first, and
    // the badges' first layout (the verdict glyphs' fonts) is a cost of its own. Until then
    // `schedule` waits for this layout.
    this.layoutFrame = requestAnimationFrame(() => {
      const timer = setTimeout(() => {
        this.layoutFrame = 0;
        this.layout();
        this.makeRemainingBadges(this.painter.ids(), 0);
      }, 0);
      this.cleanups.push(() => clearTimeout(timer));
    });
    // A badge that was not placed (its claim is far from the viewport) is placed when it takes
    // focus, and brought into view (the browser may have scrolled to where it waited).
    this.listen(this.badgeLayer, "focusin", (e) => {
      const badge = e.target as HTMLButtonElement;
      if (badge.classList.contains("shown")) return;
      this.place([[badge, lastBox(this.painter.rangeOf(badge.getAttribute("data-claim") ?? ""))]]);
      if (badge.classList.contains("shown")) badge.scrollIntoView({ block: "nearest" });
    });
    const unwatch = this.painter.watchNear((near, gone) => {
      for (const id of gone) if (this.near.delete(id)) this.gone.add(id);
      for (const id of near) if (this.byId.has(id)) this.near.add(id);
      this.schedule();
    });
    this.cleanups.push(unwatch);
  }

  /** Opens the card of `id`; `ids` are all claims at that place (overlaps), `opener` gets focus back. */
  open(id: string, opener: HTMLElement | null, ids: readonly string[]): void {
    const claim = this.byId.get(id);
    if (!claim) return;
    const previous = this.returnFocus;
    this.close(false);
    const active = this.doc.activeElement;
    this.returnFocus = opener ?? previous ?? (active instanceof HTMLElement && active !== this.doc.body ? active : null) ?? this.badgeFor(id);
    this.openId = id;
    this.card = buildCard(this.doc, claim, {
      id: "factcheck-card",
      locale: this.locale,
      others: ids.filter((other) => other !== id).flatMap((other) => this.byId.get(other) ?? []),
      onOther: (other) => this.open(other, null, ids),
      onClose: () => this.close(true),
    });
    this.layer.append(this.card);
    this.badgeFor(id)?.setAttribute("aria-expanded", "true");
    this.positionCard(true);
    this.card.focus({ preventScroll: true });
  }

  close(restoreFocus: boolean): void {
    if (this.openId) this.badges.get(this.openId)?.setAttribute("aria-expanded", "false");
    this.card?.remove();
    this.card = null;
    this.openId = null;
    const target = this.returnFocus;
    this.returnFocus = null;
    if (restoreFocus && target?.isConnected) target.focus({ preventScroll: true });
  }

  destroy(): void {
    this.close(false);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    cancelAnimationFrame(this.layoutFrame);
    cancelAnimationFrame(this.hoverFrame);
    this.overlayHost.remove();
  }

  private listen(target: EventTarget, type: string, handler: (e: Event) => void): void {
    // A handler that throws must not surface on the host page.
    const safe = (e: Event) => {
      try {
        handler(e);
      } catch {
        /* ignored: the overlay degrades, the page keeps working */
      }
    };
    target.addEventListener(type, safe, { passive: true });
    this.cleanups.push(() => target.removeEventListener(type, safe));
  }

  private onRootClick(e: MouseEvent): void {
    if (e.defaultPrevented || e.button !== 0) return;
    if (e.target instanceof Element && e.target.closest(INTERACTIVE)) return;
    const selection = this.doc.getSelection();
    if (selection && !selection.isCollapsed) return;
    const ids = this.painter.hitTest(e.clientX, e.clientY).filter((id) => this.byId.has(id));
    if (ids.length === 0) return;
    this.openingEvent = e;
    this.open(ids[0], null, ids);
  }

  private onDocumentClick(e: Event): void {
    if (!this.openId || e === this.openingEvent) return;
    if (e.composedPath().includes(this.host)) return;
    this.close(false);
  }

  private onMouseMove(e: MouseEvent): void {
    const [x, y] = [e.clientX, e.clientY];
    if (this.hoverFrame) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      const over = this.painter.hitTest(x, y).length > 0;
      const style = (this.root as HTMLElement).style;
      if (over && style.cursor !== "pointer") {
        this.root.setAttribute("data-factcheck-cursor", style.cursor);
        style.cursor = "pointer";
      } else if (!over && this.root.hasAttribute("data-factcheck-cursor")) {
        style.cursor = this.root.getAttribute("data-factcheck-cursor") ?? "";
        this.root.removeAttribute("data-factcheck-cursor");
      }
    });
  }

  private schedule(): void {
    if (this.layoutFrame) return;
    this.layoutFrame = requestAnimationFrame(() => {
      this.layoutFrame = 0;
      this.layout();
    });
  }

  /** The badge of a painted claim, made on first use and put among the others in reading order. */
  private badgeFor(id: string): HTMLButtonElement | null {
    const existing = this.badges.get(id);
    if (existing) return existing;
    const claim = this.byId.get(id);
    const position = this.order.get(id);
    if (!claim || position === undefined) return null;
    const s = STRINGS[this.locale];
    const [open, close] = this.locale === "de" ? ["„", "“"] : ["“", "”"];
    const label = `${s.verdict}: ${VERDICT_SCALE[claim.verdict].label[this.locale]}: ${open}${shortQuote(claim.text)}${close}`;
    const badge = el(this.doc, "button", { type: "button", class: "badge", "aria-label": label, "aria-haspopup": "dialog", "aria-expanded": "false", "data-claim": id }, glyph(this.doc, claim));
    paintVerdict(badge, claim);
    badge.addEventListener("click", () => (this.openId === id ? this.close(true) : this.open(id, badge, [id])));
    // Reading order in the DOM, so Tab walks the badges as a reader would: before the first later one.
    let at = this.madePositions.length;
    while (at > 0 && this.madePositions[at - 1] > position) at--;
    this.badgeLayer.insertBefore(badge, this.madeBadges[at] ?? null);
    this.madePositions.splice(at, 0, position);
    this.madeBadges.splice(at, 0, badge);
    this.badges.set(id, badge);
    return badge;
  }

  /** Makes the badges not made yet, a hundred per task, in reading order. */
  private makeRemainingBadges(ids: readonly string[], from: number): void {
    const to = Math.min(ids.length, from + 100);
    for (let i = from; i < to; i++) this.badgeFor(ids[i]);
    if (to === ids.length) return;
    const timer = setTimeout(() => this.makeRemainingBadges(ids, to), 0);
    this.cleanups.push(() => clearTimeout(timer));
  }

  /** Places the badges near the viewport after the last character of their passages (reads all boxes first, then writes); hides those that left. */
  private layout(): void {
    // Badges made first: a badge added between two reads would make the browser lay out again for the second.
    const badges = [...this.near].map((id) => [id, this.badgeFor(id)] as const);
    const origin = this.host.getBoundingClientRect();
    const places: [HTMLButtonElement, DOMRect | null][] = [];
    for (const [id, badge] of badges) if (badge) places.push([badge, lastBox(this.painter.rangeOf(id))]);
    for (const id of this.gone) {
      const badge = this.badges.get(id);
      // A focused badge stays where it is until focus has moved on (hiding it would drop focus).
      if (badge && badge === this.host.shadowRoot?.activeElement) continue;
      badge?.classList.remove("shown");
      this.gone.delete(id);
    }
    this.place(places, origin);
    this.positionCard();
  }

  /** Puts badges after the last line box of their passages (`box`; null: the passage is not rendered, the badge is not shown). */
  private place(places: [HTMLButtonElement, DOMRect | null][], origin = this.host.getBoundingClientRect()): void {
    for (const [badge, box] of places) {
      badge.classList.toggle("shown", box !== null);
      if (!box) continue;
      // The `translate` property, so that the hover's `scale` grows the badge where it is.
      badge.style.translate = `${Math.round(box.right - origin.left - 3)}px ${Math.round(box.top - origin.top - 13)}px`;
    }
  }

  /** Places the open card; `reveal`: the reader just opened it, so the page may scroll to show the passage. */
  private positionCard(reveal = false): void {
    const card = this.card;
    const range = this.openId ? this.painter.rangeOf(this.openId) : null;
    if (!card) return;
    const win = this.doc.defaultView!;
    const boxes = range ? Array.from(range.getClientRects()).filter((r) => r.width > 0) : [];
    const narrow = win.innerWidth < NARROW || boxes.length === 0;
    card.classList.toggle("sheet", narrow);
    card.style.maxHeight = "";
    if (narrow) {
      card.style.left = card.style.top = "";
      // Keep the passage visible above the sheet (only when the reader asked for the card).
      const hidden = boxes.length > 0 ? boxes[boxes.length - 1].bottom - (win.innerHeight - card.offsetHeight - 12) : 0;
      if (reveal && hidden > 0) win.scrollBy(0, hidden);
      return;
    }
    const origin = this.host.getBoundingClientRect();
    const [first, last] = [boxes[0], boxes[boxes.length - 1]];
    const { offsetWidth: width, offsetHeight: height } = card;
    // Under the passage's last line, starting where that line starts; above it when only there is room;
    // else on the roomier side, scrolling inside the card.
    const left = Math.min(Math.max(8, last.left), Math.max(8, win.innerWidth - width - 8));
    const below = win.innerHeight - last.bottom - 18;
    const above = first.top - 18;
    let top = last.bottom + 10;
    if (height > below && (height <= above || above > below)) {
      const fit = Math.min(height, Math.max(200, above));
      top = first.top - 10 - fit;
      if (fit < height) card.style.maxHeight = `${fit}px`;
    } else if (height > below) card.style.maxHeight = `${Math.max(200, below)}px`;
    card.style.left = `${Math.round(left - origin.left)}px`;
    card.style.top = `${Math.round(top - origin.top)}px`;
  }
}

/** The box of a range's last line (where its badge goes), or null when it is not rendered. */
function lastBox(range: Range | null): DOMRect | null {
  if (!range) return null;
  const boxes = range.getClientRects();
  for (let i = boxes.length - 1; i >= 0; i--) if (boxes[i].width > 0 && boxes[i].height > 0) return boxes[i];
  return null;
}
