/** Settings from the environment, read in one place (see the README's configuration table). */
import "server-only";

/** The fact-checking organisation named as author of ClaimReviews and creator of annotations. */
export function organisation(origin: string): { name: string; url: string } {
  return {
    name: process.env.FACTCHECK_ORGANISATION || "Faktenprüfer",
    url: process.env.FACTCHECK_ORGANISATION_URL || process.env.PUBLIC_URL || origin,
  };
}
