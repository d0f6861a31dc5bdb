/** Browser-side anchoring: index a page's text once, map offsets to ranges, paint highlights. */
export { indexText, type TextIndex, type TextIndexOptions, type TextPoint } from "./text-index";
export { CustomHighlightPainter, WrappingPainter, containsPoint, supportsCustomHighlights, type Painter, type PainterOptions, type PaintHighlight } from "./painter";
export { createPainter } from "./create-painter";
