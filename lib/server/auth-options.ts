/**
 * next-auth configuration: e-mail and password sign-in, JWT sessions. Each token carries the
 * user's session version; `getActor` compares it with the database on every request, so a
 * disabled account or a changed role takes effect at once.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { db } from "./db";
import { authenticate } from "./sign-in";
import { clientAddress } from "../domain/client-address";
import { lockedMessage } from "../domain/sign-in-lock";
import { safeCallbackPath } from "../domain/safe-redirect";

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

/**
 * Where next-auth may send the browser after signing in or out (its `callbackUrl`): a page of
 * this site, else the home page. URLs are resolved as a browser would ("//evil.example" and
 * "/\\evil.example" are other hosts, "javascript:" has no origin) before the path is checked.
 */
function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const base = new URL(baseUrl);
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return baseUrl;
  }
  if (target.origin !== base.origin) return baseUrl;
  return base.origin + safeCallbackPath(target.pathname + target.search + target.hash);
}

/**
 * Throttled credentials check (lib/server/sign-in.ts). A lock-out is thrown as "LOCKED:<time>":
 * next-auth passes a thrown error's message to the sign-in form, which says when to try again.
 */
async function authorize(raw: unknown, req: { headers?: Record<string, string | string[] | undefined> }) {
  const ip = clientAddress(req.headers, process.env.TRUST_PROXY === "true");
  const outcome = await authenticate(raw, { ip });
  if (outcome.status === "locked") throw new Error(lockedMessage(outcome.until));
  return outcome.status === "ok" ? outcome.user : null;
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
    redirect: authRedirect,
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
