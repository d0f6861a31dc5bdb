/** Browser-side anchoring: index a page's text once, map offsets to ranges, paint highlights. */
export { indexText, type TextIndex, type TextIndexOptions, type TextPoint } from "./text-index";
export { CustomHighlightPainter, WrappingPainter, containsPoint, supportsCustomHighlights, type NearListener, type Painter, type PainterOptions, type PaintHighlight } from "./painter";
export { createPainter } from "./create-painter";
export { createAnchorer, type Anchorer, type AnchoringPlace } from "./anchor-client";
export { ViewportWindow, type ViewportWindowOptions } from "./viewport-window";
