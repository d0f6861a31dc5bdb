/** Password hashing: the production cost, and the unknown-user hash costing as much as a real one. */
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { BCRYPT_COST, UNKNOWN_USER_HASH, bcryptCost, hashPassword, unknownUserHash, verifyPassword } from "../lib/server/passwords";

describe("password hashing", () => {
  it("uses cost 12 outside the unit tests, whatever else is set", () => {
    expect(bcryptCost({})).toBe(12);
    expect(bcryptCost({ NODE_ENV: "production" })).toBe(12);
    expect(bcryptCost({ NODE_ENV: "test", CI: "true" })).toBe(12);
    expect(bcryptCost({ VITEST: "true" })).toBe(4);
  });

  it("compares an unknown e-mail against a hash of the same cost as real accounts', so timing tells nothing", async () => {
    expect(bcrypt.getRounds(UNKNOWN_USER_HASH)).toBe(BCRYPT_COST);
    const hash = await hashPassword("richtig-2026");
    expect(bcrypt.getRounds(hash)).toBe(BCRYPT_COST);
    expect(await verifyPassword("richtig-2026", hash)).toBe(true);
    expect(await verifyPassword("falsch-2026", hash)).toBe(false);
    expect(await verifyPassword("richtig-2026", UNKNOWN_USER_HASH)).toBe(false);
  });

  it("keeps the production unknown-user hash at cost 12", async () => {
    const production = unknownUserHash(bcryptCost({}));
    expect(production).toMatch(/^\$2b\$12\$[./A-Za-z0-9]{53}$/);
    expect(bcrypt.getRounds(production)).toBe(12);
    expect(await verifyPassword("richtig-2026", production)).toBe(false);
  });
});
