/**
 * Hostile input at the data-layer boundary: every payload of tests/hostile/payloads.ts goes into
 * every input field of every data-layer write function that server actions and API routes call.
 * Each (function, field, payload) ends in one of two ways:
 *   - refused: an AppError with a 4xx status, and the database unchanged;
 *   - stored: the stored value equals the input after the documented normalisation only —
 *     `String.prototype.trim` for text fields (no NFC or other Unicode normalisation, no escaping,
 *     no stripping of markup); article text additionally goes through the paragraph model of
 *     pasted text (lib/import/blocks.ts) and article addresses through `normalizeSourceUrl`.
 * Anything else (a Prisma error, a TypeError: a 500 in the app) or a value stored differently fails.
 * Fields clients must never set (status, authorId, id, version…) are merged into valid inputs and
 * must not change any record.
 *
 * To stay fast, the text fields of one function get a payload together in one call (the error's
 * field list says which refused; the rest are tried again without them), records are reused, and
 * the database fingerprint is one aggregate query, checked once per run of refusals (see
 * `ledger`) instead of a full snapshot around every call. bcrypt at cost 12 takes about
 * 0.4 s a call, so the account functions that hash (createUser, resetUserPassword,
 * changeOwnPassword) get every payload their schema refuses, and of the ones it accepts only
 * the first of a few categories (BCRYPT_SAMPLE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateTestDatabase, TEST_DATABASE_PROVIDER } from "./test-database";
import { actorByEmail } from "./actors";
import { EXTRA_FIELD_PAYLOADS, FIELD_PAYLOADS, type Payload, type PayloadCategory } from "./hostile/payloads";
import type { Actor } from "@/lib/server/actor";
import { z } from "zod";
import { ZChangeOwnPassword, ZCreateUser, ZResetUserPassword, ZSetUserDisabled, ZSetUserRole } from "@/lib/validation/account";
import { ARTICLE_LANGUAGES, ZCreateArticle, ZReviseArticle, ZUpdateArticleText } from "@/lib/validation/article";
import { SOURCE_STANCES, ZAssignClaim, ZComment, ZConfirmAnchor, ZCreateClaim, ZDeleteClaim, ZReattachClaim, ZRestoreRevision, ZTransitionClaim, ZUpdateClaim } from "@/lib/validation/claim";
import { blocksFromPastedText } from "@/lib/import/blocks";
import { joinBlocks } from "@/lib/domain/article-text";
import { normalizeSourceUrl } from "@/lib/domain/source-url";
import { VERDICTS } from "@/lib/domain/verdicts";
import { TRANSITIONS } from "@/lib/domain/claim-workflow";

const { db } = await import("@/lib/server/db");
const claims = await import("@/lib/server/claims");
const workflow = await import("@/lib/server/claim-workflow");
const comments = await import("@/lib/server/comments");
const reanchor = await import("@/lib/server/reanchor");
const articles = await import("@/lib/server/articles");
const articleText = await import("@/lib/server/article-text-update");
const importing = await import("@/lib/server/import");
const suggestions = await import("@/lib/server/suggestions");
const users = await import("@/lib/server/users");
const { AppError } = await import("@/lib/server/errors");
const { hashPassword, verifyPassword } = await import("@/lib/server/passwords");
const { securityLogSink } = await import("@/lib/server/security-log");
const { seedDemoData, REFERENCE_ARTICLE_SLUG } = await import("@/prisma/seed");

/**
 * SQLite gets the whole catalogue. On PostgreSQL, validation is the same code, so only the
 * categories whose fate depends on the database run again: text the driver or the column type
 * may refuse or alter (encodings, NUL, sizes, SQL-looking strings, wrong types).
 */
const DATABASE_SENSITIVE: readonly PayloadCategory[] = ["unicode", "size", "sql", "bidi", "zero-width", "homoglyph", "whitespace", "wrong-type"];
const CATALOGUE = TEST_DATABASE_PROVIDER === "postgresql" ? FIELD_PAYLOADS.filter((p) => DATABASE_SENSITIVE.includes(p.category)) : FIELD_PAYLOADS;

// Thousands of refusals would each print a security event line.
securityLogSink.write = () => {};

type Input = Record<string, unknown>;

interface TextField {
  /** Fields in one group get a payload together; a separate group for fields with their own rules. */
  group?: "url";
  /** The stored value the input must give; by default the input trimmed. */
  expected?: (value: string, input: Input) => unknown;
  /** For optional fields: what is stored when the field is left out (undefined). */
  whenAbsent?: unknown;
  /** Places a string payload inside the text the field gets (the payload as a paragraph of an article). */
  wrap?: (value: string) => string;
}

interface Surface {
  fn: string;
  /** A valid input for the next call, on the record the surface works on. */
  valid: () => Input | Promise<Input>;
  call: (input: unknown) => Promise<unknown>;
  /** The function's input schema, if exported: an input it refuses must be refused before any write. */
  schema?: z.ZodType;
  /** Turns the test's input into the function's (filled in defaults), before the schema check and the call. */
  prepare?: (input: unknown) => unknown;
  /** Fields stored as given: path → rule. */
  text: Record<string, TextField>;
  /** The stored value of each text field after a successful call. */
  stored?: (result: unknown) => Promise<Record<string, unknown>>;
  /** Every other field (identifiers, choices, numbers, dates, lists), tried one at a time, with the values it may accept. */
  other: Record<string, (value: unknown) => boolean>;
  /** Other fields that are checked but not stored: probed with the text fields, since most values pass. */
  together?: string[];
  /** Nested objects extra fields are merged into, besides the top level. */
  nested?: string[];
  /** Rows a successful call with extra fields wrote, to check that no extra value reached them. */
  rows?: (result: unknown) => Promise<Record<string, unknown>[]>;
  /** Brings the target back into a state the next call can start from, after a successful call. */
  reset?: (result: unknown) => Promise<void>;
  /** Hashes with bcrypt: payloads its schema accepts are sent only from BCRYPT_SAMPLE. */
  costly?: boolean;
  /** Fingerprint parts a refusal may change by design (a wrong current password counts as a failed sign-in). */
  mayChangeOnRefusal?: string[];
}

const BCRYPT_SAMPLE: PayloadCategory[] = ["html", "unicode"];

let editor: Actor;
let author: Actor;
let reviewer2: Actor;
let admin: Actor;
let referenceText = "";
let counter = 0;
const next = () => ++counter;

const failures: string[] = [];
const tally = { calls: 0, stored: 0, skippedCostly: 0, fieldPayloadPairs: 0 };

/**
 * One query that changes whenever the data layer writes a row: counts, version sums and the
 * latest updatedAt of each table it writes (every claim and article change bumps a version,
 * every user change updatedAt); text lengths only for the small table without either.
 */
async function fingerprint(): Promise<Record<string, string>> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT
    (SELECT COUNT(*) FROM "Claim") AS claims,
    (SELECT COALESCE(SUM("version"), 0) FROM "Claim") AS "claimVersions",
    (SELECT MAX("updatedAt") FROM "Claim") AS "claimUpdated",
    (SELECT COUNT(*) FROM "Claim" WHERE "deletedAt" IS NOT NULL) AS deleted,
    (SELECT COUNT(*) FROM "Source") AS sources,
    (SELECT COUNT(*) FROM "ClaimRevision") AS revisions,
    (SELECT COUNT(*) FROM "Correction") AS corrections,
    (SELECT COUNT(*) FROM "Comment") AS comments,
    (SELECT COUNT(*) FROM "Article") AS articles,
    (SELECT COALESCE(SUM("version"), 0) FROM "Article") AS "articleVersions",
    (SELECT MAX("updatedAt") FROM "Article") AS "articleUpdated",
    (SELECT COUNT(*) FROM "ArticleRevision") AS "articleRevisions",
    (SELECT COUNT(*) FROM "SuggestionDismissal") AS dismissals,
    (SELECT COALESCE(SUM(LENGTH("text") + LENGTH(COALESCE("actorId", ''))), 0) FROM "SuggestionDismissal") AS "dismissalText",
    (SELECT COUNT(*) FROM "User") AS users,
    (SELECT COALESCE(SUM("sessionVersion"), 0) FROM "User") AS sessions,
    (SELECT MAX("updatedAt") FROM "User") AS "userUpdated",
    (SELECT COUNT(*) FROM "SignInThrottle") AS throttles,
    (SELECT COALESCE(SUM("failures"), 0) FROM "SignInThrottle") AS "throttleFailures"`);
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)]));
}

/**
 * Refusals are checked against the fingerprint in runs: every refusal since the last successful
 * call must have left it as it was. Its counts, version sums and latest changes only grow, so a
 * write in the run cannot be undone by a later refusal. A call its schema accepts
 * might succeed, so the run is settled before it; a call its schema refuses cannot, so a run of
 * those costs one query instead of one each.
 */
const ledger = { baseline: null as Record<string, string> | null, pending: [] as string[] };

async function settle(surface: Surface) {
  const now = await fingerprint();
  if (ledger.baseline) {
    const before = ledger.baseline;
    const changed = Object.keys(now).filter((k) => now[k] !== before[k] && !surface.mayChangeOnRefusal?.includes(k));
    if (changed.length > 0) failures.push(`one of these refusals changed ${changed.join(", ")}: ${ledger.pending.join(" | ")}`);
  }
  ledger.baseline = now;
  ledger.pending = [];
}

function setPath(input: Input, path: string, value: unknown): unknown {
  if (path === "") return value;
  const keys = path.split(".");
  let target = input as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return input;
}

function getPath(input: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], input);
}

const describeValue = (value: unknown) =>
  typeof value === "string" ? JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…(${value.length})` : value) : typeof value === "bigint" ? `${value}n` : String(JSON.stringify(value) ?? value);

type Outcome = { ok: true; result: unknown } | { ok: false; error: InstanceType<typeof AppError> } | { ok: false; unexpected: unknown };

/**
 * Calls the function and sorts the outcome; refusals join the ledger's run.
 * @returns the outcome, with the input as the function received it
 */
async function send(surface: Surface, raw: unknown, label: string): Promise<{ outcome: Outcome; input: unknown }> {
  const input = surface.prepare ? surface.prepare(raw) : raw;
  const schemaRefuses = surface.schema !== undefined && !surface.schema.safeParse(input).success;
  if (ledger.baseline === null || (!schemaRefuses && ledger.pending.length > 0)) await settle(surface);
  tally.calls += 1;
  let outcome: Outcome;
  try {
    outcome = { ok: true, result: await surface.call(input) };
  } catch (error) {
    outcome = error instanceof AppError ? { ok: false, error } : { ok: false, unexpected: error };
  }
  if (outcome.ok) {
    if (schemaRefuses) failures.push(`${label}: accepted, though the function's schema refuses it`);
    ledger.baseline = null;
  } else if ("unexpected" in outcome) {
    failures.push(`${label}: unexpected ${String(outcome.unexpected).slice(0, 300)}`);
    ledger.baseline = null;
  } else {
    if (outcome.error.status < 400 || outcome.error.status > 499) failures.push(`${label}: status ${outcome.error.status}`);
    ledger.pending.push(label);
  }
  return { outcome, input };
}

function valueFor(surface: Surface, field: string, payload: Payload): unknown {
  const wrap = surface.text[field]?.wrap;
  return wrap && typeof payload.value === "string" ? wrap(payload.value) : payload.value;
}

/**
 * Puts the payload into `fields` of a valid input and calls the function. Fields the error names
 * are refused; the others are tried again without them, one by one when the error names none.
 */
async function probe(surface: Surface, fields: string[], payload: Payload): Promise<void> {
  let input: unknown = await surface.valid();
  for (const field of fields) input = setPath(input as Input, field, valueFor(surface, field, payload));
  const label = (field: string) => `${surface.fn}.${field || "(whole input)"} ← ${payload.id} ${describeValue(payload.value)}`;
  const { outcome, input: sent } = await send(surface, input, fields.map(label).join(" + "));

  if (outcome.ok) {
    tally.stored += fields.length;
    await verifyStored(surface, fields, payload, sent as Input, outcome.result, label);
    await surface.reset?.(outcome.result);
    return;
  }
  if ("unexpected" in outcome) return;
  const named = new Set(Object.keys(outcome.error.fields ?? {}).map((k) => (k === "_" ? "" : k)));
  const refused = fields.filter((f) => named.has(f) || [...named].some((n) => n.startsWith(`${f}.`)));
  const rest = fields.filter((f) => !refused.includes(f));
  if (rest.length === 0 || (refused.length === 0 && rest.length === 1)) return;
  if (refused.length > 0) return probe(surface, rest, payload);
  for (const field of rest) await probe(surface, [field], payload);
}

async function verifyStored(surface: Surface, fields: string[], payload: Payload, input: Input, result: unknown, label: (field: string) => string) {
  const textFields = fields.filter((f) => f in surface.text);
  const stored = textFields.length > 0 ? await surface.stored!(result) : {};
  for (const field of fields) {
    const rule = surface.text[field];
    if (!rule) {
      if (!surface.other[field](payload.value)) failures.push(`${label(field)}: accepted a value this field must refuse`);
      continue;
    }
    if (payload.value === undefined && "whenAbsent" in rule) {
      if (stored[field] !== rule.whenAbsent) failures.push(`${label(field)}: stored ${describeValue(stored[field])} for a missing field`);
      continue;
    }
    if (typeof payload.value !== "string") {
      failures.push(`${label(field)}: accepted a ${typeof payload.value} in a text field`);
      continue;
    }
    const expected = rule.expected ? rule.expected(payload.value, input) : payload.value.trim();
    if (stored[field] !== expected) failures.push(`${label(field)}: stored ${describeValue(stored[field])}, expected ${describeValue(expected)}`);
  }
}

/** Whether a payload in a bcrypt-hashing function is sent (see the module comment). */
async function sendsCostly(surface: Surface, fields: string[], payload: Payload, sampled: Set<string>): Promise<boolean> {
  if (!surface.costly || !surface.schema) return true;
  let candidate: unknown = await surface.valid();
  for (const field of fields) candidate = setPath(candidate as Input, field, payload.value);
  if (!surface.schema.safeParse(candidate).success) return true;
  const key = `${fields.join("+")}:${payload.category}`;
  if (!BCRYPT_SAMPLE.includes(payload.category) || sampled.has(key)) {
    tally.skippedCostly += 1;
    return false;
  }
  sampled.add(key);
  return true;
}

async function runCatalogue(surface: Surface) {
  const together = surface.together ?? [];
  const groups = new Map<string, string[]>([["text", [...together]]]);
  for (const [field, rule] of Object.entries(surface.text)) groups.set(rule.group ?? "text", [...(groups.get(rule.group ?? "text") ?? []), field]);
  const units = [...groups.values(), ...Object.keys(surface.other).filter((f) => !together.includes(f)).map((f) => [f])].filter((unit) => unit.length > 0);
  const sampled = new Set<string>();
  for (const payload of CATALOGUE) {
    for (const fields of units) {
      tally.fieldPayloadPairs += fields.length;
      if (await sendsCostly(surface, fields, payload, sampled)) await probe(surface, fields, payload);
    }
  }
}

/** Merges each extra-field payload into the input (top level and nested objects); nothing it names may change. */
async function runExtraFields(surface: Surface) {
  for (const payload of EXTRA_FIELD_PAYLOADS) {
    for (const at of ["", ...(surface.nested ?? [])]) {
      const input = await surface.valid();
      const target = at === "" ? input : (getPath(input, at) as Input);
      // A key the input has anyway (role for createUser, version for updateClaim) is a field, not an extra.
      const extra = Object.fromEntries(Object.entries(payload.value).filter(([key]) => !(key in target)));
      if (Object.keys(extra).length === 0) continue;
      const merged = { ...target, ...extra };
      const label = `${surface.fn}${at ? `.${at}` : ""} + ${payload.id} ${JSON.stringify(payload.value)}`;
      const { outcome } = await send(surface, at === "" ? merged : setPath(input, at, merged), label);
      if (!outcome.ok) continue;
      if (!surface.rows) {
        failures.push(`${label}: accepted`);
        continue;
      }
      for (const row of await surface.rows(outcome.result)) {
        for (const [key, value] of Object.entries(extra)) {
          if (key in row && JSON.stringify(row[key]) === JSON.stringify(value)) failures.push(`${label}: stored ${key}`);
        }
        if (row.status === "PUBLISHED" || row.role === "ADMIN") failures.push(`${label}: record became ${String(row.status ?? row.role)}`);
      }
      await surface.reset?.(outcome.result);
    }
  }
}

// —— targets ——

const QUOTE = "Kurt Campbell";
const source = () => ({ url: "https://example.org/quelle", title: "Quelle", publisher: "Demo", publishedAt: "2024-06-01", excerpt: "Auszug", stance: "SUPPORTS" });
const content = () => ({ claimText: "Aussage", claimant: "Redaktion", verdict: "TRUE", rationale: "Begründung.", sources: [source()] });
const passage = () => {
  const start = referenceText.indexOf(QUOTE);
  return { start, end: start + QUOTE.length };
};

async function newClaim(by: Actor = editor) {
  return claims.createClaim(by, { ...content(), articleSlug: REFERENCE_ARTICLE_SLUG, passage: passage() });
}

async function claimRows(result: unknown): Promise<Record<string, unknown>[]> {
  const { id } = result as { id: string };
  const row = await db.claim.findUniqueOrThrow({ where: { id }, include: { sources: { orderBy: { position: "asc" } } } });
  return [row, ...row.sources];
}

async function storedClaim(result: unknown) {
  const [claim, first] = await claimRows(result);
  return {
    claimText: claim.claimText,
    claimant: claim.claimant,
    rationale: claim.rationale,
    "sources.0.url": first.url,
    "sources.0.title": first.title,
    "sources.0.publisher": first.publisher,
    "sources.0.excerpt": first.excerpt,
  };
}

const isIn = (list: readonly unknown[]) => (v: unknown) => list.includes(v);
const isString = (v: unknown) => typeof v === "string";
const isNaturalNumber = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const never = () => false;
const optional = (accepts: (v: unknown) => boolean) => (v: unknown) => v === undefined || accepts(v);
const noBlocks = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);
/** The property that matters for any link field: whatever is accepted is an http(s) address. */
const isHttpAddress = (v: unknown) => {
  try {
    return typeof v === "string" && ["http:", "https:"].includes(new URL(v.trim()).protocol);
  } catch {
    return false;
  }
};

const claimTextFields: Record<string, TextField> = {
  claimText: {},
  claimant: {},
  rationale: {},
  "sources.0.title": {},
  "sources.0.publisher": {},
  "sources.0.excerpt": { whenAbsent: "" },
  "sources.0.url": { group: "url" },
};
const claimOtherFields = {
  "": never,
  verdict: isIn(VERDICTS),
  sources: never,
  "sources.0": never,
  "sources.0.publishedAt": optional(isString),
  "sources.0.stance": isIn(SOURCE_STANCES),
};

/** The claim a surface works on, with its current version and state (every successful change bumps the version). */
function trackedClaim(make: () => Promise<{ id: string; version: number; status: string }>) {
  const state = { id: "", version: 0, status: "" };
  return {
    state,
    async renew() {
      const { id, version, status } = await make();
      Object.assign(state, { id, version, status });
    },
    track(result: unknown) {
      const view = result as { id: string; version: number; status: string };
      if (view.id === state.id) Object.assign(state, { version: view.version, status: view.status });
      return result;
    },
    isCurrentId: (v: unknown) => v === state.id,
    isCurrentVersion: (v: unknown) => v === state.version,
  };
}

const updated = trackedClaim(() => newClaim());
const deletable = trackedClaim(() => newClaim());
/** Goes round between draft and review: its author submits, a second reviewer sends it back. */
const reviewed = trackedClaim(() => newClaim(author));
const assignable = trackedClaim(() => newClaim());
const restorable = trackedClaim(() => newClaim());
const changedPassage = trackedClaim(async () => {
  const c = await newClaim();
  await db.claim.update({ where: { id: c.id }, data: { anchorStatus: "CHANGED" } });
  return c;
});
const reattachable = trackedClaim(async () => {
  const c = await newClaim();
  await db.claim.update({ where: { id: c.id }, data: { anchorStatus: "CHANGED" } });
  return c;
});
let commentedClaimId = "";

/** An article only one surface changes, so its version is known. */
function trackedArticle() {
  const state = { slug: "", version: 1 };
  return {
    state,
    async create() {
      const n = next();
      const { slug } = await articles.createArticle(editor, { title: `Ziel ${n}`, sourceUrl: `https://example.org/ziel/${n}`, publisher: "P", language: "de", text: "Vorspann.\n\nText." });
      Object.assign(state, { slug, version: 1 });
    },
    async stored() {
      const article = await db.article.findUniqueOrThrow({ where: { slug: state.slug }, include: { revisions: { orderBy: { version: "desc" }, take: 1 } } });
      state.version = article.version;
      return { title: article.title, text: article.text, note: article.revisions[0]?.note };
    },
  };
}
const revised = trackedArticle();
const corrected = trackedArticle();

/** Canonical text of an article pasted as `text` under `title` (the documented paragraph model). */
const pastedText = (text: string, title: unknown) => joinBlocks(blocksFromPastedText(text, typeof title === "string" ? title.trim() : "").blocks).text;

/**
 * An article's text gets the payload as its second paragraph: with the title holding the same
 * payload, a text that began with it would lose that line (a first line repeating the title is
 * dropped, see blocksFromPastedText). Stored as the paragraph model of pasted text gives it.
 */
const ARTICLE_LEAD = "Vorspann des Artikels.\n\n";
const articleTextField: TextField = { wrap: (v) => ARTICLE_LEAD + v, expected: (v, input) => pastedText(`${ARTICLE_LEAD}${v}`.trim(), input.title) };

/** reviseArticle's note when none is given: where the text came from. */
const DEFAULT_REVISION_NOTE = `Imported again from ${normalizeSourceUrl("https://example.org/wieder")}`;

const AUTO_BLOCK_KINDS = Symbol("one paragraph kind per block of the given text");

const passwordUser = { id: "", email: "", password: "Anfangs-Kennwort-2026" };
const wrongPasswordUser = { id: "", email: "", password: "Anderes-Kennwort-2026" };
let roleTargetId = "";

const SURFACES: Surface[] = [
  {
    fn: "createClaim",
    schema: ZCreateClaim,
    valid: () => ({ ...content(), articleSlug: REFERENCE_ARTICLE_SLUG, passage: passage() }),
    call: (input) => claims.createClaim(editor, input),
    text: claimTextFields,
    stored: storedClaim,
    other: { ...claimOtherFields, articleSlug: (v) => v === REFERENCE_ARTICLE_SLUG, passage: never, "passage.start": isNaturalNumber, "passage.end": isNaturalNumber },
    nested: ["passage", "sources.0"],
    rows: claimRows,
  },
  {
    fn: "updateClaim",
    schema: ZUpdateClaim,
    valid: () => ({ ...content(), claimId: updated.state.id, version: updated.state.version }),
    call: async (input) => updated.track(await claims.updateClaim(editor, input)),
    text: claimTextFields,
    stored: storedClaim,
    other: { ...claimOtherFields, claimId: updated.isCurrentId, version: updated.isCurrentVersion },
    nested: ["sources.0"],
    rows: claimRows,
  },
  {
    fn: "deleteClaim",
    schema: ZDeleteClaim,
    valid: () => ({ claimId: deletable.state.id, version: deletable.state.version }),
    call: (input) => claims.deleteClaim(editor, input),
    text: {},
    other: { "": never, claimId: deletable.isCurrentId, version: deletable.isCurrentVersion },
    reset: () => deletable.renew(),
  },
  {
    // The payload is the note of the next step: a submission (kept in the history) or a rejection (the reason, also on the claim).
    fn: "transitionClaim",
    schema: ZTransitionClaim,
    valid: () => ({ claimId: reviewed.state.id, version: reviewed.state.version, ...(reviewed.state.status === "DRAFT" ? { action: "submit", note: "Bitte prüfen" } : { action: "reject", note: "Quelle fehlt" }) }),
    call: async (input) => reviewed.track(await workflow.transitionClaim(reviewed.state.status === "DRAFT" ? author : reviewer2, input)),
    text: { note: { expected: (v) => v.trim() || null, whenAbsent: null } },
    stored: async (result) => {
      const { id, version, rejectionReason } = result as { id: string; version: number; rejectionReason: string | null };
      const revision = await db.claimRevision.findUniqueOrThrow({ where: { claimId_version: { claimId: id, version } } });
      const reasonMatches = revision.action !== "reject" || rejectionReason === revision.note;
      return { note: reasonMatches ? revision.note : { revision: revision.note, rejectionReason } };
    },
    other: { "": never, claimId: reviewed.isCurrentId, version: reviewed.isCurrentVersion, action: isIn(TRANSITIONS) },
  },
  {
    fn: "assignClaim",
    schema: ZAssignClaim,
    valid: () => ({ claimId: assignable.state.id, version: assignable.state.version, assigneeId: reviewer2.id }),
    call: async (input) => assignable.track(await workflow.assignClaim(editor, input)),
    text: {},
    other: { "": never, claimId: assignable.isCurrentId, version: assignable.isCurrentVersion, assigneeId: (v) => v === null || v === reviewer2.id },
  },
  {
    fn: "restoreRevision",
    schema: ZRestoreRevision,
    valid: () => ({ claimId: restorable.state.id, version: restorable.state.version, revision: 1 }),
    call: async (input) => restorable.track(await workflow.restoreRevision(editor, input)),
    text: {},
    other: { "": never, claimId: restorable.isCurrentId, version: restorable.isCurrentVersion, revision: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= restorable.state.version },
  },
  {
    fn: "addComment",
    schema: ZComment,
    valid: () => ({ claimId: commentedClaimId, body: "Hinweis" }),
    call: (input) => comments.addComment(editor, input),
    text: { body: {} },
    stored: async (result) => ({ body: (await db.comment.findUniqueOrThrow({ where: { id: (result as { id: string }).id } })).body }),
    other: { "": never, claimId: (v) => v === commentedClaimId },
  },
  {
    fn: "confirmAnchor",
    schema: ZConfirmAnchor,
    valid: () => ({ claimId: changedPassage.state.id, version: changedPassage.state.version }),
    call: async (input) => changedPassage.track(await reanchor.confirmAnchor(editor, input)),
    text: {},
    other: { "": never, claimId: changedPassage.isCurrentId, version: changedPassage.isCurrentVersion },
    reset: () => changedPassage.renew(),
  },
  {
    fn: "reattachClaim",
    schema: ZReattachClaim,
    valid: () => ({ claimId: reattachable.state.id, version: reattachable.state.version, passage: passage() }),
    call: async (input) => reattachable.track(await reanchor.reattachClaim(editor, input)),
    text: {},
    other: { "": never, claimId: reattachable.isCurrentId, version: reattachable.isCurrentVersion, passage: never, "passage.start": isNaturalNumber, "passage.end": isNaturalNumber },
    nested: ["passage"],
    rows: claimRows,
    reset: () => reattachable.renew(),
  },
  {
    fn: "dismissSuggestion",
    // Its schema is private to lib/server/suggestions.ts; this looser one refuses only what that one refuses too.
    schema: z.object({ slug: z.string(), start: z.number(), end: z.number(), text: z.string() }).strict(),
    valid: () => ({ slug: REFERENCE_ARTICLE_SLUG, start: 0, end: 5, text: referenceText.slice(0, 5) }),
    call: (input) => suggestions.dismissSuggestion(editor, input),
    text: {},
    other: { "": never, slug: (v) => v === REFERENCE_ARTICLE_SLUG, start: isNaturalNumber, end: isNaturalNumber, text: (v) => typeof v === "string" && referenceText.includes(v) },
  },
  {
    fn: "createArticle",
    schema: ZCreateArticle,
    valid: () => {
      const n = next();
      return { title: `Artikel ${n}`, sourceUrl: `https://example.org/hostile/${n}`, publisher: "Verlag", publishedAt: "2024-06-01", language: "de", byline: "Autorin", text: "Vorspann des Artikels.\n\nEin Absatz." };
    },
    call: (input) => articles.createArticle(editor, input),
    text: {
      title: {},
      publisher: {},
      byline: { expected: (v) => v.trim() || null, whenAbsent: null },
      sourceUrl: { group: "url", expected: (v) => normalizeSourceUrl(v.trim()) },
      text: articleTextField,
    },
    stored: async (result) => {
      const a = await db.article.findUniqueOrThrow({ where: { slug: (result as { slug: string }).slug } });
      return { title: a.title, publisher: a.publisher, byline: a.byline, sourceUrl: a.sourceUrl, text: a.text };
    },
    other: { "": never, publishedAt: optional(isString), language: isIn(ARTICLE_LANGUAGES), detectedBlocks: noBlocks },
  },
  {
    // Stores an import as a new revision: only title, text and note are kept; the other fields are checked and not stored.
    fn: "reviseArticle",
    schema: ZReviseArticle,
    valid: () => ({
      title: "Neuer Titel",
      sourceUrl: "https://example.org/wieder",
      publisher: "Verlag",
      language: "de",
      text: `Vorspann ${next()}.\n\nText.`,
      slug: revised.state.slug,
      expectedVersion: revised.state.version,
      note: "Neu importiert",
    }),
    call: (input) => importing.reviseArticle(editor, input),
    text: {
      title: {},
      // An empty note gets a default naming the address (see reviseArticle).
      note: { expected: (v) => v.trim() || DEFAULT_REVISION_NOTE, whenAbsent: DEFAULT_REVISION_NOTE },
      text: articleTextField,
    },
    stored: () => revised.stored(),
    other: { "": never, slug: (v) => v === revised.state.slug, expectedVersion: (v) => v === revised.state.version, sourceUrl: isHttpAddress, publisher: isString, byline: optional(isString), publishedAt: optional(isString), language: isIn(ARTICLE_LANGUAGES), detectedBlocks: noBlocks },
    together: ["sourceUrl", "publisher", "byline", "publishedAt", "language"],
    reset: async () => void (await revised.stored()),
  },
  {
    fn: "updateArticleText",
    schema: ZUpdateArticleText,
    valid: () => ({ slug: corrected.state.slug, title: "Titel", text: `Vorspann ${next()}.`, blockKinds: AUTO_BLOCK_KINDS, note: "Korrektur", expectedVersion: corrected.state.version }),
    prepare: (input) => {
      // The block kinds follow the text the payload gave, so that only the payload decides.
      const data = input as Input | null;
      if (!data || typeof data !== "object" || data.blockKinds !== AUTO_BLOCK_KINDS) return input;
      const blocks = typeof data.text === "string" ? data.text.trim().split("\n\n").length : 1;
      return { ...data, blockKinds: Array.from({ length: blocks }, (_, i) => (i === 0 ? "lead" : "paragraph")) };
    },
    call: (input) => articleText.updateArticleText(editor, input),
    text: { title: {}, text: {}, note: { whenAbsent: "" } },
    stored: () => corrected.stored(),
    other: { "": never, slug: (v) => v === corrected.state.slug, expectedVersion: (v) => v === corrected.state.version, blockKinds: never },
    reset: async () => void (await corrected.stored()),
  },
  {
    fn: "createUser",
    schema: ZCreateUser,
    valid: () => ({ name: "Neue Person", email: `neu${next()}@example.org`, role: "REVIEWER" }),
    call: (input) => users.createUser(admin, input),
    text: { name: {} },
    stored: async (result) => ({ name: (await db.user.findUniqueOrThrow({ where: { id: (result as { user: { id: string } }).user.id } })).name }),
    other: { "": never, email: (v) => typeof v === "string" && /^[^@\s]+@[^@\s]+$/.test(v.trim()), role: isIn(["EDITOR", "REVIEWER", "ADMIN"]) },
    costly: true,
  },
  {
    fn: "setUserRole",
    schema: ZSetUserRole,
    valid: () => ({ userId: roleTargetId, role: "EDITOR" }),
    call: (input) => users.setUserRole(admin, input),
    text: {},
    other: { "": never, userId: (v) => v === roleTargetId, role: isIn(["EDITOR", "REVIEWER", "ADMIN"]) },
  },
  {
    fn: "setUserDisabled",
    schema: ZSetUserDisabled,
    valid: () => ({ userId: roleTargetId, disabled: false }),
    call: (input) => users.setUserDisabled(admin, input),
    text: {},
    other: { "": never, userId: (v) => v === roleTargetId, disabled: (v) => typeof v === "boolean" },
  },
  {
    fn: "resetUserPassword",
    schema: ZResetUserPassword,
    valid: () => ({ userId: roleTargetId }),
    call: (input) => users.resetUserPassword(admin, input),
    text: {},
    other: { "": never, userId: (v) => v === roleTargetId },
    costly: true,
  },
  {
    // The new password is the payload as typed (not trimmed); checking it takes a bcrypt comparison.
    fn: "changeOwnPassword",
    schema: ZChangeOwnPassword,
    valid: () => ({ currentPassword: passwordUser.password, newPassword: `Neues-Kennwort-${next()}-2026` }),
    call: async (input) => {
      const result = await users.changeOwnPassword({ id: passwordUser.id, name: "Passwort", email: passwordUser.email, role: "REVIEWER" }, input);
      const newPassword = (input as Input).newPassword as string;
      const user = await db.user.findUniqueOrThrow({ where: { id: passwordUser.id }, omit: { passwordHash: false } });
      if (!(await verifyPassword(newPassword, user.passwordHash))) failures.push(`changeOwnPassword: the stored hash does not match ${describeValue(newPassword)}`);
      passwordUser.password = newPassword;
      return result;
    },
    text: {},
    other: { "": never, newPassword: isString },
    costly: true,
  },
  {
    fn: "changeOwnPassword",
    schema: ZChangeOwnPassword,
    valid: () => ({ currentPassword: wrongPasswordUser.password, newPassword: `Neues-Kennwort-${next()}-2026` }),
    call: (input) => users.changeOwnPassword({ id: wrongPasswordUser.id, name: "Falsch", email: wrongPasswordUser.email, role: "REVIEWER" }, input),
    text: {},
    other: { currentPassword: (v) => v === wrongPasswordUser.password },
    costly: true,
    mayChangeOnRefusal: ["throttles", "throttleFailures"],
  },
];

beforeAll(async () => {
  migrateTestDatabase();
  await seedDemoData();
  [editor, author, reviewer2, admin] = await Promise.all(["editor@example.org", "reviewer@example.org", "reviewer2@example.org", "admin@example.org"].map(actorByEmail));
  referenceText = (await db.article.findUniqueOrThrow({ where: { slug: REFERENCE_ARTICLE_SLUG } })).text;
  await Promise.all([updated, deletable, reviewed, assignable, restorable, changedPassage, reattachable].map((c) => c.renew()));
  commentedClaimId = (await newClaim()).id;
  await revised.create();
  await corrected.create();
  roleTargetId = (await db.user.create({ data: { email: "ziel@example.org", name: "Ziel", role: "REVIEWER", passwordHash: "x" } })).id;
  for (const account of [passwordUser, wrongPasswordUser]) {
    account.email = `${account === passwordUser ? "kennwort" : "falsch"}@example.org`;
    account.id = (await db.user.create({ data: { email: account.email, name: "Konto", role: "REVIEWER", passwordHash: await hashPassword(account.password) } })).id;
  }
}, 60_000);

describe(`hostile input on ${TEST_DATABASE_PROVIDER}`, () => {
  for (const surface of SURFACES) {
    const fields = [...Object.keys(surface.text), ...Object.keys(surface.other)];
    it(`${surface.fn}(${fields.map((f) => f || "…").join(", ")})`, async () => {
      failures.length = 0;
      ledger.baseline = null;
      const before = { ...tally };
      await runCatalogue(surface);
      await runExtraFields(surface);
      await settle(surface);
      expect(failures).toEqual([]);
      // Every payload reached every field: at least one call each, unless bcrypt-bound and not sampled.
      expect(tally.calls - before.calls).toBeGreaterThanOrEqual(CATALOGUE.length - (tally.skippedCostly - before.skippedCostly));
    }, 300_000);
  }

  it("the catalogue holds at least 200 payloads, each with its own id", () => {
    const ids = [...FIELD_PAYLOADS, ...EXTRA_FIELD_PAYLOADS].map((p) => p.id);
    expect(ids.length).toBeGreaterThanOrEqual(200);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("no payload polluted Object.prototype", () => {
    const probe = {} as Record<string, unknown>;
    for (const key of ["polluted", "status", "role"]) expect(probe[key], key).toBeUndefined();
  });

  afterAll(() => {
    console.info(
      `hostile input (${TEST_DATABASE_PROVIDER}): ${FIELD_PAYLOADS.length + EXTRA_FIELD_PAYLOADS.length} payloads, ${SURFACES.length} functions, ` +
        `${tally.fieldPayloadPairs} field × payload pairs, ${tally.calls} calls, ${tally.stored} values stored and read back, ${tally.skippedCostly} bcrypt-bound sends skipped`,
    );
  });
});
