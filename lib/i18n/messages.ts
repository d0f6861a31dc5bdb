/**
 * UI text in German and English. English is the reference: German must have every key
 * (the type enforces it). Placeholders are {name}.
 */
const en = {
  "app.name": "Faktenprüfer",
  "app.tagline": "Fact-checks, anchored to the words.",
  "nav.home": "Articles",
  "nav.signIn": "Sign in",
  "nav.signOut": "Sign out",
  "nav.language": "Language",
  "nav.skipToContent": "Skip to content",
  "nav.signedInAs": "Signed in as {name}",
  "role.ADMIN": "Admin",
  "role.EDITOR": "Editor",
  "role.REVIEWER": "Reviewer",

  "home.title": "Checked articles",
  "home.intro": "News articles with their checked claims. Open one to see each verdict on the passage it refers to.",
  "home.empty": "No articles yet.",
  "home.emptyStaff": "No articles yet. Add the first one.",
  "home.addArticle": "Add article",
  "home.claimsChecked": "{count} claims checked",
  "home.oneClaimChecked": "1 claim checked",
  "home.noClaims": "No published checks yet",
  "progress.label": "Review progress",
  "progress.needsAttention": "{count} need re-review",
  "home.read": "Read",
  "home.review": "Review",

  "signin.title": "Sign in",
  "signin.intro": "For fact-checkers and editors. Readers need no account.",
  "signin.email": "E-mail",
  "signin.password": "Password",
  "signin.submit": "Sign in",
  "signin.submitting": "Signing in…",
  "signin.failed": "E-mail or password is incorrect.",
  "signin.error": "Sign-in is not available right now. Please try again.",

  "reader.byline": "{publisher}, {date}",
  "reader.original": "Original article",
  "reader.summary": "{count} claims checked",
  "reader.summaryOne": "1 claim checked",
  "reader.summaryNone": "No claims in this article have been checked yet.",
  "reader.legend": "Verdicts in this article",
  "reader.claimsList": "Checked claims in reading order",
  "reader.claimant": "Claim by {claimant}",
  "reader.claimAsChecked": "Claim as checked",
  "reader.rationale": "Why",
  "reader.sources": "Sources",
  "reader.close": "Close",
  "reader.checkedBy": "Reviewed by {name} on {date}",
  "reader.publishedOn": "Published on {date}",
  "reader.corrections": "Correction",
  "reader.highlightLabel": "Checked claim, verdict: {verdict}. {quote}",
  "reader.openCard": "Open fact-check",
  "reader.review": "Open in review workspace",

  "stance.SUPPORTS": "Supports",
  "stance.REFUTES": "Refutes",
  "stance.CONTEXT": "Context",

  "workspace.title": "Review: {title}",
  "workspace.claims": "Claims",
  "workspace.noClaims": "No claims yet. Select a passage in the article and choose “Add claim”.",
  "workspace.hint": "Select a passage with the mouse, or focus the article, hold Shift and use the arrow keys, then press Enter.",
  "workspace.addClaim": "Add claim",
  "workspace.edit": "Edit",
  "workspace.delete": "Delete",
  "workspace.confirmDelete": "Delete this claim? It disappears from the article and the reader view.",
  "workspace.deleted": "Claim deleted.",
  "workspace.saved": "Claim saved.",
  "workspace.status.DRAFT": "Draft",
  "workspace.status.IN_REVIEW": "In review",
  "workspace.status.APPROVED": "Approved",
  "workspace.status.PUBLISHED": "Published",
  "workspace.status.RETRACTED": "Retracted",
  "workspace.by": "by {name}",
  "workspace.readerView": "Reader view",
  "workspace.selectionOutside": "Select text inside the article.",
  "workspace.selectionEmpty": "The selection is empty. Select the words of the claim.",
  "workspace.passage": "Passage",

  "form.newClaim": "New claim",
  "form.editClaim": "Edit claim",
  "form.claimText": "Claim as checked",
  "form.claimTextHelp": "Rephrase the claim so it can be checked on its own.",
  "form.claimant": "Claimant",
  "form.claimantHelp": "Who made the claim, e.g. “Shin Won-sik”.",
  "form.verdict": "Verdict",
  "form.rationale": "Rationale",
  "form.sources": "Sources",
  "form.source": "Source {n}",
  "form.addSource": "Add source",
  "form.removeSource": "Remove source {n}",
  "form.sourceUrl": "Link",
  "form.sourceTitle": "Title",
  "form.sourcePublisher": "Publisher",
  "form.sourceDate": "Date",
  "form.sourceExcerpt": "Supporting excerpt",
  "form.sourceStance": "Stance",
  "form.published": "Publish now (visible to readers)",
  "form.save": "Save claim",
  "form.saving": "Saving…",
  "form.cancel": "Cancel",
  "form.fixErrors": "Please correct the marked fields.",

  "article.new": "Add an article",
  "article.newIntro": "Paste the article's text. Separate paragraphs with a blank line; the first paragraph is the lead.",
  "article.title": "Title",
  "article.sourceUrl": "Original URL",
  "article.publisher": "Publisher",
  "article.publishedAt": "Publication date",
  "article.language": "Language",
  "article.text": "Article text",
  "article.save": "Add article",
  "article.saving": "Adding…",
  "language.de": "German",
  "language.en": "English",

  "error.required": "This field is required.",
  "error.too_long": "At most {max} characters.",
  "error.too_many": "At most {max} entries.",
  "error.invalid_url": "Enter a link starting with http:// or https://.",
  "error.invalid_date": "Enter a valid date.",
  "error.invalid_choice": "Choose one of the options.",
  "error.source_required": "Add at least one source.",
  "error.empty_selection": "The selection is empty.",
  "error.outside_article": "The selection lies outside the article text.",
  "error.generic": "Something went wrong. Nothing was saved; please try again.",
  "error.notFound": "Not found",
  "error.notFoundText": "There is nothing at this address.",
  "error.backHome": "Back to the articles",
  "loading": "Loading…",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const de: Messages = {
  "app.name": "Faktenprüfer",
  "app.tagline": "Faktenchecks, verankert an den Worten.",
  "nav.home": "Artikel",
  "nav.signIn": "Anmelden",
  "nav.signOut": "Abmelden",
  "nav.language": "Sprache",
  "nav.skipToContent": "Zum Inhalt springen",
  "nav.signedInAs": "Angemeldet als {name}",
  "role.ADMIN": "Admin",
  "role.EDITOR": "Redaktion",
  "role.REVIEWER": "Prüfer/in",

  "home.title": "Geprüfte Artikel",
  "home.intro": "Nachrichtenartikel mit ihren geprüften Aussagen. Öffnen Sie einen Artikel, um jedes Urteil an der Textstelle zu sehen, auf die es sich bezieht.",
  "home.empty": "Noch keine Artikel.",
  "home.emptyStaff": "Noch keine Artikel. Fügen Sie den ersten hinzu.",
  "home.addArticle": "Artikel hinzufügen",
  "home.claimsChecked": "{count} Aussagen geprüft",
  "home.oneClaimChecked": "1 Aussage geprüft",
  "home.noClaims": "Noch keine veröffentlichten Prüfungen",
  "progress.label": "Prüfstand",
  "progress.needsAttention": "{count} erneut prüfen",
  "home.read": "Lesen",
  "home.review": "Prüfen",

  "signin.title": "Anmelden",
  "signin.intro": "Für Faktenprüfer und Redaktion. Leserinnen und Leser brauchen kein Konto.",
  "signin.email": "E-Mail",
  "signin.password": "Passwort",
  "signin.submit": "Anmelden",
  "signin.submitting": "Anmeldung läuft …",
  "signin.failed": "E-Mail oder Passwort ist falsch.",
  "signin.error": "Die Anmeldung ist gerade nicht möglich. Bitte versuchen Sie es erneut.",

  "reader.byline": "{publisher}, {date}",
  "reader.original": "Originalartikel",
  "reader.summary": "{count} Aussagen geprüft",
  "reader.summaryOne": "1 Aussage geprüft",
  "reader.summaryNone": "In diesem Artikel wurde noch keine Aussage geprüft.",
  "reader.legend": "Urteile in diesem Artikel",
  "reader.claimsList": "Geprüfte Aussagen in Lesereihenfolge",
  "reader.claimant": "Aussage von {claimant}",
  "reader.claimAsChecked": "Geprüfte Aussage",
  "reader.rationale": "Begründung",
  "reader.sources": "Quellen",
  "reader.close": "Schließen",
  "reader.checkedBy": "Gegengeprüft von {name} am {date}",
  "reader.publishedOn": "Veröffentlicht am {date}",
  "reader.corrections": "Korrektur",
  "reader.highlightLabel": "Geprüfte Aussage, Urteil: {verdict}. {quote}",
  "reader.openCard": "Faktencheck öffnen",
  "reader.review": "Im Prüf-Arbeitsbereich öffnen",

  "stance.SUPPORTS": "Stützt",
  "stance.REFUTES": "Widerlegt",
  "stance.CONTEXT": "Kontext",

  "workspace.title": "Prüfung: {title}",
  "workspace.claims": "Aussagen",
  "workspace.noClaims": "Noch keine Aussagen. Markieren Sie eine Textstelle im Artikel und wählen Sie „Aussage hinzufügen“.",
  "workspace.hint": "Markieren Sie eine Textstelle mit der Maus – oder setzen Sie den Fokus in den Artikel, halten Sie die Umschalttaste, wählen Sie mit den Pfeiltasten und drücken Sie Enter.",
  "workspace.addClaim": "Aussage hinzufügen",
  "workspace.edit": "Bearbeiten",
  "workspace.delete": "Löschen",
  "workspace.confirmDelete": "Diese Aussage löschen? Sie verschwindet aus dem Artikel und der Leseransicht.",
  "workspace.deleted": "Aussage gelöscht.",
  "workspace.saved": "Aussage gespeichert.",
  "workspace.status.DRAFT": "Entwurf",
  "workspace.status.IN_REVIEW": "In Prüfung",
  "workspace.status.APPROVED": "Freigegeben",
  "workspace.status.PUBLISHED": "Veröffentlicht",
  "workspace.status.RETRACTED": "Zurückgezogen",
  "workspace.by": "von {name}",
  "workspace.readerView": "Leseransicht",
  "workspace.selectionOutside": "Markieren Sie Text innerhalb des Artikels.",
  "workspace.selectionEmpty": "Die Markierung ist leer. Markieren Sie die Worte der Aussage.",
  "workspace.passage": "Textstelle",

  "form.newClaim": "Neue Aussage",
  "form.editClaim": "Aussage bearbeiten",
  "form.claimText": "Geprüfte Aussage",
  "form.claimTextHelp": "Formulieren Sie die Aussage so, dass sie für sich allein prüfbar ist.",
  "form.claimant": "Urheber/in",
  "form.claimantHelp": "Wer die Aussage gemacht hat, z. B. „Shin Won-sik“.",
  "form.verdict": "Urteil",
  "form.rationale": "Begründung",
  "form.sources": "Quellen",
  "form.source": "Quelle {n}",
  "form.addSource": "Quelle hinzufügen",
  "form.removeSource": "Quelle {n} entfernen",
  "form.sourceUrl": "Link",
  "form.sourceTitle": "Titel",
  "form.sourcePublisher": "Herausgeber",
  "form.sourceDate": "Datum",
  "form.sourceExcerpt": "Belegstelle",
  "form.sourceStance": "Bezug",
  "form.published": "Sofort veröffentlichen (für Leser sichtbar)",
  "form.save": "Aussage speichern",
  "form.saving": "Wird gespeichert …",
  "form.cancel": "Abbrechen",
  "form.fixErrors": "Bitte korrigieren Sie die markierten Felder.",

  "article.new": "Artikel hinzufügen",
  "article.newIntro": "Fügen Sie den Text des Artikels ein. Trennen Sie Absätze durch eine Leerzeile; der erste Absatz ist der Vorspann.",
  "article.title": "Titel",
  "article.sourceUrl": "Original-URL",
  "article.publisher": "Medium",
  "article.publishedAt": "Erscheinungsdatum",
  "article.language": "Sprache",
  "article.text": "Artikeltext",
  "article.save": "Artikel hinzufügen",
  "article.saving": "Wird hinzugefügt …",
  "language.de": "Deutsch",
  "language.en": "Englisch",

  "error.required": "Dieses Feld ist erforderlich.",
  "error.too_long": "Höchstens {max} Zeichen.",
  "error.too_many": "Höchstens {max} Einträge.",
  "error.invalid_url": "Geben Sie einen Link ein, der mit http:// oder https:// beginnt.",
  "error.invalid_date": "Geben Sie ein gültiges Datum ein.",
  "error.invalid_choice": "Wählen Sie eine der Möglichkeiten.",
  "error.source_required": "Fügen Sie mindestens eine Quelle hinzu.",
  "error.empty_selection": "Die Markierung ist leer.",
  "error.outside_article": "Die Markierung liegt außerhalb des Artikeltexts.",
  "error.generic": "Etwas ist schiefgegangen. Es wurde nichts gespeichert; bitte versuchen Sie es erneut.",
  "error.notFound": "Nicht gefunden",
  "error.notFoundText": "Unter dieser Adresse gibt es nichts.",
  "error.backHome": "Zurück zu den Artikeln",
  loading: "Wird geladen …",
};

export const LOCALES = ["de", "en"] as const;
export type UiLocale = (typeof LOCALES)[number];
export const MESSAGES: Record<UiLocale, Messages> = { en, de };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: UiLocale): Translate {
  const messages = MESSAGES[locale];
  return (key, vars) => messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`));
}

/** Turns a validation code such as "too_long:300" into a sentence. */
export function errorMessage(t: Translate, code: string): string {
  const [name, arg] = code.split(":");
  const key = `error.${name}` as MessageKey;
  return key in en ? t(key, { max: arg ?? "" }) : code;
}

/** Picks de or en from an Accept-Language header (first supported language wins). */
export function localeFromAcceptLanguage(header: string | null): UiLocale {
  if (!header) return "de";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (base === "de" || base === "en") return base;
  }
  return "de";
}

export function formatDate(date: Date, locale: UiLocale): string {
  return new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}
