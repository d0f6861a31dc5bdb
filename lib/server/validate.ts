import "server-only";
import type { z } from "zod";
import { AppError } from "./errors";
import { fieldErrors } from "../validation/errors";

/** Parses input at the data-layer boundary; invalid input becomes a VALIDATION error with field messages. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("VALIDATION", "Some fields need attention.", fieldErrors(result.error));
  return result.data;
}
