/**
 * Runs once when a server instance starts (Next's instrumentation hook): in production without a
 * proper NEXTAUTH_SECRET the process prints what to set and exits, instead of listening and
 * answering 500 to every request (what a thrown error here would leave behind).
 */
import { productionSecretProblem } from "./lib/domain/production-secret";

export function register(): void {
  const problem = productionSecretProblem(process.env);
  if (!problem) return;
  console.error(`Faktenprüfer cannot start: ${problem}`);
  if (process.env.NEXT_RUNTIME === "nodejs") process.exit(1);
  throw new Error(problem);
}
