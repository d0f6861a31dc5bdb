/** Unit tests for stop-word language detection. */
import { describe, expect, it } from "vitest";
import { detectLanguage } from "./language";

describe("detectLanguage", () => {
  it("German", () => expect(detectLanguage("Laut dem Verteidigungsminister soll Nordkorea bereits mehr als 10.000 Container nach Russland geschickt haben, wie die Zeitung berichtet.")).toBe("de"));
  it("English", () => expect(detectLanguage("US consumer prices rose 3.5% in the year to March, the Labor Department said on Wednesday. That was higher than expected.")).toBe("en"));
  it("French is null", () => expect(detectLanguage("Le gouvernement a annoncé mardi une hausse des salaires, selon le ministère. Les syndicats ont critiqué cette décision qui est jugée insuffisante.")).toBeNull());
  it("Spanish is null", () => expect(detectLanguage("El gobierno anunció el martes una subida de los salarios, según el ministerio. Los sindicatos criticaron la decisión por ser insuficiente para los trabajadores.")).toBeNull());
  it("Italian and Dutch are null", () => {
    expect(detectLanguage("Il governo ha annunciato un aumento dei salari per i lavoratori, ma i sindacati non sono soddisfatti della decisione.")).toBeNull();
    expect(detectLanguage("De regering heeft dinsdag een verhoging van de lonen aangekondigd, maar de vakbonden zijn niet tevreden met dit besluit.")).toBeNull();
  });
  it("too little text is null", () => {
    expect(detectLanguage("")).toBeNull();
    expect(detectLanguage("12345 !!!")).toBeNull();
    expect(detectLanguage("Hallo")).toBeNull();
  });
});
