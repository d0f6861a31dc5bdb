"use server";
/** Account management for admins: thin wrappers; lib/server/users.ts checks rights and input. */
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/server/actor";
import { runAction } from "@/lib/server/action-result";
import { createUser, resetUserPassword, setUserDisabled, setUserRole } from "@/lib/server/users";

const PAGE = "/admin/users";

export async function createUserAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const { user, temporaryPassword } = await createUser(actor, input);
    revalidatePath(PAGE);
    return { name: user.name, temporaryPassword };
  });
}

export async function setUserRoleAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const user = await setUserRole(actor, input);
    revalidatePath(PAGE);
    return { name: user.name, role: user.role };
  });
}

export async function setUserDisabledAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const user = await setUserDisabled(actor, input);
    revalidatePath(PAGE);
    return { name: user.name, disabled: user.disabledAt !== null };
  });
}

export async function resetUserPasswordAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const { user, temporaryPassword } = await resetUserPassword(actor, input);
    revalidatePath(PAGE);
    return { name: user.name, temporaryPassword };
  });
}
