/** The UI locale of the current request: the "locale" cookie, else the browser's Accept-Language. */
import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALES, localeFromAcceptLanguage, translator, type UiLocale } from "./messages";

export const LOCALE_COOKIE = "locale";

export async function getLocale(): Promise<UiLocale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if ((LOCALES as readonly string[]).includes(chosen ?? "")) return chosen as UiLocale;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export async function getTranslator() {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
