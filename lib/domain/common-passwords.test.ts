import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS, PASSWORD_MIN_LENGTH, passwordProblem } from "./common-passwords";

const person = { email: "rita.reuter@example.org", name: "Rita Reuter" };

describe("passwordProblem", () => {
  it("holds a list of several hundred common passwords, lowercased", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(500);
    expect([...COMMON_PASSWORDS].filter((p) => p.length >= PASSWORD_MIN_LENGTH).length).toBeGreaterThanOrEqual(450);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
  });

  it("refuses short passwords with the minimum in the code", () => {
    expect(passwordProblem("kurz", person)).toBe("password_too_short:8");
    expect(passwordProblem("", person)).toBe("password_too_short:8");
  });

  it("refuses overlong passwords", () => {
    expect(passwordProblem("x".repeat(201), person)).toBe("password_too_long:200");
  });

  it("refuses common passwords whatever their case, and common words with digits appended", () => {
    for (const p of ["password", "PASSWORD1", "Passwort123", "12345678", "qwertzuiop", "iloveyou", "Sonnenschein", "sunshine2026!", "Dragon12", "aaaaaaaaaa"]) {
      expect(passwordProblem(p, person), p).toBe("password_common");
    }
  });

  it("refuses the account's own e-mail, its local part and name", () => {
    for (const p of ["rita.reuter@example.org", "RITA.REUTER", "Rita Reuter", "ritareuter", "ritareuter2026", "reuter!!!"]) {
      expect(passwordProblem(p, person), p).not.toBeNull();
    }
    expect(passwordProblem("rita.reuter@example.org", person)).toBe("password_personal");
    expect(passwordProblem("RitaReuter", person)).toBe("password_personal");
  });

  it("accepts long unusual passwords and passphrases", () => {
    for (const p of ["Kaffeetasse-Regenschirm-47", "correct horse battery staple", "k7qmx-2vdpa-9hjtr-wen4b", "admin-demo-2026"]) {
      expect(passwordProblem(p, person), p).toBeNull();
    }
  });
});
