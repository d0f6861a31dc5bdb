/**
 * Comparing articles' source addresses, so that importing the same page twice is noticed even
 * when the two links differ in ways that do not change the page: a fragment, tracking
 * parameters (utm_*, fbclid, gclid), a trailing slash, upper-case host names. Framework-free.
 */

const TRACKING_PARAMS = /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|wt_mc|wt_zmc)$/i;

/** The address as stored: fragment and tracking parameters removed, host lower-cased by URL. */
export function normalizeSourceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  url.hash = "";
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  // A query emptied by the removal goes entirely (no lone "?").
  if (url.searchParams.size === 0) url.search = "";
  return url.href;
}

/** Every stored form the same page may have: as given, normalised, with and without a trailing slash. */
export function sourceUrlVariants(raw: string): string[] {
  const normalized = normalizeSourceUrl(raw);
  const variants = new Set([raw.trim(), normalized]);
  for (const v of [...variants]) {
    const url = /^([^?#]*?)(\/?)([?#].*)?$/.exec(v);
    if (!url) continue;
    const [, path, slash, rest = ""] = url;
    variants.add(slash ? `${path}${rest}` : `${path}/${rest}`);
  }
  return [...variants].filter(Boolean);
}
