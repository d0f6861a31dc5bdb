/**
 * Who is asking: the signed-in staff member behind this request, or null for a reader.
 * The JWT alone is not trusted: the user is re-read from the database on every request, so a
 * disabled account, a changed role or a bumped session version take effect immediately.
 */
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";
import { db } from "./db";
import type { Role } from "../generated/prisma/enums";

export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export async function actorFromSession(uid: unknown, sessionVersion: unknown): Promise<Actor | null> {
  if (typeof uid !== "string") return null;
  const user = await db.user.findUnique({ where: { id: uid } });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** The actor of the current request (memoised per request). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  return actorFromSession(session?.user?.id, session?.user?.sessionVersion);
});
