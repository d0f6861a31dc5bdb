"use client";
/**
 * Changing one's own password. The server bumps the session version, which ends every session
 * including this browser's; the form then signs this browser in again with the new password it
 * already holds, so the person stays signed in here while every other device is signed out.
 * Should that fail, it sends them to the sign-in page with an explanation.
 */
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useI18n } from "@/lib/i18n/client";
import { errorMessage } from "@/lib/i18n/messages";
import { LIMITS } from "@/lib/validation/fields";
import type { FieldErrors } from "@/lib/validation/errors";
import { changeOwnPasswordAction } from "@/app/account/actions";
import { failureMessage } from "./action-message";
import { cardClass, errorBox, inputClass, noticeBox, primaryButton } from "./styles";

const FIELDS = [
  { name: "currentPassword", label: "account.currentPassword", autoComplete: "current-password" },
  { name: "newPassword", label: "account.newPassword", autoComplete: "new-password" },
  { name: "confirmPassword", label: "account.confirmPassword", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  function fail(fields: FieldErrors, text: string) {
    setErrors(fields);
    setMessage({ ok: false, text });
    setPending(false);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const [currentPassword, newPassword, confirmPassword] = FIELDS.map((f) => String(form.get(f.name) ?? ""));
    if (newPassword !== confirmPassword) return fail({ confirmPassword: "password_mismatch" }, t("form.fixErrors"));
    setPending(true);
    setMessage(null);
    const result = await changeOwnPasswordAction({ currentPassword, newPassword }).catch(() => null);
    if (!result?.ok) return fail(result?.fields ?? {}, result?.fields && !result.fields._ ? t("form.fixErrors") : failureMessage(t, result));

    const again = await signIn("credentials", { email, password: newPassword, redirect: false }).catch(() => null);
    if (!again?.ok) {
      router.push("/signin?callbackUrl=%2Faccount&notice=password-changed");
      return;
    }
    formElement.reset();
    setErrors({});
    setPending(false);
    setMessage({ ok: true, text: t("account.passwordChanged") });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className={`${cardClass} space-y-5`} aria-labelledby="password-title" data-testid="change-password-form">
      <div>
        <h2 id="password-title" className="font-serif text-xl font-semibold">{t("account.passwordTitle")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("account.passwordIntro")}</p>
      </div>
      {message && (
        <p role="status" data-testid={message.ok ? "notice" : "account-error"} className={message.ok ? noticeBox : errorBox}>
          {message.text}
        </p>
      )}
      {FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={f.name} className="block text-sm font-semibold">{t(f.label)}</label>
          <input
            id={f.name}
            name={f.name}
            type="password"
            autoComplete={f.autoComplete}
            maxLength={LIMITS.password}
            className={inputClass}
            aria-invalid={errors[f.name] ? true : undefined}
            aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
          />
          {errors[f.name] && (
            <p id={`${f.name}-error`} className="mt-1 text-xs font-medium text-red-700">{errorMessage(t, errors[f.name])}</p>
          )}
        </div>
      ))}
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t("account.changing") : t("account.changePassword")}
      </button>
    </form>
  );
}
