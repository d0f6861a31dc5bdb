/**
 * Sign-in throttling on a real SQLite database, with an injected clock instead of waiting:
 * per-account and per-address lock-outs, expiry, and counting that stays exact when attempts
 * race — within one process and between processes ("app instances") on the same file.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { TEST_DATABASE_URL, migrateTestDatabase } from "./test-database";

const { db } = await import("@/lib/server/db");
const { authenticate } = await import("@/lib/server/sign-in");
const throttle = await import("@/lib/server/sign-in-throttle");
const { hashPassword } = await import("@/lib/server/passwords");
const { securityLogSink } = await import("@/lib/server/security-log");

const run = promisify(execFile);
const log: Record<string, unknown>[] = [];
securityLogSink.write = (line) => void log.push(JSON.parse(line));

const PASSWORD = "Stempelkissen-Nordwind-81";
const MINUTE = 60_000;
const T0 = new Date("2026-03-02T17:30:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

async function makeUser(email: string) {
  await db.user.create({ data: { email, name: email.split("@")[0], role: "REVIEWER", passwordHash: await hashPassword(PASSWORD) } });
}

const row = (key: string) => db.signInThrottle.findUnique({ where: { key } });

beforeAll(async () => {
  migrateTestDatabase();
  await Promise.all(["lock@example.org", "addr1@example.org", "addr2@example.org", "window@example.org"].map(makeUser));
}, 60_000);

describe("per-account lock-out", () => {
  it("locks after 5 failures, refuses even the right password without bcrypt, and expires", async () => {
    const email = "lock@example.org";
    const attempt = (password: string, minutes: number, ip = "198.51.100.1") => authenticate({ email: email.toUpperCase(), password }, { ip, now: at(minutes) });
    for (let i = 0; i < 4; i++) expect(await attempt("wrong", i)).toEqual({ status: "invalid" });
    expect(await attempt("wrong", 4)).toEqual({ status: "locked", until: at(19) });
    expect(await row("account:lock@example.org")).toMatchObject({ failures: 5, lockedUntil: at(19) });

    // The right password during the lock is refused — from any address — without running bcrypt.
    const compare = vi.spyOn(bcrypt, "compare");
    try {
      expect(await attempt(PASSWORD, 10, "198.51.100.99")).toEqual({ status: "locked", until: at(19) });
      expect(compare).not.toHaveBeenCalled();
    } finally {
      compare.mockRestore();
    }
    expect(await row("account:lock@example.org")).toMatchObject({ failures: 5 });

    // After the lock: the right password works and the account's failures are forgotten.
    expect(await attempt(PASSWORD, 19.1)).toMatchObject({ status: "ok", user: { email } });
    expect(await row("account:lock@example.org")).toBeNull();
    expect(log.filter((l) => l.event === "signin.locked" && l.email === email)).toHaveLength(1);
    expect(log.some((l) => l.event === "signin.refused_locked" && l.email === email)).toBe(true);
  });

  it("starts a new window once 15 minutes have passed", async () => {
    const email = "window@example.org";
    for (const minutes of [0, 1, 2, 3]) await authenticate({ email, password: "wrong" }, { ip: "198.51.100.2", now: at(minutes) });
    expect(await row(`account:${email}`)).toMatchObject({ failures: 4, windowStart: at(0) });
    expect(await authenticate({ email, password: "wrong" }, { ip: "198.51.100.2", now: at(16) })).toEqual({ status: "invalid" });
    expect(await row(`account:${email}`)).toMatchObject({ failures: 1, windowStart: at(16), lockedUntil: null });
  });

  it("locks unknown e-mails the same way, so a lock-out reveals nothing", async () => {
    const keys = { account: throttle.accountKey("nobody@example.org"), address: throttle.addressKey("198.51.100.3") };
    for (let i = 0; i < 4; i++) await throttle.recordSignInFailure(keys, { now: at(0) });
    expect(await authenticate({ email: "nobody@example.org", password: "x" }, { ip: "198.51.100.3", now: at(1) })).toEqual({ status: "locked", until: at(16) });
  });
});

describe("per-address lock-out", () => {
  it("locks an address after 20 failures across accounts, but not other addresses", async () => {
    const ip = "203.0.113.50";
    // 19 failures spread over many e-mails (none reaches the account limit) …
    for (let i = 0; i < 19; i++) {
      await throttle.recordSignInFailure({ account: throttle.accountKey(`guess${i}@example.org`), address: throttle.addressKey(ip) }, { now: at(0) });
    }
    // … and the 20th, a real sign-in attempt, locks the address.
    expect(await authenticate({ email: "addr1@example.org", password: "wrong" }, { ip, now: at(1) })).toEqual({ status: "locked", until: at(16) });
    expect(await row(`ip:${ip}`)).toMatchObject({ failures: 20, lockedUntil: at(16) });
    expect(await row("account:addr1@example.org")).toMatchObject({ failures: 1, lockedUntil: null });
    // Another account from the locked address is refused; the same account from elsewhere is fine.
    expect(await authenticate({ email: "addr2@example.org", password: PASSWORD }, { ip, now: at(2) })).toEqual({ status: "locked", until: at(16) });
    expect(await authenticate({ email: "addr2@example.org", password: PASSWORD }, { ip: "203.0.113.51", now: at(2) })).toMatchObject({ status: "ok" });
    // A success does not reset the address counter (else one valid account would launder guesses).
    expect(await row(`ip:${ip}`)).toMatchObject({ failures: 20 });
  });
});

describe("racing attempts are all counted", () => {
  it("counts 10 parallel failed sign-ins as 10", async () => {
    const attempts = Array.from({ length: 10 }, () => authenticate({ email: "parallel@example.org", password: "wrong" }, { ip: "198.51.100.10", now: at(0) }));
    const outcomes = await Promise.all(attempts);
    expect(await row("account:parallel@example.org")).toMatchObject({ failures: 10, lockedUntil: at(15) });
    expect(await row("ip:198.51.100.10")).toMatchObject({ failures: 10, lockedUntil: null });
    // Every attempt from the 5th on reports the lock.
    expect(outcomes.filter((o) => o.status === "locked").length).toBeGreaterThanOrEqual(6);
    expect(log.filter((l) => l.event === "signin.locked" && l.email === "parallel@example.org")).toHaveLength(1);
  });

  it("counts exactly when three app instances (separate processes) race on a fresh key", async () => {
    const keys = { account: throttle.accountKey("race@example.org"), address: throttle.addressKey("198.51.100.11") };
    const instance = (now: Date) =>
      run("npx", ["tsx", "--conditions=react-server", "tests/fixtures/throttle-racer.ts", keys.account, keys.address, "10", now.toISOString()], {
        env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL },
      });
    const here = (now: Date) => Array.from({ length: 10 }, () => throttle.recordSignInFailure(keys, { now }));
    await Promise.all([instance(at(0)), instance(at(0)), ...here(at(0))]);
    expect(await row(keys.account)).toMatchObject({ failures: 30, lockedUntil: at(15) });
    expect(await row(keys.address)).toMatchObject({ failures: 30, lockedUntil: at(15) });
    // A new window after expiry, raced the same way, also counts exactly.
    await Promise.all([instance(at(30)), ...here(at(30))]);
    expect(await row(keys.account)).toMatchObject({ failures: 20, windowStart: at(30), lockedUntil: at(45) });
  }, 120_000);
});
