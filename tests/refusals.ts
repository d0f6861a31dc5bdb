/** Asserting a refused data-layer call: the right AppError code, and no row changed. */
import { expect } from "vitest";
import { AppError } from "@/lib/server/errors";

/**
 * @param snapshot - reads the rows the refused call must not touch
 * @returns the error, for further checks on its fields
 */
export async function expectRefusedWith(snapshot: () => Promise<unknown>, work: () => Promise<unknown>, code: string): Promise<AppError> {
  const before = await snapshot();
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect(await snapshot()).toEqual(before);
  return error as AppError;
}
