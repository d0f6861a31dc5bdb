import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanCapture, looksLikeCapture, type Block } from "../domain/article-text";
import { blocksFromPastedText, editableText, reconcileBlocks } from "./blocks";

const reference = readFileSync(path.join(import.meta.dirname, "../../prisma/fixtures/putin-kim-nordkorea.de.txt"), "utf8");

describe("blocksFromPastedText", () => {
  it("reads the reference capture exactly as the seed does: no chrome, caption kept, initials as byline", () => {
    const seeded = cleanCapture(reference);
    const pasted = blocksFromPastedText(reference, "Putin und Kim");
    expect(pasted.capture).toBe(true);
    expect(pasted.blocks).toEqual(seeded.blocks);
    expect(pasted.byline).toBe("sischr");
    expect(pasted.title).toBe("Putin und Kim Jong-un verstärken Beziehungen: USA und Südkorea alarmiert");
    const text = pasted.blocks.map((b) => b.text).join("\n");
    expect(text).not.toContain("KommentareDrucken");
    expect(text).not.toContain("Startseite");
    expect(text).not.toContain("(sischr)");
    expect(pasted.blocks.filter((b) => b.kind === "caption")).toHaveLength(1);
  });

  it("reads the article alone as paragraphs, the first one the lead", () => {
    const pasted = blocksFromPastedText("Vorspann.\n\nAbsatz eins.\n\nZwischentitel\n\nAbsatz zwei.", "Titel");
    expect(pasted.capture).toBe(false);
    expect(pasted.blocks.map((b) => b.kind)).toEqual(["lead", "paragraph", "heading", "paragraph"]);
  });

  it("drops a first line that repeats the title from the form", () => {
    const pasted = blocksFromPastedText("Inflation sinkt\n\nDie Inflation ist gesunken.\n\nMehr dazu.", "Inflation  sinkt");
    expect(pasted.blocks).toEqual([
      { kind: "lead", text: "Die Inflation ist gesunken." },
      { kind: "paragraph", text: "Mehr dazu." },
    ]);
  });

  it("does not mistake a numbered list for a breadcrumb", () => {
    expect(looksLikeCapture("Drei Gründe.\n\n1. Der erste Grund ist wichtig.\n\nMehr Text.")).toBe(false);
    expect(looksLikeCapture("Titel\n\n  1. Startseite\n  2. Politik\n\nText.")).toBe(true);
    expect(looksLikeCapture("Titel\n\nKommentareDrucken\n\nText.")).toBe(true);
  });
});

describe("reconcileBlocks", () => {
  const detected: Block[] = [
    { kind: "lead", text: "Lead text." },
    { kind: "paragraph", text: "First paragraph." },
    { kind: "heading", text: "A heading" },
    { kind: "caption", text: "A caption. Photo: X" },
    { kind: "paragraph", text: "Last paragraph." },
  ];

  it("gives back the extracted blocks when nothing was edited", () => {
    expect(reconcileBlocks(editableText(detected), detected)).toEqual(detected);
  });

  it("keeps the kind of a paragraph whose text was corrected", () => {
    const edited = editableText(detected).replace("Lead text.", "Lead text, corrected.").replace("A heading", "A better heading that is long and ends with a full stop.");
    expect(reconcileBlocks(edited, detected).map((b) => b.kind)).toEqual(["lead", "paragraph", "heading", "caption", "paragraph"]);
  });

  it("follows deletions and insertions", () => {
    const edited = ["Lead text.", "A heading", "Inserted sentence that reads like a paragraph.", "A caption. Photo: X", "Last paragraph."].join("\n\n");
    expect(reconcileBlocks(edited, detected)).toEqual([
      { kind: "lead", text: "Lead text." },
      { kind: "heading", text: "A heading" },
      { kind: "paragraph", text: "Inserted sentence that reads like a paragraph." },
      { kind: "caption", text: "A caption. Photo: X" },
      { kind: "paragraph", text: "Last paragraph." },
    ]);
  });

  it("tidies whitespace and ignores extra blank lines", () => {
    const edited = "  Lead   text. \n\n\n\nFirst\nparagraph.\r\n\r\nNew heading";
    expect(reconcileBlocks(edited, detected)).toEqual([
      { kind: "lead", text: "Lead text." },
      { kind: "paragraph", text: "First paragraph." },
      { kind: "heading", text: "New heading" },
    ]);
  });
});
