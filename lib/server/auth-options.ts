/**
 * next-auth configuration: e-mail and password sign-in, JWT sessions. Each token carries the
 * user's session version; `getActor` compares it with the database on every request, so a
 * disabled account or a changed role takes effect at once.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { z } from "zod";
import { db } from "./db";
import { UNKNOWN_USER_HASH, verifyPassword } from "./passwords";
import { LIMITS } from "../validation/fields";

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().max(LIMITS.email),
  password: z.string().max(LIMITS.password),
});

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

async function authorize(raw: unknown) {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  // Compare even when the user is unknown, so timing does not reveal which e-mails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !ok || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  // The adapter's tables serve OAuth or e-mail providers a newsroom may add; credentials use JWTs.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "E-mail",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      authorize,
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sessionVersion" in user) {
        token.uid = user.id;
        token.sv = user.sessionVersion as number;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") {
        session.user.id = token.uid;
        session.user.sessionVersion = token.sv;
      }
      return session;
    },
  },
};
