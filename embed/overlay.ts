/**
 * The overlay's interactive part, in a Shadow DOM on a host element appended to <body>:
 * - one focusable badge per shown claim, at the end of its passage (custom highlights are not
 *   elements and cannot take focus; the badges give keyboard and screen-reader users a way in,
 *   in reading order), labelled "Verdict: <label>: <quote>";
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

export class Overlay {
  readonly host: HTMLElement;
  private readonly layer: HTMLElement;
  private readonly badges = new Map<string, HTMLButtonElement>();
  private readonly byId: Map<string, ShownClaim>;
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
    private readonly painter: Painter,
    claims: readonly ShownClaim[],
    private readonly locale: Locale,
  ) {
    this.byId = new Map(claims.map((c) => [c.id, c]));
    this.host = el(doc, "div", { "data-factcheck-embed": "", style: HOST_STYLE });
    const shadow = this.host.attachShadow({ mode: "open" });
    this.layer = el(doc, "div", { class: "layer" });
    shadow.append(el(doc, "style", {}, shadowCss), this.layer);
    const s = STRINGS[locale];
    const [open, close] = locale === "de" ? ["„", "“"] : ["“", "”"];
    // Badges in reading order (the painter's order), so Tab walks them as a reader would.
    for (const id of painter.ids()) {
      const claim = this.byId.get(id);
      if (!claim) continue;
      const label = `${s.verdict}: ${VERDICT_SCALE[claim.verdict].label[locale]}: ${open}${shortQuote(claim.text)}${close}`;
      const badge = el(doc, "button", { type: "button", class: "badge", "aria-label": label, "aria-haspopup": "dialog", "aria-expanded": "false", "data-claim": id }, glyph(doc, claim));
      paintVerdict(badge, claim);
      badge.addEventListener("click", () => (this.openId === id ? this.close(true) : this.open(id, badge, [id])));
      this.badges.set(id, badge);
      this.layer.append(badge);
    }
  }

  mount(): void {
    this.doc.body.append(this.host);
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
    this.layout();
  }

  /** Opens the card of `id`; `ids` are all claims at that place (overlaps), `opener` gets focus back. */
  open(id: string, opener: HTMLElement | null, ids: readonly string[]): void {
    const claim = this.byId.get(id);
    if (!claim) return;
    const previous = this.returnFocus;
    this.close(false);
    const active = this.doc.activeElement;
    this.returnFocus = opener ?? previous ?? (active instanceof HTMLElement && active !== this.doc.body ? active : null) ?? this.badges.get(id) ?? null;
    this.openId = id;
    this.card = buildCard(this.doc, claim, {
      id: "factcheck-card",
      locale: this.locale,
      others: ids.filter((other) => other !== id).flatMap((other) => this.byId.get(other) ?? []),
      onOther: (other) => this.open(other, null, ids),
      onClose: () => this.close(true),
    });
    this.layer.append(this.card);
    this.badges.get(id)?.setAttribute("aria-expanded", "true");
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
    this.host.remove();
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

  /** Places every badge after the last character of its passage; reads all boxes first, then writes. */
  private layout(): void {
    const origin = this.host.getBoundingClientRect();
    const places: [HTMLButtonElement, DOMRect | null][] = [];
    for (const [id, badge] of this.badges) places.push([badge, lastBox(this.painter.rangeOf(id))]);
    for (const [badge, box] of places) {
      badge.classList.toggle("shown", box !== null);
      if (!box) continue;
      badge.style.left = `${Math.round(box.right - origin.left - 3)}px`;
      badge.style.top = `${Math.round(box.top - origin.top - 13)}px`;
    }
    this.positionCard();
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
