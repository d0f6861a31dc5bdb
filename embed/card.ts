/**
 * The fact-check card: verdict (label, glyph, colour), the claim, who made it, the rationale,
 * the sources and a permalink to our reader page. Built with createElement and text nodes only
 * — every string comes from the network, none is ever parsed as HTML.
 */
import { VERDICT_SCALE, type Locale } from "../lib/domain/verdicts";
import type { EmbedClaim } from "./annotations";
import { STRINGS, shortQuote } from "./strings";

type Child = Node | string | null | false | undefined;

/** `createElement` with attributes and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const name of Object.keys(attrs)) node.setAttribute(name, attrs[name]);
  for (const child of children) if (child) node.append(child);
  return node;
}

const NEW_TAB = { target: "_blank", rel: "noopener noreferrer nofollow" };

/** The glyph of a verdict, hidden from assistive technology (the label says it in words). */
export function glyph(doc: Document, claim: EmbedClaim): HTMLElement {
  return el(doc, "span", { class: "glyph", "aria-hidden": "true" }, VERDICT_SCALE[claim.verdict].glyph);
}

/** Sets the verdict's colours as custom properties (--c solid, --t tint) on `node`. */
export function paintVerdict(node: HTMLElement, claim: EmbedClaim): void {
  node.style.setProperty("--c", VERDICT_SCALE[claim.verdict].color);
  node.style.setProperty("--t", VERDICT_SCALE[claim.verdict].tint);
}

export interface CardOptions {
  id: string;
  locale: Locale;
  /** Other claims painted at the same place (overlaps), offered as buttons. */
  others: readonly EmbedClaim[];
  onOther: (id: string) => void;
  onClose: () => void;
}

export function buildCard(doc: Document, claim: EmbedClaim, options: CardOptions): HTMLElement {
  const s = STRINGS[options.locale];
  const verdict = VERDICT_SCALE[claim.verdict];
  const titleId = `${options.id}-title`;
  const close = el(doc, "button", { type: "button", class: "close", "aria-label": s.close }, "×");
  close.addEventListener("click", options.onClose);

  const card = el(
    doc,
    "div",
    { class: "card", role: "dialog", "aria-modal": "false", "aria-labelledby": titleId, tabindex: "-1", id: options.id, "data-claim": claim.id },
    el(doc, "div", { class: "head" }, el(doc, "span", { class: "verdict" }, glyph(doc, claim), `${s.verdict}: ${verdict.label[options.locale]}`), close),
    claim.claimant && el(doc, "p", { class: "label" }, `${s.claimBy} ${claim.claimant}`),
    el(doc, "p", { class: "claim", id: titleId }, claim.claimText || shortQuote(claim.anchor.exact)),
    claim.rationale && el(doc, "p", { class: "label" }, s.rationale),
    claim.rationale && el(doc, "p", { class: "rationale" }, claim.rationale),
    claim.sources.length > 0 && el(doc, "p", { class: "label" }, s.sources),
    claim.sources.length > 0 &&
      el(
        doc,
        "ol",
        {},
        ...claim.sources.map((src) =>
          el(
            doc,
            "li",
            {},
            el(doc, "a", { href: src.url, ...NEW_TAB }, src.title),
            (src.publisher || src.stance) && el(doc, "div", { class: "meta" }, [src.publisher, s.stance[src.stance] ?? ""].filter(Boolean).join(" · ")),
          ),
        ),
      ),
    options.others.length > 0 && othersSection(doc, options, s.others),
    el(
      doc,
      "div",
      { class: "foot" },
      claim.creator && el(doc, "span", { class: "meta" }, `${s.checkedBy} ${claim.creator}`),
      claim.permalink && el(doc, "a", { href: claim.permalink, ...NEW_TAB }, s.permalink),
    ),
  );
  paintVerdict(card, claim);
  return card;
}

function othersSection(doc: Document, options: CardOptions, heading: string): HTMLElement {
  return el(
    doc,
    "div",
    { class: "others" },
    el(doc, "p", { class: "label" }, heading),
    ...options.others.map((other) => {
      const button = el(doc, "button", { type: "button" }, glyph(doc, other), `${VERDICT_SCALE[other.verdict].label[options.locale]}: ${shortQuote(other.claimText || other.anchor.exact, 70)}`);
      paintVerdict(button, other);
      button.addEventListener("click", () => options.onOther(other.id));
      return button;
    }),
  );
}
