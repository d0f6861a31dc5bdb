// @vitest-environment jsdom
/**
 * Painters without a browser: the wrapping painter's DOM surgery (nesting, overlaps, exact
 * restore), and the custom-highlight painter's registry use and hit testing against stand-ins
 * for the parts jsdom lacks (Highlight, CSS.highlights, caret positions, layout boxes).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { indexText } from "./text-index";
import { CustomHighlightPainter, WrappingPainter, supportsCustomHighlights } from "./painter";
import { createPainter } from "./create-painter";

function mount(html: string): HTMLElement {
  // Test fixtures only: markup written here, never data.
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
}

const ARTICLE = `<article><p>Alpha beta <a href="/x" class="link">gamma</a> delta.</p><p>Epsilon zeta eta.</p></article>`;
// text: "Alpha beta gamma delta.\n\nEpsilon zeta eta."

describe("WrappingPainter", () => {
  afterEach(() => {
    document.body.textContent = "";
  });

  it("reports only the claims near the viewport, then what the observer says comes near", () => {
    // Ten paragraphs 500 px apart in a 1000 px window; jsdom has no layout, so boxes come from here.
    const root = mount(`<article>${Array.from({ length: 10 }, (_, i) => `<p data-top="${i * 500}">Absatz ${i} mit Text.</p>`).join("")}</article>`);
    const index = indexText(root);
    const boxes = vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
      const top = Number(this.closest("[data-top]")?.getAttribute("data-top") ?? 0);
      return new DOMRect(0, top, 100, 20);
    });
    let report: ((entries: { target: Element; isIntersecting: boolean }[]) => void) | null = null;
    const observed: Element[] = [];
    const frames: (() => void)[] = [];
    const win = {
      innerHeight: 1000,
      IntersectionObserver: class {
        constructor(callback: typeof report) {
          report = callback;
        }
        observe(target: Element) {
          observed.push(target);
        }
        disconnect() {}
      },
      requestAnimationFrame: (f: () => void) => frames.push(f),
      setTimeout: (f: () => void) => frames.push(f),
    } as unknown as Window & typeof globalThis;
    const painter = new WrappingPainter(index, {}, win);
    const reports: [readonly string[], readonly string[]][] = [];
    painter.watchNear((near, gone) => reports.push([near, gone]));
    painter.paint(Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, start: index.text.indexOf(`Absatz ${i} `), end: index.text.indexOf(`Absatz ${i} `) + 8, className: "TRUE" })));
    // Every mark is in the page, but only the claims within one window height of it are near.
    expect(root.querySelectorAll("mark")).toHaveLength(10);
    expect(reports).toEqual([[["c0", "c1", "c2", "c3", "c4"], []]]);
    while (frames.length > 0) frames.shift()!();
    expect(observed).toHaveLength(10);
    report!([{ target: observed[9], isIntersecting: true }, { target: observed[0], isIntersecting: false }]);
    expect(reports[1]).toEqual([[], ["c0"]]);
    expect(reports[2]).toEqual([["c9"], []]);
    painter.clear();
    expect(reports[3][1]).toEqual(expect.arrayContaining(["c1", "c2", "c3", "c4", "c9"]));
    boxes.mockRestore();
  });

  it("wraps each slice in a mark with class and id, across inline elements and blocks", () => {
    const root = mount(ARTICLE);
    const index = indexText(root);
    const painter = new WrappingPainter(index);
    painter.paint([{ id: "a", start: 6, end: 32, className: "TRUE" }]);
    const marks = painter.marksOf("a");
    expect(marks.map((m) => m.textContent)).toEqual(["beta ", "gamma", " delta.", "Epsilon"]);
    expect(marks.every((m) => m.className === "fc-mark fc-TRUE" && m.getAttribute("data-fc-id") === "a")).toBe(true);
    expect(root.querySelector("a")!.firstElementChild!.tagName).toBe("MARK"); // the link stays a link
    expect(painter.rangeOf("a")!.toString()).toBe("beta gamma delta.Epsilon");
    expect(painter.ids()).toEqual(["a"]);
  });

  it("nests overlapping highlights outermost first, so the innermost mark is the shortest claim", () => {
    const root = mount(ARTICLE);
    const painter = new WrappingPainter(indexText(root), { prefix: "x-" });
    painter.paint([
      { id: "outer", start: 0, end: 23, className: "FALSE" },
      { id: "inner", start: 6, end: 16, className: "TRUE" },
      { id: "cross", start: 11, end: 32, className: "MIXED" },
    ]);
    const innerMarks = painter.marksOf("inner");
    expect(innerMarks.map((m) => m.textContent)).toEqual(["beta ", "gamma"]);
    // "gamma" is covered by all three: outer (23) ⊃ cross (21) ⊃ inner (10).
    const gamma = innerMarks[1];
    expect(gamma.parentElement!.getAttribute("data-x-id")).toBe("cross");
    expect(gamma.parentElement!.parentElement!.getAttribute("data-x-id")).toBe("outer");
    expect(painter.rangeOf("cross")!.toString()).toBe("gamma delta.Epsilon");
  });

  it("hit-tests through nested marks, innermost first", () => {
    const root = mount(ARTICLE);
    const painter = new WrappingPainter(indexText(root));
    painter.paint([
      { id: "outer", start: 0, end: 23, className: "FALSE" },
      { id: "inner", start: 6, end: 16, className: "TRUE" },
    ]);
    const gamma = painter.marksOf("inner")[1];
    document.elementFromPoint = vi.fn(() => gamma);
    expect(painter.hitTest(10, 10)).toEqual(["inner", "outer"]);
    document.elementFromPoint = vi.fn(() => root);
    expect(painter.hitTest(10, 10)).toEqual([]);
  });

  it("clear() restores the original DOM and text nodes, so painting again uses the same index", () => {
    const root = mount(ARTICLE);
    const before = root.innerHTML;
    const index = indexText(root);
    const nodesBefore = [...index.nodes];
    const painter = new WrappingPainter(index);
    painter.paint([{ id: "a", start: 2, end: 13, className: "TRUE" }, { id: "b", start: 8, end: 30, className: "FALSE" }]);
    expect(root.innerHTML).not.toBe(before);
    painter.clear();
    expect(root.innerHTML).toBe(before);
    expect(indexText(root).nodes).toEqual(nodesBefore);
    painter.paint([{ id: "c", start: 25, end: 32, className: "MIXED" }]);
    expect(painter.rangeOf("c")!.toString()).toBe("Epsilon");
    expect(painter.rangeOf("a")).toBeNull();
    painter.paint([]);
    expect(root.innerHTML).toBe(before);
  });

  it("reports every painted id as near the viewport (its marks are all in the DOM), and as gone on clear", () => {
    const root = mount(ARTICLE);
    const painter = new WrappingPainter(indexText(root));
    const reports: [readonly string[], readonly string[]][] = [];
    painter.paint([{ id: "b", start: 11, end: 16, className: "TRUE" }, { id: "a", start: 0, end: 5, className: "TRUE" }]);
    const stop = painter.watchNear((near, gone) => reports.push([near, gone]));
    expect(reports).toEqual([[["a", "b"], []]]);
    painter.paint([{ id: "c", start: 25, end: 32, className: "MIXED" }]);
    expect(reports.slice(1)).toEqual([[[], ["a", "b"]], [["c"], []]]);
    stop();
    painter.clear();
    expect(reports).toHaveLength(3);
  });

  it("treats markup-like text as text and ignores empty or out-of-range highlights", () => {
    const root = mount(`<p>x</p>`);
    root.firstChild!.textContent = "<img src=x onerror=alert(1)> is text";
    const painter = new WrappingPainter(indexText(root));
    painter.paint([{ id: "a", start: 0, end: 28, className: "TRUE" }, { id: "e", start: 5, end: 5, className: "TRUE" }, { id: "o", start: 90, end: 99, className: "TRUE" }]);
    expect(root.querySelector("img")).toBeNull();
    expect(painter.marksOf("a")[0].textContent).toBe("<img src=x onerror=alert(1)>");
    expect(painter.ids()).toEqual(["a"]);
  });
});

describe("CustomHighlightPainter", () => {
  class FakeHighlight extends Set<Range> {
    constructor(...ranges: Range[]) {
      super(ranges);
    }
  }
  const registry = new Map<string, FakeHighlight>();
  const fakeWindow = () =>
    ({ document, Highlight: FakeHighlight, CSS: { highlights: registry } }) as unknown as Window & typeof globalThis;

  afterEach(() => {
    registry.clear();
    document.body.textContent = "";
  });

  it("registers one Highlight per class with the prefix and removes them on clear, without touching the text", () => {
    const root = mount(ARTICLE);
    const before = root.innerHTML;
    const textBefore = root.textContent;
    const painter = new CustomHighlightPainter(indexText(root), { prefix: "factcheck-" }, fakeWindow());
    painter.paint([
      { id: "a", start: 0, end: 5, className: "TRUE" },
      { id: "b", start: 11, end: 16, className: "TRUE" },
      { id: "c", start: 25, end: 32, className: "FALSE" },
      { id: "gap", start: 23, end: 25, className: "FALSE" }, // only separator: nothing to paint
    ]);
    expect([...registry.keys()].sort()).toEqual(["factcheck-FALSE", "factcheck-TRUE"]);
    expect([...registry.get("factcheck-TRUE")!].map(String)).toEqual(["Alpha", "gamma"]);
    expect(painter.ids()).toEqual(["a", "b", "c"]);
    expect(painter.rangeOf("c")!.toString()).toBe("Epsilon");
    expect(root.textContent).toBe(textBefore);
    // The page's ::highlight() rules are scoped to a class on the painted text's own elements.
    expect(root.querySelectorAll(".factcheck-highlighted").length).toBeGreaterThan(0);
    for (const id of ["a", "b", "c"]) {
      const range = painter.rangeOf(id)!;
      expect((range.startContainer as Text).parentElement!.classList).toContain("factcheck-highlighted");
      expect((range.endContainer as Text).parentElement!.classList).toContain("factcheck-highlighted");
    }
    painter.clear();
    expect(registry.size).toBe(0);
    expect(root.innerHTML).toBe(before);
  });

  it("hit-tests with the caret position and the ranges' boxes, innermost first", () => {
    const root = mount(ARTICLE);
    const index = indexText(root);
    const painter = new CustomHighlightPainter(index, {}, fakeWindow());
    painter.paint([
      { id: "outer", start: 0, end: 23, className: "FALSE" },
      { id: "inner", start: 11, end: 16, className: "TRUE" },
      { id: "far", start: 25, end: 32, className: "TRUE" },
    ]);
    // Caret in "gamma"; every range's box contains the point (layout is faked).
    document.caretPositionFromPoint = vi.fn(() => ({ offsetNode: index.nodes[1], offset: 2 }) as unknown as CaretPosition);
    const box = [{ left: 0, right: 100, top: 0, bottom: 20 }] as unknown as DOMRectList;
    Range.prototype.getClientRects = function () {
      return box;
    };
    expect(painter.hitTest(10, 10)).toEqual(["inner", "outer"]);
    // A point outside every box: nothing.
    expect(painter.hitTest(500, 500)).toEqual([]);
  });

  it("makes ranges only when they are needed, and reports what it registered as near the viewport", () => {
    const root = mount(ARTICLE);
    const index = indexText(root);
    let made = 0;
    const rangeFor = index.rangeFor;
    const counting = { ...index, rangeFor: (s: number, e: number) => (made++, rangeFor(s, e)) };
    const painter = new CustomHighlightPainter(counting, { prefix: "p-" }, fakeWindow());
    const reports: [readonly string[], readonly string[]][] = [];
    painter.watchNear((near, gone) => reports.push([near, gone]));
    // Without IntersectionObserver (jsdom) every highlight is near: all registered at once.
    painter.paint([{ id: "a", start: 0, end: 5, className: "TRUE" }, { id: "gap", start: 23, end: 25, className: "TRUE" }, { id: "b", start: 25, end: 32, className: "FALSE" }]);
    expect(reports).toEqual([[["a", "b"], []]]);
    expect(made).toBe(2);
    expect(painter.rangeOf("a")).toBe(painter.rangeOf("a")); // made once
    expect(made).toBe(2);
    painter.clear();
    expect(reports[1]).toEqual([[], ["a", "b"]]);
    expect(registry.size).toBe(0);
  });

  it("is chosen only where the API exists", () => {
    const root = mount(ARTICLE);
    expect(supportsCustomHighlights(fakeWindow())).toBe(true);
    expect(supportsCustomHighlights(window)).toBe(false); // jsdom has no Highlight
    expect(createPainter(indexText(root), {}, fakeWindow()).kind).toBe("custom-highlight");
    expect(createPainter(indexText(root), {}, window).kind).toBe("wrapping");
  });
});
