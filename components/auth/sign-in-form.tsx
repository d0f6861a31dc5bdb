"use client";
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useI18n } from "@/lib/i18n/client";
import { lockedUntilFromError } from "@/lib/domain/sign-in-lock";

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const { locale, t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok) {
        // A full navigation, so the server renders the page with the new session.
        window.location.assign(callbackPath);
        return;
      }
      // A lock-out comes as "LOCKED:<ISO time>" (see lib/server/auth-options.ts); show it in local time.
      const lockedUntil = lockedUntilFromError(result?.error);
      if (lockedUntil) {
        const time = new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", { hour: "2-digit", minute: "2-digit" }).format(lockedUntil);
        setError(t("signin.locked", { time }));
      } else {
        setError(result?.error === "CredentialsSignin" || result?.status === 401 ? t("signin.failed") : t("signin.error"));
      }
    } catch {
      setError(t("signin.error"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-5 rounded-lg border border-rule bg-white p-6 shadow-sm" noValidate>
      {error && (
        <p role="status" data-testid="signin-error" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {t("signin.email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required maxLength={254}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-accent" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t("signin.password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-accent" />
      </div>
      <button type="submit" disabled={pending}
        className="w-full rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-[#163d6c] disabled:opacity-60">
        {pending ? t("signin.submitting") : t("signin.submit")}
      </button>
    </form>
  );
}
