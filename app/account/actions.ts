"use server";
/**
 * The signed-in user's own account. Neither action revalidates the page: both end the current
 * session (new session version), and a re-render with the old cookie would show a signed-out
 * page before the client has signed in again (password change) or out (sign out everywhere).
 */
import { getActor } from "@/lib/server/actor";
import { runAction } from "@/lib/server/action-result";
import { changeOwnPassword, signOutEverywhere } from "@/lib/server/users";

export async function changeOwnPasswordAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    await changeOwnPassword(actor, input);
    return null;
  });
}

export async function signOutEverywhereAction() {
  const actor = await getActor();
  return runAction(() => signOutEverywhere(actor));
}
