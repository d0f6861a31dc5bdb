"use client";
/** The admin's account page: create form, the one-time temporary password, and the account list. */
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { CreateUserForm } from "./create-user-form";
import { TemporaryPassword } from "./temporary-password";
import { UserTable, type UserRowView } from "./user-table";
import { errorBox, noticeBox } from "./styles";

export type { UserRowView };

export interface AdminFeedback {
  notice: (text: string) => void;
  error: (text: string) => void;
  reveal: (name: string, password: string) => void;
}

export function UserAdmin({ users }: { users: UserRowView[] }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState<{ name: string; password: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const feedback: AdminFeedback = {
    notice: (text) => {
      setError(null);
      setNotice(text);
    },
    error: (text) => {
      setNotice(null);
      setError(text);
    },
    reveal: (name, password) => setRevealed({ name, password }),
  };

  return (
    <>
      <div aria-live="polite" className="mt-6 space-y-2 empty:hidden">
        {notice && <p className={noticeBox} data-testid="notice">{notice}</p>}
        {error && <p className={errorBox} data-testid="users-error">{error}</p>}
      </div>
      {revealed && <TemporaryPassword name={revealed.name} password={revealed.password} onDone={() => setRevealed(null)} />}
      <CreateUserForm feedback={feedback} />
      <UserTable users={users} feedback={feedback} currentUserLabel={t("users.you")} />
    </>
  );
}
