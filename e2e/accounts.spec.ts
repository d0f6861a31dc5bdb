/**
 * Accounts end to end: an admin creates accounts (temporary password shown once), changes a
 * role, disables an account; a user changes their password and signs out everywhere; wrong
 * passwords lock an account. Each change must refuse the old session cookie on the very next
 * request — also when the old cookie is replayed in a fresh browser context.
 * Uses fresh accounts only: the demo accounts are shared with the other spec files.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, ARTICLE_SLUG, readDb, signIn } from "./helpers";

// Serial: a failed step makes the rest meaningless. Generous timeouts: every sign-in runs bcrypt at cost 12.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const RUN = Date.now().toString(36);
const mail = (who: string) => `${who}-${RUN}@example.org`;
const SCREENSHOTS = "test-results/screenshots";

type Account = { name: string; email: string; password: string };

/** Creates an account through the admin page and returns it with its temporary password. */
async function createAccount(admin: Page, name: string, email: string, role = "Prüfer/in"): Promise<Account> {
  await admin.goto("/admin/users");
  const form = admin.getByTestId("create-user-form");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("E-Mail").fill(email);
  await form.getByLabel("Rolle").selectOption({ label: role });
  await form.getByRole("button", { name: "Konto anlegen" }).click();
  await expect(admin.getByTestId("notice")).toHaveText(`Konto für ${name} angelegt.`);
  const password = (await admin.getByTestId("temporary-password").textContent())!.trim();
  expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  return { name, email, password };
}

async function signInAdmin(page: Page) {
  await signIn(page, ACCOUNTS.admin, "/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Benutzer");
}

/** A separate browser (context) signed in as `account`. */
async function browserFor(browser: Browser, account: Account) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account);
  return { context, page };
}

/** The page no longer has a session: the header offers sign-in and the workspace sends to it. */
async function expectSignedOut(page: Page) {
  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
  await page.goto(`/review/${ARTICLE_SLUG}`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
}

/** Replays a saved cookie jar in a brand-new context: the old JWT itself must be refused. */
async function expectOldCookieRefused(browser: Browser, state: Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>) {
  expect(state.cookies.some((c) => c.name.includes("next-auth.session-token"))).toBe(true);
  const replay = await browser.newContext({ storageState: state });
  await expectSignedOut(await replay.newPage());
  await replay.close();
}

const row = (admin: Page, email: string) => admin.getByTestId("user-row").filter({ hasText: email });

test("an admin creates a reviewer, sees the temporary password once, and the reviewer signs in with it", async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole("link", { name: "Benutzer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Benutzer");
  const reviewer = await createAccount(page, "Rena Neumann", mail("rena"));
  await expect(page.getByTestId("temporary-password-panel")).toContainText("Wird nur jetzt angezeigt");
  await expect(row(page, reviewer.email)).toContainText("Aktiv");
  await expect(row(page, reviewer.email).getByLabel("Rolle von Rena Neumann")).toHaveValue("REVIEWER");
  await page.screenshot({ path: `${SCREENSHOTS}/admin-users.png`, fullPage: true });

  // Shown once: after a reload the password is nowhere on the page.
  await page.reload();
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);
  expect(await page.content()).not.toContain(reviewer.password);

  const { page: theirs, context } = await browserFor(browser, reviewer);
  await expect(theirs.getByTestId("signed-in-as")).toHaveText("Angemeldet als Rena Neumann · Prüfer/in");
  // Account management is not there for a reviewer: no header link, and the page does not exist.
  await expect(theirs.getByRole("link", { name: "Benutzer" })).toHaveCount(0);
  await theirs.goto("/admin/users");
  await expect(theirs.getByRole("heading", { level: 1 })).toHaveText("Nicht gefunden");
  await context.close();
});

test("a role change ends the user's sessions at once", async ({ page, browser }) => {
  await signInAdmin(page);
  const user = await createAccount(page, "Robert Rolle", mail("robert"));
  const { page: theirs, context } = await browserFor(browser, user);
  await theirs.goto(`/review/${ARTICLE_SLUG}`);
  await expect(theirs).toHaveURL(new RegExp(`/review/${ARTICLE_SLUG}$`));
  const oldState = await context.storageState();

  await row(page, user.email).getByLabel("Rolle von Robert Rolle").selectOption("EDITOR");
  await row(page, user.email).getByRole("button", { name: "Rolle ändern" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Robert Rolle hat jetzt die Rolle Redaktion. Die Sitzungen der Person wurden beendet.");

  await expectSignedOut(theirs);
  await expectOldCookieRefused(browser, oldState);
  await signIn(theirs, user);
  await expect(theirs.getByTestId("signed-in-as")).toHaveText("Angemeldet als Robert Rolle · Redaktion");
  await context.close();
});

test("disabling ends the sessions and refuses sign-in; re-enabling lets the user back in", async ({ page, browser }) => {
  await signInAdmin(page);
  const user = await createAccount(page, "Doris Dicht", mail("doris"));
  const { page: theirs, context } = await browserFor(browser, user);
  const oldState = await context.storageState();

  page.once("dialog", (dialog) => void dialog.accept());
  await row(page, user.email).getByRole("button", { name: "Sperren" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Doris Dicht ist gesperrt und wurde abgemeldet.");
  await expect(row(page, user.email)).toContainText("Gesperrt");

  await expectSignedOut(theirs);
  await expectOldCookieRefused(browser, oldState);
  await theirs.goto("/signin");
  await theirs.getByLabel("E-Mail").fill(user.email);
  await theirs.getByLabel("Passwort").fill(user.password);
  await theirs.getByRole("button", { name: "Anmelden" }).last().click();
  await expect(theirs.getByTestId("signin-error")).toHaveText("E-Mail oder Passwort ist falsch.");

  await row(page, user.email).getByRole("button", { name: "Entsperren" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Doris Dicht kann sich wieder anmelden.");
  await signIn(theirs, user);
  await context.close();
});

test("sign out everywhere ends every session, this browser's included", async ({ page, browser }) => {
  await signInAdmin(page);
  const user = await createAccount(page, "Eva Ende", mail("eva"));
  const first = await browserFor(browser, user);
  const second = await browserFor(browser, user);
  const oldState = await first.context.storageState();

  await first.page.getByRole("link", { name: "Mein Konto" }).click();
  await expect(first.page.getByRole("heading", { level: 1 })).toHaveText("Mein Konto");
  first.page.once("dialog", (dialog) => void dialog.accept());
  await first.page.getByRole("button", { name: "Überall abmelden" }).click();
  await expect(first.page).toHaveURL(/\/signin\?notice=signed-out-everywhere/);
  await expect(first.page.getByTestId("signin-notice")).toHaveText("Sie wurden auf allen Geräten abgemeldet. Melden Sie sich erneut an, um weiterzuarbeiten.");

  await expectSignedOut(first.page);
  await expectSignedOut(second.page);
  await expectOldCookieRefused(browser, oldState);
  await first.context.close();
  await second.context.close();
});

test("a user changes their own password; common passwords are refused with a clear message", async ({ page, browser }) => {
  await signInAdmin(page);
  const user = await createAccount(page, "Paula Pass", mail("paula"));
  const mine = await browserFor(browser, user);
  const otherDevice = await browserFor(browser, user);
  const oldState = await mine.context.storageState();
  const account = mine.page;
  await account.goto("/account");
  const form = account.getByTestId("change-password-form");
  const submit = async (current: string, next: string, repeat = next) => {
    await form.getByLabel("Aktuelles Passwort").fill(current);
    await form.getByLabel("Neues Passwort", { exact: true }).fill(next);
    await form.getByLabel("Neues Passwort wiederholen").fill(repeat);
    await form.getByRole("button", { name: "Passwort ändern" }).click();
  };

  await submit(user.password, "passwort123");
  await expect(form.locator("#newPassword-error")).toHaveText(/^Dieses Passwort gehört zu den häufigsten und ist leicht zu erraten\./);
  await expect(form.getByLabel("Neues Passwort", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await account.screenshot({ path: `${SCREENSHOTS}/account.png`, fullPage: true });
  await submit(user.password, "Kurz1");
  await expect(form.locator("#newPassword-error")).toHaveText("Verwenden Sie mindestens 8 Zeichen.");
  await submit(user.password, "Kaffeetasse-Regenschirm-47", "Kaffeetasse-Regenschirm-48");
  await expect(form.locator("#confirmPassword-error")).toHaveText("Die beiden Eingaben stimmen nicht überein.");
  await submit("nicht-das-passwort", "Kaffeetasse-Regenschirm-47");
  await expect(form.locator("#currentPassword-error")).toHaveText("Das aktuelle Passwort ist nicht korrekt.");

  await submit(user.password, "Kaffeetasse-Regenschirm-47");
  await expect(account.getByTestId("notice")).toHaveText("Passwort geändert. Ihre anderen Browser und Geräte wurden abgemeldet.");
  // This browser was signed in again with the new password; the other device and the old cookie were not.
  await account.reload();
  await expect(account.getByTestId("signed-in-as")).toHaveText("Angemeldet als Paula Pass · Prüfer/in");
  await expectSignedOut(otherDevice.page);
  await expectOldCookieRefused(browser, oldState);
  await signIn(otherDevice.page, { email: user.email, password: "Kaffeetasse-Regenschirm-47" });
  await mine.context.close();
  await otherDevice.context.close();
});

test("five wrong passwords lock the account and the form says when to try again", async ({ page, browser }) => {
  await signInAdmin(page);
  const user = await createAccount(page, "Lars Lock", mail("lars"));
  // Its own client address, so these failures do not count against the address every other
  // spec signs in from (next start keeps a client's X-Forwarded-For; see lib/domain/client-address.ts).
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
  const theirs = await context.newPage();
  await theirs.goto("/signin");
  const attempt = async (password: string) => {
    await theirs.getByLabel("E-Mail").fill(user.email);
    await theirs.getByLabel("Passwort").fill(password);
    await theirs.getByRole("button", { name: "Anmelden" }).last().click();
    await expect(theirs.getByRole("button", { name: "Anmelden" }).last()).toBeEnabled();
  };
  for (let i = 1; i <= 4; i++) {
    await attempt(`falsch-${i}`);
    await expect(theirs.getByTestId("signin-error")).toHaveText("E-Mail oder Passwort ist falsch.");
  }
  await attempt("falsch-5");
  const lockedUntil = readDb((db) => (db.prepare("SELECT lockedUntil FROM SignInThrottle WHERE key = ?").get(`account:${user.email}`) as { lockedUntil: number | string }).lockedUntil);
  const time = new Intl.DateTimeFormat("de-DE", { hour: "2-digit", minute: "2-digit" }).format(new Date(lockedUntil));
  const message = `Zu viele Fehlversuche. Versuchen Sie es ab ${time} Uhr erneut.`;
  await expect(theirs.getByTestId("signin-error")).toHaveText(message);

  // Even the right password is refused while the lock lasts.
  await attempt(user.password);
  await expect(theirs.getByTestId("signin-error")).toHaveText(message);
  await expect(theirs.getByTestId("signed-in-as")).toHaveCount(0);
  await context.close();
});
