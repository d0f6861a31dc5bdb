"use client";
/** Creating an account: name, e-mail, role. The server generates the password and returns it once. */
import { useRef, useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { errorMessage } from "@/lib/i18n/messages";
import { LIMITS } from "@/lib/validation/fields";
import { ROLES } from "@/lib/validation/account";
import type { FieldErrors } from "@/lib/validation/errors";
import { createUserAction } from "@/app/admin/users/actions";
import { failureMessage } from "./action-message";
import { cardClass, inputClass, primaryButton } from "./styles";
import type { AdminFeedback } from "./user-admin";

export function CreateUserForm({ feedback }: { feedback: AdminFeedback }) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") };
    setPending(true);
    const result = await createUserAction(input).catch(() => null);
    setPending(false);
    if (result?.ok) {
      setErrors({});
      formRef.current?.reset();
      feedback.reveal(result.data.name, result.data.temporaryPassword);
      feedback.notice(t("users.createdNotice", { name: result.data.name }));
      return;
    }
    setErrors(result?.fields ?? {});
    feedback.error(result?.fields && !result.fields._ ? t("form.fixErrors") : failureMessage(t, result));
  }

  const aria = (name: string) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `new-${name}-error` : undefined });
  const fieldError = (name: string) =>
    errors[name] && <p id={`new-${name}-error`} className="mt-1 text-xs font-medium text-red-700">{errorMessage(t, errors[name])}</p>;

  return (
    <form ref={formRef} onSubmit={submit} noValidate className={cardClass} aria-labelledby="create-user-title" data-testid="create-user-form">
      <h2 id="create-user-title" className="font-serif text-xl font-semibold">{t("users.createTitle")}</h2>
      <div className="mt-4 grid gap-4 md:grid-cols-[1fr_1fr_12rem_auto] md:items-start">
        <div>
          <label htmlFor="new-name" className="block text-sm font-semibold">{t("users.name")}</label>
          <input id="new-name" name="name" autoComplete="off" maxLength={LIMITS.name} className={inputClass} {...aria("name")} />
          {fieldError("name")}
        </div>
        <div>
          <label htmlFor="new-email" className="block text-sm font-semibold">{t("users.email")}</label>
          <input id="new-email" name="email" type="email" autoComplete="off" maxLength={LIMITS.email} className={inputClass} {...aria("email")} />
          {fieldError("email")}
        </div>
        <div>
          <label htmlFor="new-role" className="block text-sm font-semibold">{t("users.role")}</label>
          <select id="new-role" name="role" defaultValue="REVIEWER" className={inputClass} {...aria("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{t(`role.${r}`)}</option>
            ))}
          </select>
          {fieldError("role")}
        </div>
        <button type="submit" disabled={pending} className={`${primaryButton} md:mt-6`}>
          {pending ? t("users.creating") : t("users.create")}
        </button>
      </div>
    </form>
  );
}
