/**
 * Field rules shared by every input that crosses a boundary (forms, server actions, API).
 * Lengths are limits a newsroom never needs to exceed; they keep rows and pages bounded.
 */
import { z } from "zod";

// Zod compiles object parsers with `new Function` unless told not to. The pages' CSP allows no
// eval: the browser refuses it and reports a violation (zod falls back, but the report is noise
// that hides real ones). Zod reads the setting when a schema is created; every schema module
// imports this file, so it runs before their schemas are built.
z.config({ jitless: true });

export const LIMITS = {
  title: 300,
  name: 200,
  claimText: 2_000,
  quote: 5_000,
  context: 64,
  rationale: 10_000,
  excerpt: 2_000,
  url: 2_048,
  articleText: 500_000,
  sources: 20,
  email: 254,
  password: 200,
  note: 2_000,
  comment: 5_000,
} as const;

/**
 * The largest value of a database integer (Prisma's Int is 32-bit): a version or revision number
 * above it would fail inside the query (a 500) instead of in validation.
 */
export const MAX_DB_INT = 2_147_483_647;

/** A version or revision number: 1, 2, 3, … */
export function positiveCount() {
  return z.number().int().min(1).max(MAX_DB_INT);
}

/**
 * Whether both databases can store the text: not a lone surrogate (half of an emoji's pair, sent
 * only by a crafted request), which has no UTF-8 encoding, and no NUL, which PostgreSQL's text
 * type cannot hold. Either makes the database driver fail — a 500 instead of a field error.
 */
export function isStorableText(value: string): boolean {
  return value.isWellFormed() && !value.includes("\u0000");
}

export function storable<T extends z.ZodString>(schema: T): T {
  return schema.refine(isStorableText, { error: "invalid_characters" });
}

/** Trimmed text that must not be empty after trimming. */
export function requiredText(max: number) {
  return storable(
    z
      .string({ error: "required" })
      .trim()
      .min(1, { error: "required" })
      .max(max, { error: `too_long:${max}` }),
  );
}

export function optionalText(max: number) {
  return storable(z.string().trim().max(max, { error: `too_long:${max}` })).default("");
}

/** Only http and https links: no javascript:, data:, vbscript: or anything else a browser would run. */
export function isHttpUrl(value: string): boolean {
  if (/[\u0000-\u001f\u007f\s]/.test(value) || !isStorableText(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
}

export const httpUrl = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(LIMITS.url, { error: `too_long:${LIMITS.url}` })
  .refine(isHttpUrl, { error: "invalid_url" });

/** A calendar date "YYYY-MM-DD" (as a date input sends it) or empty. */
export const optionalDate = z
  .string()
  .trim()
  .max(10)
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), {
    error: "invalid_date",
  })
  .transform((v) => (v === "" ? null : new Date(`${v}T00:00:00Z`)))
  .default(null);
