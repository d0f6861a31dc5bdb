/** Password hashing with bcrypt at cost 12 (OWASP's floor for bcrypt is 10). */
import { randomInt } from "node:crypto";
import bcrypt from "bcryptjs";

const PRODUCTION_COST = 12;
/**
 * bcrypt's minimum, for the unit tests only: the same code, a 256th of the work. At cost 12 the
 * tests' sign-ins, seeded accounts and password changes took minutes of CI on 2 cores (half a
 * second per hash). The end-to-end tests run the production build at cost 12.
 */
const UNIT_TEST_COST = 4;

/** The cost for an environment: 12 everywhere but under Vitest (which sets VITEST). */
export function bcryptCost(env: Record<string, string | undefined>): number {
  return env.VITEST ? UNIT_TEST_COST : PRODUCTION_COST;
}

export const BCRYPT_COST = bcryptCost(process.env);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/**
 * A hash to compare against when the e-mail is unknown, so a wrong e-mail takes as long as a
 * wrong password and the response time does not reveal which accounts exist — of the same cost
 * as real accounts' hashes (production's, or the unit tests').
 */
export function unknownUserHash(cost: number): string {
  return cost === PRODUCTION_COST ? "$2b$12$gCPcVsitby2HzZAhHiyAdOQ4rIeNg.qBfiJYyi6esnNiaN71HBgPK" : "$2b$04$yGEVnkGVMDICad7eaG0pAOkyLcmWqNsgOxC0l6Acb0ga3rWWssOim";
}

export const UNKNOWN_USER_HASH = unknownUserHash(BCRYPT_COST);

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
