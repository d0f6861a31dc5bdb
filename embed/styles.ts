/**
 * The overlay's CSS, in two parts:
 * - `pageCss`: highlight styles, which must live in the HOST document — `::highlight()` rules
 *   apply to the document whose ranges they paint, and the fallback's `<mark>`s are in the host's
 *   DOM. Every selector carries the unique prefix, so nothing else on the page is touched.
 *   Text inside a highlight gets a dark colour so the light tint keeps its contrast on any page.
 * - `shadowCss`: badges and card, inside the shadow root. `:host { all: initial }` stops the
 *   page's inherited styles (font, colour, letter-spacing, …) from reaching in; the shadow
 *   boundary stops our selectors from reaching out. Badges are stacked on one spot (a negative
 *   margin as tall as a badge) in a size- and layout-contained box and are moved with
 *   `translate`, not as absolutely positioned elements (badges not placed yet stay on that spot,
 *   focusable but clipped away and transparent):
 *   Chromium lays out the whole host page again whenever an out-of-flow element changes (its
 *   containing chain cannot be a relayout boundary), ~20 ms on a 100,000-character article.
 */
import { VERDICTS, VERDICT_SCALE } from "../lib/domain/verdicts";
import { highlightedClass } from "../lib/anchoring/dom/painter";

export const PREFIX = "factcheck-";
export const PAGE_STYLE_ID = "factcheck-embed-highlights";

export function pageCss(prefix = PREFIX): string {
  let css = `mark.${prefix}mark{background:none;color:inherit;padding:0;margin:0;font:inherit;cursor:pointer}`;
  for (const v of VERDICTS) {
    const { tint, color } = VERDICT_SCALE[v];
    const look = `background-color:${tint};color:#1a1a1a;text-decoration:underline;text-decoration-color:${color};text-decoration-thickness:2px;text-underline-offset:3px`;
    // Scoped to the class the painter puts on highlighted text's elements (painter.ts says why).
    css += `.${highlightedClass(prefix)}::highlight(${prefix}${v}){${look}}mark.${prefix}mark.${prefix}${v}{${look}}`;
  }
  return css;
}

export const shadowCss = `
:host{all:initial}
*{box-sizing:border-box}
.badges{position:absolute;top:0;left:0;width:0;height:0;contain:size layout style}
.badge{display:flex;align-items:center;justify-content:center;width:20px;height:20px;margin:0 0 -20px;padding:0;
  border:2px solid #fff;border-radius:50%;background:var(--c);color:#fff;font:700 11px/1 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  cursor:pointer;box-shadow:0 1px 3px rgba(0,0,0,.35);pointer-events:auto}
.badge:not(.shown){clip-path:inset(50%);opacity:0;pointer-events:none}
.badge:hover{scale:1.15}
.badge:focus-visible,.card :focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.card{position:absolute;width:360px;max-width:calc(100vw - 16px);max-height:70vh;overflow:auto;background:#fff;color:#1a1a1a;
  border-radius:8px;border-top:6px solid var(--c);box-shadow:0 10px 30px rgba(0,0,0,.25),0 0 0 1px rgba(0,0,0,.08);
  padding:14px 16px 16px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:left;pointer-events:auto}
.card:focus{outline:none}
.card.sheet{position:fixed;left:0;right:0;bottom:0;top:auto;width:auto;max-width:none;max-height:65vh;border-radius:14px 14px 0 0}
.head{display:flex;align-items:center;gap:8px;margin:0 0 10px}
.verdict{display:inline-flex;align-items:center;gap:6px;padding:2px 10px 2px 4px;border-radius:999px;background:var(--t);color:var(--c);font-weight:700}
.glyph{display:inline-flex;align-items:center;justify-content:center;width:20px;height:20px;border-radius:50%;background:var(--c);color:#fff;font-size:12px}
.close{margin-left:auto;width:30px;height:30px;border:0;border-radius:6px;background:transparent;color:#374151;font:400 22px/1 system-ui,sans-serif;cursor:pointer}
.close:hover{background:#f3f4f6}
.label{margin:10px 0 2px;font-size:11px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:#4b5563}
.claim{margin:2px 0 0;font:600 16px/1.35 Georgia,"Times New Roman",serif;color:#111}
p{margin:0}
.rationale{white-space:pre-line}
ol{margin:4px 0 0;padding:0;list-style:none}
li{margin:6px 0 0;padding:8px;border:1px solid #e5e7eb;border-radius:6px;background:#f9fafb;font-size:13px}
a{color:#1d4ed8;text-decoration:underline;text-underline-offset:2px}
.meta{color:#4b5563}
.foot{margin-top:12px;padding-top:10px;border-top:1px solid #e5e7eb;font-size:13px;display:flex;flex-wrap:wrap;gap:4px 12px;justify-content:space-between}
.others button{display:flex;gap:6px;width:100%;margin:4px 0 0;padding:6px 8px;border:1px solid #e5e7eb;border-radius:6px;background:#fff;
  color:#111;font:inherit;text-align:left;cursor:pointer}
.others button:hover{background:#f3f4f6}
`;
