/** The demo accounts as data-layer actors, for tests that call the data access layer directly. */
import type { Actor } from "@/lib/server/actor";

export async function actorByEmail(email: string): Promise<Actor> {
  const { db } = await import("@/lib/server/db");
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, name: u.name, email: u.email, role: u.role };
}
