/**
 * Input schemas for account management (admin) and a user's own account. Password quality
 * (length, common passwords, own name) is checked by lib/domain/common-passwords.ts, because it
 * needs the account's name and e-mail.
 */
import { z } from "zod";
import { LIMITS, requiredText, storable } from "./fields";

export const ROLES = ["ADMIN", "EDITOR", "REVIEWER"] as const;

const userId = storable(z.string({ error: "required" }).trim().min(1, { error: "required" }).max(64, { error: "too_long:64" }));
const role = z.enum(ROLES, { error: "invalid_choice" });

export const ZEmail = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "required" })
  .max(LIMITS.email, { error: `too_long:${LIMITS.email}` })
  .pipe(z.email({ error: "invalid_email" }));

export const ZCreateUser = z.object({ name: requiredText(LIMITS.name), email: ZEmail, role }).strict();
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZSetUserRole = z.object({ userId, role }).strict();
export const ZSetUserDisabled = z.object({ userId, disabled: z.boolean({ error: "invalid_choice" }) }).strict();
export const ZResetUserPassword = z.object({ userId }).strict();

/** Passwords are not trimmed: spaces are characters like any other. */
export const ZChangeOwnPassword = z
  .object({
    currentPassword: z.string({ error: "required" }).min(1, { error: "required" }).max(LIMITS.password, { error: `too_long:${LIMITS.password}` }),
    newPassword: z.string({ error: "required" }).min(1, { error: "required" }).max(LIMITS.password, { error: `too_long:${LIMITS.password}` }),
  })
  .strict();
