/**
 * Security events as one JSON line each on stdout, for the log collector of the deployment
 * (sign-ins, lock-outs, refused actions, account changes). Never pass passwords, hashes or
 * tokens: `detail` is scrubbed of keys that look like secrets as a second line of defence.
 */
import "server-only";

export type SecurityEventName =
  | "signin.success"
  | "signin.failure"
  | "signin.locked"
  | "signin.refused_locked"
  | "authz.denied"
  | "user.created"
  | "user.role_changed"
  | "user.disabled"
  | "user.enabled"
  | "user.password_reset"
  | "password.changed"
  | "password.change_failed"
  | "session.signed_out_everywhere";

export interface SecurityEvent {
  event: SecurityEventName;
  actorId?: string | null;
  targetUserId?: string | null;
  email?: string | null;
  ip?: string | null;
  detail?: string | Record<string, string | number | boolean | null>;
}

const SECRET_KEY = /pass|hash|token|secret|cookie|authorization/i;

/** Where the lines go; tests replace `write` to read them. */
export const securityLogSink = {
  write(line: string): void {
    process.stdout.write(`${line}\n`);
  },
};

function scrub(detail: SecurityEvent["detail"]): SecurityEvent["detail"] {
  if (detail === undefined || typeof detail === "string") return detail;
  return Object.fromEntries(Object.entries(detail).filter(([key]) => !SECRET_KEY.test(key)));
}

export function logSecurityEvent(event: SecurityEvent): void {
  const line = { time: new Date().toISOString(), type: "security", ...event, detail: scrub(event.detail) };
  try {
    securityLogSink.write(JSON.stringify(line));
  } catch {
    // Logging must never turn a refused or successful action into a crash.
  }
}
