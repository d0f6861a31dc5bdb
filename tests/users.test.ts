/**
 * Account management on a real SQLite database: only admins manage accounts (a refused call
 * changes nothing), every session-ending change bumps the session version, admins cannot lock
 * themselves out, and password rules hold. Sign-in throttling: tests/sign-in-throttle.test.ts.
 */
import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateTestDatabase } from "./test-database";
import { expectRefusedWith } from "./refusals";
import { actorByEmail } from "./actors";
import type { Actor } from "@/lib/server/actor";

const { db } = await import("@/lib/server/db");
const users = await import("@/lib/server/users");
const { authenticate } = await import("@/lib/server/sign-in");
const { actorFromSession } = await import("@/lib/server/actor");
const { seedDemoData } = await import("@/prisma/seed");
const { AppError } = await import("@/lib/server/errors");
const { BCRYPT_COST } = await import("@/lib/server/passwords");
const { securityLogSink } = await import("@/lib/server/security-log");

const log: Record<string, unknown>[] = [];
securityLogSink.write = (line) => void log.push(JSON.parse(line));

let admin: Actor;
let editor: Actor;
let reviewer: Actor;
let disabledAdmin: Actor;


const sessionVersion = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).sessionVersion;
const signIn = (email: string, password: string) => authenticate({ email, password }, { ip: "192.0.2.10" });

async function snapshot() {
  return {
    users: await db.user.findMany({ omit: { passwordHash: false }, orderBy: { id: "asc" } }),
    throttles: await db.signInThrottle.findMany({ orderBy: { key: "asc" } }),
  };
}

/** Asserts that `work` fails with `code` and that no account (nor throttle row) changed. */
const expectRefused = (work: () => Promise<unknown>, code: string) => expectRefusedWith(snapshot, work, code);

beforeAll(async () => {
  migrateTestDatabase();
  await seedDemoData();
  admin = await actorByEmail("admin@example.org");
  editor = await actorByEmail("editor@example.org");
  reviewer = await actorByEmail("reviewer@example.org");
  const { user } = await users.createUser(admin, { name: "Dora Deaktiviert", email: "dora@example.org", role: "ADMIN" });
  disabledAdmin = await actorByEmail(user.email);
  await users.setUserDisabled(admin, { userId: user.id, disabled: true });
}, 60_000);

describe("only admins manage accounts", () => {
  const callers = () =>
    [
      ["anonymous", null, "UNAUTHENTICATED"],
      ["a reviewer", reviewer, "FORBIDDEN"],
      ["an editor", editor, "FORBIDDEN"],
      // The Actor object still says ADMIN (as a long-lived one could): the database says disabled.
      ["a disabled admin", disabledAdmin, "UNAUTHENTICATED"],
    ] as const;

  it("refuses every account action to non-admins, leaving the database unchanged", async () => {
    const target = reviewer.id;
    for (const [who, actor, code] of callers()) {
      const calls: [string, () => Promise<unknown>][] = [
        ["listUsers", () => users.listUsers(actor)],
        ["createUser", () => users.createUser(actor, { name: "Mallory", email: `mallory-${who.length}@example.org`, role: "ADMIN" })],
        ["setUserRole", () => users.setUserRole(actor, { userId: target, role: "ADMIN" })],
        ["setUserDisabled", () => users.setUserDisabled(actor, { userId: target, disabled: true })],
        ["resetUserPassword", () => users.resetUserPassword(actor, { userId: target })],
      ];
      for (const [name, call] of calls) {
        await expect.soft(expectRefused(call, code), `${who}: ${name}`).resolves.toBeDefined();
      }
    }
    expect(log.some((l) => l.event === "authz.denied" && (l.detail as { action?: string }).action === "setUserRole")).toBe(true);
  });

  it("refuses an admin who was demoted after the Actor was read", async () => {
    const { user } = await users.createUser(admin, { name: "Anton Alt", email: "anton@example.org", role: "ADMIN" });
    const stale = await actorByEmail(user.email);
    await users.setUserRole(admin, { userId: user.id, role: "EDITOR" });
    await expectRefused(() => users.setUserRole(stale, { userId: reviewer.id, role: "ADMIN" }), "FORBIDDEN");
  });

  it("lists accounts without their password hashes", async () => {
    const list = await users.listUsers(admin);
    expect(list.map((u) => u.email)).toContain("reviewer@example.org");
    expect(Object.keys(list[0]).sort()).toEqual(["createdAt", "disabledAt", "email", "id", "name", "role"]);
  });
});

describe("creating accounts", () => {
  it("returns a strong temporary password once, which signs the new user in", async () => {
    const { user, temporaryPassword } = await users.createUser(admin, { name: " Nina Neu ", email: " Nina.Neu@Example.org ", role: "REVIEWER" });
    expect(user).toMatchObject({ name: "Nina Neu", email: "nina.neu@example.org", role: "REVIEWER", disabledAt: null });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(bcrypt.getRounds(stored.passwordHash)).toBe(BCRYPT_COST); // 12 in production (tests/passwords.test.ts)
    expect(stored.passwordHash).not.toContain(temporaryPassword);
    expect(await signIn("nina.neu@example.org", temporaryPassword)).toMatchObject({ status: "ok", user: { id: user.id } });
  });

  it("refuses a taken e-mail and invalid fields", async () => {
    const taken = await expectRefused(() => users.createUser(admin, { name: "X", email: "EDITOR@example.org", role: "EDITOR" }), "CONFLICT");
    expect(taken.fields).toEqual({ email: "email_taken" });
    const invalid = await expectRefused(() => users.createUser(admin, { name: "", email: "kein-at", role: "OWNER" }), "VALIDATION");
    expect(invalid.fields).toEqual({ name: "required", email: "invalid_email", role: "invalid_choice" });
  });
});

describe("changes that end sessions bump the session version", () => {
  it("a role change revokes the old token and the new one carries the new role", async () => {
    const { user } = await users.createUser(admin, { name: "Rolf Rolle", email: "rolf@example.org", role: "REVIEWER" });
    const before = await sessionVersion(user.id);
    expect(await actorFromSession(user.id, before)).toMatchObject({ role: "REVIEWER" });
    await users.setUserRole(admin, { userId: user.id, role: "EDITOR" });
    expect(await sessionVersion(user.id)).toBe(before + 1);
    expect(await actorFromSession(user.id, before)).toBeNull();
    expect(await actorFromSession(user.id, before + 1)).toMatchObject({ role: "EDITOR" });
    // Setting the role it already has changes nothing and keeps sessions alive.
    await users.setUserRole(admin, { userId: user.id, role: "EDITOR" });
    expect(await sessionVersion(user.id)).toBe(before + 1);
    expect(log.some((l) => l.event === "user.role_changed" && l.targetUserId === user.id)).toBe(true);
  });

  it("disabling refuses sign-in and tokens; re-enabling does not revive old tokens", async () => {
    const { user, temporaryPassword } = await users.createUser(admin, { name: "Susi Sperre", email: "susi@example.org", role: "REVIEWER" });
    const v0 = await sessionVersion(user.id);
    await users.setUserDisabled(admin, { userId: user.id, disabled: true });
    expect(await actorFromSession(user.id, v0 + 1)).toBeNull();
    expect(await signIn(user.email, temporaryPassword)).toEqual({ status: "invalid" });
    await users.setUserDisabled(admin, { userId: user.id, disabled: false });
    expect(await sessionVersion(user.id)).toBe(v0 + 2);
    expect(await actorFromSession(user.id, v0)).toBeNull();
    expect(await signIn(user.email, temporaryPassword)).toMatchObject({ status: "ok", user: { sessionVersion: v0 + 2 } });
  });

  it("a password reset replaces the password and revokes tokens", async () => {
    const { user, temporaryPassword: first } = await users.createUser(admin, { name: "Paul Pass", email: "paul@example.org", role: "EDITOR" });
    const v0 = await sessionVersion(user.id);
    const { temporaryPassword: second } = await users.resetUserPassword(admin, { userId: user.id });
    expect(second).not.toBe(first);
    expect(await sessionVersion(user.id)).toBe(v0 + 1);
    expect(await signIn(user.email, first)).toEqual({ status: "invalid" });
    expect(await signIn(user.email, second)).toMatchObject({ status: "ok" });
  });

  it("sign out everywhere bumps the actor's own version, and needs a signed-in actor", async () => {
    const v0 = await sessionVersion(editor.id);
    await users.signOutEverywhere(editor);
    expect(await sessionVersion(editor.id)).toBe(v0 + 1);
    expect(await actorFromSession(editor.id, v0)).toBeNull();
    await expectRefused(() => users.signOutEverywhere(null), "UNAUTHENTICATED");
    await expectRefused(() => users.signOutEverywhere(disabledAdmin), "UNAUTHENTICATED");
  });
});

describe("admins cannot lock themselves out", () => {
  it("refuses demoting, disabling or resetting oneself, with a clear reason", async () => {
    expect((await expectRefused(() => users.setUserRole(admin, { userId: admin.id, role: "EDITOR" }), "FORBIDDEN")).fields).toEqual({ _: "self_demote" });
    expect((await expectRefused(() => users.setUserDisabled(admin, { userId: admin.id, disabled: true }), "FORBIDDEN")).fields).toEqual({ _: "self_disable" });
    expect((await expectRefused(() => users.resetUserPassword(admin, { userId: admin.id }), "FORBIDDEN")).fields).toEqual({ _: "self_reset" });
    // Keeping one's own admin role is fine.
    await expect(users.setUserRole(admin, { userId: admin.id, role: "ADMIN" })).resolves.toMatchObject({ role: "ADMIN" });
  });
});

describe("changing one's own password", () => {
  const current = "reviewer-demo-2026";

  it("refuses anonymous callers, short, common and personal passwords, and a wrong current password", async () => {
    await expectRefused(() => users.changeOwnPassword(null, { currentPassword: current, newPassword: "Kaffeetasse-Regenschirm-47" }), "UNAUTHENTICATED");
    const cases: [string, string, Record<string, string>][] = [
      [current, "kurz", { newPassword: "password_too_short:8" }],
      [current, "passwort123", { newPassword: "password_common" }],
      [current, "Password1!", { newPassword: "password_common" }],
      [current, "reviewer@example.org", { newPassword: "password_personal" }],
      [current, "Rita Reuter", { newPassword: "password_personal" }],
      [current, current, { newPassword: "password_unchanged" }],
      ["falsch-falsch", "Kaffeetasse-Regenschirm-47", { currentPassword: "wrong_password" }],
    ];
    for (const [currentPassword, newPassword, fields] of cases) {
      const before = await db.user.findUniqueOrThrow({ where: { id: reviewer.id }, omit: { passwordHash: false } });
      const error = await users.changeOwnPassword(reviewer, { currentPassword, newPassword }).catch((e: unknown) => e);
      expect(error, newPassword).toBeInstanceOf(AppError);
      expect((error as InstanceType<typeof AppError>).fields, newPassword).toEqual(fields);
      expect(await db.user.findUniqueOrThrow({ where: { id: reviewer.id }, omit: { passwordHash: false } })).toEqual(before);
    }
    // The wrong current password counted against the account's sign-in limit.
    expect(await db.signInThrottle.findUnique({ where: { key: "account:reviewer@example.org" } })).toMatchObject({ failures: 1 });
  });

  it("changes the password and ends every session, this one's too", async () => {
    const v0 = await sessionVersion(reviewer.id);
    const result = await users.changeOwnPassword(reviewer, { currentPassword: current, newPassword: "Kaffeetasse-Regenschirm-47" });
    expect(result).toEqual({ sessionVersion: v0 + 1 });
    expect(await actorFromSession(reviewer.id, v0)).toBeNull();
    expect(await signIn(reviewer.email, current)).toEqual({ status: "invalid" });
    expect(await signIn(reviewer.email, "Kaffeetasse-Regenschirm-47")).toMatchObject({ status: "ok", user: { sessionVersion: v0 + 1 } });
  });
});

describe("security log", () => {
  it("writes JSON lines with a timestamp and never a password or hash", async () => {
    expect(log.length).toBeGreaterThan(10);
    for (const line of log) expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    const text = JSON.stringify(log);
    for (const secret of ["reviewer-demo-2026", "Kaffeetasse-Regenschirm-47", "$2b$", "$2a$"]) expect(text).not.toContain(secret);
    const events = new Set(log.map((l) => l.event));
    for (const e of ["user.created", "user.role_changed", "user.disabled", "user.enabled", "user.password_reset", "password.changed", "password.change_failed", "session.signed_out_everywhere", "signin.success", "signin.failure", "authz.denied"]) {
      expect(events, e).toContain(e);
    }
  });
});
