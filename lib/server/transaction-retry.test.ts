import { describe, expect, it } from "vitest";
import { isTransactionConflict, withRetry } from "./transaction-retry";

// The shapes Prisma 6.19 with @prisma/adapter-pg produced for real conflicts (see the module doc).
const serialization = { code: "P2034", meta: { driverAdapterError: { cause: { originalCode: "40001", kind: "TransactionWriteConflict" } } } };
const deadlock = Object.assign(new Error("deadlock detected"), { name: "DriverAdapterError", cause: { kind: "postgres", code: "40P01" } });

describe("isTransactionConflict", () => {
  it("recognises serialization failures and deadlocks, nothing else", () => {
    expect(isTransactionConflict(serialization)).toBe(true);
    expect(isTransactionConflict(deadlock)).toBe(true);
    expect(isTransactionConflict({ code: "P2002" })).toBe(false);
    expect(isTransactionConflict(new Error("CONFLICT"))).toBe(false);
    expect(isTransactionConflict(null)).toBe(false);
  });
});

describe("withRetry", () => {
  it("runs the transaction again after a conflict and returns its result", async () => {
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      if (calls < 3) throw calls === 1 ? serialization : deadlock;
      return "done";
    }, { delayMs: 1 });
    expect(result).toBe("done");
    expect(calls).toBe(3);
  });

  it("gives up after the last attempt and passes other errors through at once", async () => {
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw deadlock; }, { attempts: 2, delayMs: 1 })).rejects.toBe(deadlock);
    expect(calls).toBe(2);
    const refusal = new Error("stale version");
    calls = 0;
    await expect(withRetry(async () => { calls++; throw refusal; }, { delayMs: 1 })).rejects.toBe(refusal);
    expect(calls).toBe(1);
  });
});
