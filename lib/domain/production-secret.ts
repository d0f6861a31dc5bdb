/**
 * The start-up check of the session-signing secret: in production the app refuses to start
 * without a NEXTAUTH_SECRET long enough not to be guessed (next-auth itself would only answer
 * 500 to every sign-in). `npm start` writes a random one into .env on first start.
 */

/** 32 characters: 192 bits of base64, as `openssl rand -base64 32` gives 44. */
export const MIN_SECRET_LENGTH = 32;

/** What is wrong with the configured secret, or null when the app may start. */
export function productionSecretProblem(env: Readonly<Record<string, string | undefined>>): string | null {
  if (env.NODE_ENV !== "production") return null;
  const secret = env.NEXTAUTH_SECRET?.trim() ?? "";
  const advice = "Set it to at least " + MIN_SECRET_LENGTH + " random characters, e.g. `openssl rand -base64 32`.";
  if (!secret) return `NEXTAUTH_SECRET is not set: it signs the session cookies. ${advice}`;
  if (secret.length < MIN_SECRET_LENGTH) return `NEXTAUTH_SECRET is only ${secret.length} characters long. ${advice}`;
  return null;
}
