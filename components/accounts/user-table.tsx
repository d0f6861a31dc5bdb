"use client";
/**
 * The list of accounts with the admin's actions per row. Your own row has no role, disable or
 * reset controls: the server refuses those for yourself anyway (you would lock yourself out).
 */
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { ROLES } from "@/lib/validation/account";
import { resetUserPasswordAction, setUserDisabledAction, setUserRoleAction } from "@/app/admin/users/actions";
import { failureMessage } from "./action-message";
import { secondaryButton } from "./styles";
import type { AdminFeedback } from "./user-admin";

type Role = (typeof ROLES)[number];

export interface UserRowView {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  created: string;
  isSelf: boolean;
}

const cell = "px-4 py-3 align-middle";

export function UserTable({ users, feedback, currentUserLabel }: { users: UserRowView[]; feedback: AdminFeedback; currentUserLabel: string }) {
  const { t } = useI18n();
  const head = ["users.name", "users.email", "users.role", "users.status", "users.created", "users.actions"] as const;
  return (
    <div className="mt-8 overflow-x-auto rounded-lg border border-rule bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="user-table">
        <caption className="sr-only">{t("users.title")}</caption>
        <thead className="border-b border-rule bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            {head.map((key) => (
              <th key={key} scope="col" className="px-4 py-3">{t(key)}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-rule">
          {users.map((u) => (
            // Keyed by role and status too, so the row's local state restarts when the server changes them.
            <UserRow key={`${u.id}:${u.role}:${u.disabled}`} user={u} feedback={feedback} currentUserLabel={currentUserLabel} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserRow({ user, feedback, currentUserLabel }: { user: UserRowView; feedback: AdminFeedback; currentUserLabel: string }) {
  const { t } = useI18n();
  const [role, setRole] = useState<Role>(user.role);
  const [busy, setBusy] = useState(false);

  async function run<T>(work: () => Promise<{ ok: true; data: T } | { ok: false; code: string; message: string; fields?: Record<string, string> }>, done: (data: T) => void) {
    setBusy(true);
    const result = await work().catch(() => null);
    setBusy(false);
    if (result?.ok) done(result.data);
    else feedback.error(failureMessage(t, result));
  }

  const changeRole = () =>
    run(
      () => setUserRoleAction({ userId: user.id, role }),
      (data) => feedback.notice(t("users.roleChanged", { name: data.name, role: t(`role.${data.role}`) })),
    );
  const toggleDisabled = () => {
    if (!user.disabled && !window.confirm(t("users.confirmDisable", { name: user.name }))) return;
    return run(
      () => setUserDisabledAction({ userId: user.id, disabled: !user.disabled }),
      (data) => feedback.notice(t(data.disabled ? "users.disabledNotice" : "users.enabledNotice", { name: data.name })),
    );
  };
  const resetPassword = () => {
    if (!window.confirm(t("users.confirmReset", { name: user.name }))) return;
    return run(
      () => resetUserPasswordAction({ userId: user.id }),
      (data) => {
        feedback.reveal(data.name, data.temporaryPassword);
        feedback.notice(t("users.resetNotice", { name: data.name }));
      },
    );
  };

  return (
    <tr data-testid="user-row" data-email={user.email} className={user.disabled ? "bg-slate-50 text-slate-500" : undefined}>
      <td className={`${cell} font-medium text-ink`}>
        {user.name}
        {user.isSelf && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{currentUserLabel}</span>}
      </td>
      <td className={cell}>{user.email}</td>
      <td className={cell}>
        {user.isSelf ? (
          <span>{t(`role.${user.role}`)}</span>
        ) : (
          <div className="flex items-center gap-2">
            <select
              aria-label={t("users.roleOf", { name: user.name })}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              disabled={busy}
              className="rounded border border-slate-300 bg-white px-2 py-1 focus:border-accent disabled:bg-slate-50"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>{t(`role.${r}`)}</option>
              ))}
            </select>
            {role !== user.role && (
              <button type="button" onClick={changeRole} disabled={busy} className={secondaryButton}>
                {t("users.applyRole")}
              </button>
            )}
          </div>
        )}
      </td>
      <td className={cell}>
        {user.disabled ? (
          <span className="rounded bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800">{t("users.disabled")}</span>
        ) : (
          <span className="rounded bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-900">{t("users.active")}</span>
        )}
      </td>
      <td className={`${cell} whitespace-nowrap`}>{user.created}</td>
      <td className={cell}>
        {!user.isSelf && (
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={toggleDisabled} disabled={busy} className={secondaryButton}>
              {user.disabled ? t("users.enable") : t("users.disable")}
            </button>
            <button type="button" onClick={resetPassword} disabled={busy} className={secondaryButton}>
              {t("users.resetPassword")}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
