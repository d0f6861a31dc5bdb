// @vitest-environment jsdom
/** The text index: what counts as text, block separators, offsets ↔ DOM positions. */
import { beforeEach, describe, expect, it } from "vitest";
import { indexText } from "./text-index";
import { anchorAll } from "../anchor";
import { describe as describeQuote } from "../selectors";

function mount(html: string): HTMLElement {
  // Test fixtures only: markup written here, never data.
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
}

describe("indexText", () => {
  beforeEach(() => {
    document.body.textContent = "";
  });

  it("joins blocks with a blank line and keeps inline markup inline", () => {
    const root = mount(`<article><h1>Title</h1><p>One <a href="#">link</a> here.</p><p>Two<br>lines</p></article>`);
    const index = indexText(root);
    expect(index.text).toBe("Title\n\nOne link here.\n\nTwo\n\nlines");
    expect(index.nodes.map((n) => n.data)).toEqual(["Title", "One ", "link", " here.", "Two", "lines"]);
    expect([...index.starts]).toEqual([0, 7, 11, 15, 23, 28]);
  });

  it("leaves out scripts, styles, hidden and aria-hidden content, marked and caller-skipped elements", () => {
    const root = mount(
      `<main><p>Seen<script>var x = 1;</script><style>p{}</style><noscript>ns</noscript></p>` +
        `<p hidden>hidden</p><p aria-hidden="true">aria</p><p data-factcheck-skip>skip</p>` +
        `<aside class="ad">advert</aside><p>also seen<button>Click</button></p></main>`,
    );
    const index = indexText(root, { skip: (el) => el.classList.contains("ad") });
    expect(index.text).toBe("Seen\n\nalso seen");
  });

  it("drops whitespace-only nodes at block boundaries but keeps spaces between inline elements", () => {
    const root = mount(`<div>\n  <p>\n    <em>a</em> <strong>b</strong>\n  </p>\n  <p>c</p>\n</div>`);
    const index = indexText(root);
    expect(index.text).toBe("a b\n  \n\nc");
    expect(index.text.replace(/\s+/g, " ").trim()).toBe("a b c");
  });

  it("maps offsets to ranges, snapping out of separators", () => {
    const root = mount(`<div><p>Hello <b>big</b> world</p><p>Next para</p></div>`);
    const index = indexText(root);
    expect(index.text).toBe("Hello big world\n\nNext para");
    expect(index.rangeFor(6, 9)!.toString()).toBe("big");
    expect(index.rangeFor(0, 26)!.toString()).toBe("Hello big worldNext para");
    // Starting inside the separator moves forward; ending inside it moves back.
    expect(index.rangeFor(15, 21)!.toString()).toBe("Next");
    expect(index.rangeFor(10, 16)!.toString()).toBe("world");
    expect(index.rangeFor(15, 17)).toBeNull();
    const r = index.rangeFor(4, 12)!;
    expect(r.startContainer).toBe(index.nodes[0]);
    expect(r.endContainer).toBe(index.nodes[2]);
    expect([r.startOffset, r.endOffset]).toEqual([4, 3]);
  });

  it("tells which nodes a range would span without making it", () => {
    const root = mount(`<div><p>Hello <b>big</b> world</p><p>Next para</p></div>`);
    const index = indexText(root);
    for (const [start, end] of [[6, 9], [0, 26], [15, 21], [10, 16], [15, 17], [4, 12], [30, 40]]) {
      const range = index.rangeFor(start, end);
      const span = index.nodeSpan(start, end);
      expect(span, `${start}-${end}`).toEqual(range && [index.nodes.indexOf(range.startContainer as Text), index.nodes.indexOf(range.endContainer as Text)]);
    }
  });

  it("turns DOM positions back into offsets", () => {
    const root = mount(`<p>ab<i>cd</i>ef</p>`);
    const index = indexText(root);
    expect(index.offsetOf(index.nodes[1], 1)).toBe(3);
    expect(index.offsetOf(index.nodes[2], 99)).toBe(6);
    expect(index.offsetOf(root, 0)).toBeNull();
  });

  it("copes with an empty root and with deep nesting", () => {
    expect(indexText(mount(`<div></div>`)).rangeFor(0, 1)).toBeNull();
    let html = "x";
    for (let i = 0; i < 400; i++) html = `<span>${html}</span>`;
    const index = indexText(mount(`<div>${html}</div>`));
    expect(index.text).toBe("x");
  });

  it("feeds the engine: a claim made on canonical text anchors on differently marked-up HTML", () => {
    const canonical = "Erster Absatz mit Text.\n\nZweiter Absatz nennt mehr als 10.000 Schiffscontainer und mehr.";
    const start = canonical.indexOf("mehr als 10.000");
    const sel = describeQuote(canonical, start, start + "mehr als 10.000 Schiffscontainer".length);
    const root = mount(
      `<article><nav>Startseite</nav><p>\n   Erster   Absatz mit <a href="#">Text</a>.\n</p>` +
        `<figure><figcaption>Ein Bild</figcaption></figure>` +
        `<p>Zweiter Absatz nennt mehr als\n 10.000 <em>Schiffs</em>container und mehr.</p></article>`,
    );
    const index = indexText(root);
    const [result] = anchorAll(index.text, [{ id: "c1", ...sel.quote, ...sel.position }]);
    expect(result.status).toBe("anchored");
    if (result.status === "orphaned") return;
    expect(index.rangeFor(result.start, result.end)!.toString()).toBe("mehr als\n 10.000 Schiffscontainer");
  });
});
