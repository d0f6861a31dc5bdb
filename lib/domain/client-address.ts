/**
 * The client's address for sign-in throttling, from the X-Forwarded-For header.
 *
 * `next start` only fills X-Forwarded-For when the request has none, and a reverse proxy
 * (nginx's `$proxy_add_x_forwarded_for`, most load balancers) appends the address it saw. The
 * right-most entry is therefore the one written by the last hop we run; everything to its left
 * came from the client and can be forged. With `TRUST_PROXY=true` the deployment states that its
 * proxy replaces the header with the real client chain, so the left-most entry is the client.
 * Without any proxy in front, a client can send its own header: the per-account limit still
 * holds, but the per-address limit is then only as good as the header.
 */

/** Longest address kept (an IPv6 address with zone id fits); longer values are not addresses. */
const MAX_ADDRESS_LENGTH = 64;
const ADDRESS_CHARS = /^[0-9a-zA-Z.:%_-]+$/;

export const UNKNOWN_ADDRESS = "unknown";

type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined | null;

function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** Normalises one entry: strips brackets and ports, maps IPv4-in-IPv6 to IPv4. */
function normalise(entry: string): string {
  let address = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.toLowerCase().replace(/^::ffff:(\d{1,3}(\.\d{1,3}){3})$/, "$1");
  if (address.length === 0 || address.length > MAX_ADDRESS_LENGTH || !ADDRESS_CHARS.test(address)) return UNKNOWN_ADDRESS;
  return address;
}

export function clientAddress(headers: HeaderBag, trustProxy: boolean): string {
  const entries = (headerValue(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return UNKNOWN_ADDRESS;
  return normalise(trustProxy ? entries[0] : entries[entries.length - 1]);
}
