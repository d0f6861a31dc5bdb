import { describe, expect, it } from "vitest";
import { MIN_SECRET_LENGTH, productionSecretProblem } from "./production-secret";

describe("productionSecretProblem", () => {
  it("refuses production without a secret, or with a blank one", () => {
    expect(productionSecretProblem({ NODE_ENV: "production" })).toMatch(/NEXTAUTH_SECRET is not set/);
    expect(productionSecretProblem({ NODE_ENV: "production", NEXTAUTH_SECRET: "   " })).toMatch(/not set/);
  });

  it("refuses a secret shorter than 32 characters and says how to make one", () => {
    const problem = productionSecretProblem({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(MIN_SECRET_LENGTH - 1) });
    expect(problem).toMatch(/only 31 characters/);
    expect(problem).toMatch(/openssl rand/);
  });

  it("accepts a long enough secret, and anything outside production", () => {
    expect(productionSecretProblem({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(MIN_SECRET_LENGTH) })).toBeNull();
    expect(productionSecretProblem({ NODE_ENV: "development" })).toBeNull();
    expect(productionSecretProblem({ NODE_ENV: "test" })).toBeNull();
  });
});
