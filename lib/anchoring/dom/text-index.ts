/**
 * The text of a DOM subtree as one string, and the way back from offsets in that string to the
 * DOM: read the article once, index its text nodes once, then map any number of anchors
 * (start/end offsets found by `anchorAll`) to `Range`s by binary search.
 *
 * Framework-free; runs in any DOM (browsers, jsdom). Nothing here touches layout: skipping
 * is decided by tag names and attributes only, so indexing a long article costs one tree walk
 * (about 1 ms for 100,000 characters in Chromium, see bench/reader-highlights.ts).
 *
 * Which text counts:
 * - every Text node under the root, in document order, except inside elements that never show
 *   their text as article text (script, style, noscript, template, form controls, svg, …),
 *   elements marked `hidden` or `aria-hidden="true"` or `data-factcheck-skip`, and elements the
 *   caller's `skip` predicate names (e.g. the overlay's own host element);
 * - a whitespace-only node right after a block boundary is left out: browsers do not render it,
 *   and it would only add noise between paragraphs;
 * - between block-level elements (p, h1–h6, li, figure, …) and at <br> a separator ("\n\n" by
 *   default) is put into the text WITHOUT a node behind it, so the last word of one paragraph
 *   and the first of the next never run together — the same shape as our canonical article text
 *   (blocks joined by a blank line), which keeps the engine's position hints close.
 */

export interface TextIndexOptions {
  /** Leave out this element and everything inside it (in addition to the built-in rules). */
  skip?: (element: Element) => boolean;
  /** Put into the text at block boundaries; no DOM node maps to it. Default "\n\n". */
  blockSeparator?: string;
}

/** A position inside a Text node. */
export interface TextPoint {
  node: Text;
  offset: number;
}

export interface TextIndex {
  readonly root: Node;
  /** The indexed text: text nodes' data in document order, block separators between blocks. */
  readonly text: string;
  /** Indexed text nodes, in document order. */
  readonly nodes: readonly Text[];
  /** `starts[i]`: offset in `text` of `nodes[i]`'s first character (strictly increasing for non-empty nodes). */
  readonly starts: Int32Array;
  /** `ends[i]`: offset in `text` just after `nodes[i]`'s last character. */
  readonly ends: Int32Array;
  /** A live DOM Range for text offsets [start, end), or null when no indexed character lies inside. */
  rangeFor(start: number, end: number): Range | null;
  /**
   * Where `rangeFor` would put the range's ends, as indexes into `nodes` (the node of its first
   * and of its last character), or null when it would return null — without making a Range.
   */
  nodeSpan(start: number, end: number): [first: number, last: number] | null;
  /** The DOM position of a text offset; `side` says which way to move out of a separator. */
  pointAt(offset: number, side: "start" | "end"): TextPoint | null;
  /** The text offset of a DOM position inside an indexed text node, else null. */
  offsetOf(node: Node, offset: number): number | null;
}

/** Elements whose text is never article text. */
const SKIPPED_TAGS = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "SELECT", "OPTION", "INPUT", "BUTTON",
  "IFRAME", "OBJECT", "EMBED", "CANVAS", "SVG", "MATH", "VIDEO", "AUDIO", "HEAD", "TITLE",
]);

/** Elements whose start and end are a block boundary (CSS `display: block`-like by default). */
const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "CAPTION", "DD", "DETAILS", "DIALOG", "DIV", "DL", "DT",
  "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER",
  "HGROUP", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TD",
  "TFOOT", "TH", "THEAD", "TR", "UL",
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const WHITESPACE_ONLY = /^[ \t\n\r\f]*$/;

function skipped(element: Element, skip: TextIndexOptions["skip"]): boolean {
  return (
    SKIPPED_TAGS.has(element.tagName.toUpperCase()) ||
    element.hasAttribute("hidden") ||
    element.getAttribute("aria-hidden") === "true" ||
    element.hasAttribute("data-factcheck-skip") ||
    (skip !== undefined && skip(element))
  );
}

/**
 * Indexes the text under `root`. The DOM is only read. Call again after the page's text changes
 * (nodes added, removed or split by someone else); a WrappingPainter restores what it split.
 */
export function indexText(root: Node, options: TextIndexOptions = {}): TextIndex {
  const separator = options.blockSeparator ?? "\n\n";
  const nodes: Text[] = [];
  const startList: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let pendingBreak = false;

  const blockBoundary = () => {
    if (length > 0) pendingBreak = true;
  };
  const isBlock = (n: Node) => n.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((n as Element).tagName.toUpperCase());
  // Iterative depth-first walk (no recursion: deep host pages must not overflow the stack).
  let current: Node | null = root.firstChild;
  while (current) {
    let descend = false;
    if (current.nodeType === TEXT_NODE || current.nodeType === CDATA_SECTION_NODE) {
      const data = (current as Text).data;
      if (data.length > 0 && !((pendingBreak || length === 0) && WHITESPACE_ONLY.test(data))) {
        if (pendingBreak) {
          parts.push(separator);
          length += separator.length;
          pendingBreak = false;
        }
        nodes.push(current as Text);
        startList.push(length);
        parts.push(data);
        length += data.length;
      }
    } else if (current.nodeType === ELEMENT_NODE && !skipped(current as Element, options.skip)) {
      if (isBlock(current)) blockBoundary(); // entering a block
      descend = current.firstChild !== null;
    }
    if (descend) {
      current = current.firstChild;
      continue;
    }
    // Climb until a next sibling exists, closing blocks on the way up.
    while (current !== root && current.nextSibling === null) {
      current = current.parentNode!;
      if (current !== root && isBlock(current)) blockBoundary(); // leaving a block
    }
    current = current === root ? null : current.nextSibling;
  }

  const text = parts.join("");
  const starts = Int32Array.from(startList);
  const ends = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) ends[i] = starts[i] + nodes[i].data.length;
  let positions: Map<Text, number> | null = null; // built on first offsetOf (hit tests only)

  /** Index of the last node whose start is ≤ offset, or -1. */
  const nodeAtOrBefore = (offset: number): number => {
    let lo = 0;
    let hi = nodes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  /** Node index and offset inside it for a text offset; `side` says which way to leave a separator. */
  const locate = (offset: number, side: "start" | "end"): [number, number] | null => {
    if (nodes.length === 0) return null;
    if (side === "start") {
      let i = nodeAtOrBefore(offset);
      if (i < 0) i = 0;
      else if (offset >= ends[i]) i += 1; // in a separator (or at the very end of node i): next node
      return i < nodes.length ? [i, Math.max(0, offset - starts[i])] : null;
    }
    // An end point belongs to the node that holds the character before it.
    const i = nodeAtOrBefore(offset - 1);
    return i < 0 ? null : [i, Math.min(ends[i], offset) - starts[i]];
  };

  /** Both ends of [start, end) located, or null when no character lies between them (empty after snapping out of separators). */
  const locateBoth = (start: number, end: number): [[number, number], [number, number]] | null => {
    const from = locate(start, "start");
    const to = locate(end, "end");
    return from && to && starts[from[0]] + from[1] < starts[to[0]] + to[1] ? [from, to] : null;
  };

  return {
    root,
    text,
    nodes,
    starts,
    ends,
    pointAt(offset, side) {
      const at = locate(offset, side);
      return at && { node: nodes[at[0]], offset: at[1] };
    },
    rangeFor(start, end) {
      const ends = locateBoth(start, end);
      if (!ends) return null;
      const [from, to] = ends;
      const range = (root.ownerDocument ?? (root as Document)).createRange();
      range.setStart(nodes[from[0]], from[1]);
      range.setEnd(nodes[to[0]], to[1]);
      return range;
    },
    nodeSpan(start, end) {
      const ends = locateBoth(start, end);
      return ends && [ends[0][0], ends[1][0]];
    },
    offsetOf(node, offset) {
      if (!positions) {
        positions = new Map();
        for (let i = 0; i < nodes.length; i++) positions.set(nodes[i], i);
      }
      const i = positions.get(node as Text);
      return i === undefined ? null : starts[i] + Math.min(Math.max(0, offset), ends[i] - starts[i]);
    },
  };
}
