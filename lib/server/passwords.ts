/** Password hashing with bcrypt at cost 12 (OWASP's floor for bcrypt is 10). */
import bcrypt from "bcryptjs";

export const BCRYPT_COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/**
 * A hash to compare against when the e-mail is unknown, so a wrong e-mail takes as long as a
 * wrong password and the response time does not reveal which accounts exist.
 */
export const UNKNOWN_USER_HASH = "$2b$12$gCPcVsitby2HzZAhHiyAdOQ4rIeNg.qBfiJYyi6esnNiaN71HBgPK";
