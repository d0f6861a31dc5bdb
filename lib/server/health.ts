/** Whether the database answers, for the health check of load balancers (app/api/health). */
import "server-only";
import { db } from "./db";

export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch (error) {
    // The reason goes to the server log only: the health check is public.
    console.error("Health check: the database did not answer", error);
    return false;
  }
}
