/**
 * Copies `keys` off `row`. One list serves as both the type (`Pick<T, K>`) and what is copied, so
 * a view built with it cannot carry a column its list does not name.
 */
export function pick<T, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = row[key];
  return out;
}
