import type { Metadata } from "next";
import "./globals.css";
import { getTranslator } from "@/lib/i18n/server";
import { I18nProvider } from "@/lib/i18n/client";
import { getActor } from "@/lib/server/actor";
import { SiteHeader } from "@/components/layout/site-header";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: { default: t("app.name"), template: `%s · ${t("app.name")}` }, description: t("app.tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await getTranslator();
  const actor = await getActor();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-paper font-sans text-ink antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t("nav.skipToContent")}
        </a>
        <I18nProvider locale={locale}>
          <SiteHeader actor={actor ? { name: actor.name, role: actor.role } : null} />
          <main id="main">{children}</main>
        </I18nProvider>
      </body>
    </html>
  );
}
