/** Picks the painter: the CSS Custom Highlight API where the browser has it, wrapping elsewhere. */
import { CustomHighlightPainter, supportsCustomHighlights, type Painter, type PainterOptions } from "./painter";
import { WrappingPainter } from "./wrapping";
import type { TextIndex } from "./text-index";

export function createPainter(index: TextIndex, options: PainterOptions = {}, win: Window & typeof globalThis = window): Painter {
  return supportsCustomHighlights(win) ? new CustomHighlightPainter(index, options, win) : new WrappingPainter(index, options, win);
}
