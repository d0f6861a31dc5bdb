import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { blocksFromPlainText, cleanCapture, fromEditableText, joinBlocks, splitBlocks, toEditableText } from "./article-text";

const capture = readFileSync(new URL("../../prisma/fixtures/putin-kim-nordkorea.de.txt", import.meta.url), "utf8");

describe("cleanCapture on the reference article", () => {
  const cleaned = cleanCapture(capture);
  const text = joinBlocks(cleaned.blocks).text;

  it("keeps title, lead and body and drops the site chrome", () => {
    expect(cleaned.title).toBe("Putin und Kim Jong-un verstärken Beziehungen: USA und Südkorea alarmiert");
    expect(cleaned.blocks[0]).toEqual({ kind: "lead", text: expect.stringMatching(/^Putin sucht neue Verbündete/) });
    for (const chrome of ["Startseite", "KommentareDrucken", "Auch interessant", "Kommentare", "1. ", "2. Politik"]) {
      expect(text).not.toContain(chrome);
    }
    expect(text).toContain("4,8 Millionen Artilleriegeschosse");
    expect(text).toContain("mehr als 10.000 Schiffscontainer");
    expect(text.endsWith("ein nicht islamisches Land.")).toBe(true);
  });

  it("keeps the caption apart, with its credit, and drops the repeated alt text", () => {
    const captions = cleaned.blocks.filter((b) => b.kind === "caption");
    expect(captions).toEqual([{ kind: "caption", text: expect.stringMatching(/^Zwei Diktatoren unter sich: .*© IMAGO\/The Kremlin Moscow$/) }]);
    expect(text).not.toContain("Der russische Präsident Wladimir Putin begrüßt den nordkoreanischen Staatschef Kim Jong-un.\n");
  });

  it("takes the author's initials out of the body as the byline", () => {
    expect(cleaned.byline).toBe("sischr");
    expect(text).not.toContain("(sischr)");
  });

  it("recognises the three subheadings", () => {
    expect(cleaned.blocks.filter((b) => b.kind === "heading").map((b) => b.text.slice(0, 20))).toEqual([
      "Südkorea warnt vor Z",
      "USA und Südkorea bes",
      "Kreml-Sprecher Pesko",
    ]);
  });
});

describe("canonical text", () => {
  it("splitBlocks undoes joinBlocks with exact offsets", () => {
    const blocks = [
      { kind: "lead" as const, text: "Ä erste Zeile." },
      { kind: "heading" as const, text: "Zwischentitel" },
      { kind: "paragraph" as const, text: "„Zitat“ mit 4,8 Millionen." },
    ];
    const { text, blockKinds } = joinBlocks(blocks);
    const split = splitBlocks(text, blockKinds);
    expect(split.map(({ kind, text }) => ({ kind, text }))).toEqual(blocks);
    for (const b of split) expect(text.slice(b.start, b.end)).toBe(b.text);
  });

  it("blocksFromPlainText splits on blank lines, joins wrapped lines and classifies blocks", () => {
    const blocks = blocksFromPlainText("Vorspann hier.\r\n\r\nEine Überschrift\n\nErste Zeile\nzweite Zeile.\n\n\n  \nFoto: © dpa", { firstIsLead: true });
    expect(blocks).toEqual([
      { kind: "lead", text: "Vorspann hier." },
      { kind: "heading", text: "Eine Überschrift" },
      { kind: "paragraph", text: "Erste Zeile zweite Zeile." },
      { kind: "caption", text: "Foto: © dpa" },
    ]);
  });
});

describe("editable text", () => {
  it("round-trips blocks through the plain-text editor format", () => {
    const blocks = cleanCapture(capture).blocks;
    const editable = toEditableText(blocks);
    expect(editable).toContain("\n\n## Südkorea warnt");
    expect(editable).toContain("\n\n> Zwei Diktatoren");
    expect(fromEditableText(editable, { firstIsLead: true })).toEqual(blocks);
  });

  it("drops empty blocks and markers without text", () => {
    expect(fromEditableText("Lead\n\n##  \n\n> Bild\n\nText", { firstIsLead: false })).toEqual([
      { kind: "paragraph", text: "Lead" },
      { kind: "caption", text: "Bild" },
      { kind: "paragraph", text: "Text" },
    ]);
  });
});
