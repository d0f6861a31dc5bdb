/** Password hashing with bcrypt at cost 12 (OWASP's floor for bcrypt is 10). */
import { randomInt } from "node:crypto";
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

/** Letters and digits that cannot be mistaken for each other when read aloud or copied by hand (no 0/o, 1/l/i). */
const TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const TEMPORARY_GROUPS = 4;
const TEMPORARY_GROUP_LENGTH = 5;

/**
 * A temporary password an admin hands over once: 20 characters from 31 (about 99 bits of
 * entropy, beyond any online or offline guessing), in groups of five for readability.
 * `randomInt` is uniform, so no character is likelier than another.
 */
export function generateTemporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < TEMPORARY_GROUPS; g++) {
    let group = "";
    for (let i = 0; i < TEMPORARY_GROUP_LENGTH; i++) group += TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}
