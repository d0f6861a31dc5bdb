/**
 * Which IP addresses the server may connect to when it fetches a page for someone.
 *
 * Fetching a URL on a user's behalf must not reach the server's own network (SSRF): the cloud
 * metadata service at 169.254.169.254, a database on 127.0.0.1, an intranet host on 10.x. The
 * rule is deny by default: an address is "public" only if it is well-formed, lies in the
 * global unicast space and in none of the special-purpose ranges of the IANA registries
 * (RFC 6890 and successors). Forms that embed an IPv4 address in IPv6 (mapped, NAT64, 6to4,
 * Teredo) are refused outright: they could smuggle a private IPv4 address past the check.
 *
 * Framework-free; the URL fetcher (lib/server/safe-fetch.ts) calls `isPublicAddress` on every
 * address a host name resolves to.
 */

export type AddressKind =
  | "public"
  | "invalid"
  | "unspecified"
  | "loopback"
  | "private"
  | "shared" // 100.64.0.0/10, carrier-grade NAT
  | "link-local"
  | "multicast"
  | "broadcast"
  | "documentation"
  | "benchmarking"
  | "reserved"
  | "ipv4-mapped"
  | "ipv4-translated" // NAT64
  | "tunnel" // 6to4, Teredo
  | "discard"
  | "unique-local"
  | "site-local";

/** Parses strict dotted-decimal IPv4 ("192.0.2.1") into a 32-bit unsigned number, else null. */
export function parseIPv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    // No leading zeros: "010" means 8 to some parsers and 10 to others, so it is refused.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

/**
 * Parses an IPv6 address into a 128-bit bigint, else null. Accepts "::" compression, an
 * embedded dotted IPv4 tail ("::ffff:192.0.2.1"), surrounding brackets and a zone id ("%eth0").
 */
export function parseIPv6(text: string): bigint | null {
  let s = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const zone = s.indexOf("%");
  if (zone >= 0) {
    if (zone === s.length - 1) return null;
    s = s.slice(0, zone);
  }
  const lastColon = s.lastIndexOf(":");
  if (lastColon < 0) return null;
  // A dotted IPv4 tail becomes its two hex groups, so the rest deals with hex groups only.
  const tail = s.slice(lastColon + 1);
  if (tail.includes(".")) {
    const ipv4 = parseIPv4(tail);
    if (ipv4 === null) return null;
    s = `${s.slice(0, lastColon + 1)}${(ipv4 >>> 16).toString(16)}:${(ipv4 & 0xffff).toString(16)}`;
  }

  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = hexGroups(halves[0]);
  const rest = halves.length === 2 ? hexGroups(halves[1]) : [];
  if (!head || !rest) return null;
  const count = head.length + rest.length;
  // Without "::" there must be eight groups; "::" stands for at least one zero group.
  if (halves.length === 1 ? count !== 8 : count > 7) return null;

  const groups = [...head, ...Array<number>(8 - count).fill(0), ...rest];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

function hexGroups(side: string): number[] | null {
  if (side === "") return [];
  const parts = side.split(":");
  if (!parts.every((p) => /^[0-9a-fA-F]{1,4}$/.test(p))) return null;
  return parts.map((p) => parseInt(p, 16));
}

interface Range<T> {
  base: T;
  bits: number;
  kind: AddressKind;
}

function v4(cidr: string, kind: AddressKind): Range<number> {
  const [address, bits] = cidr.split("/");
  return { base: parseIPv4(address)!, bits: Number(bits), kind };
}

function v6(cidr: string, kind: AddressKind): Range<bigint> {
  const [address, bits] = cidr.split("/");
  return { base: parseIPv6(address)!, bits: Number(bits), kind };
}

// IANA IPv4 Special-Purpose Address Registry, plus multicast and the old class E space.
// 192.0.0.0/24 holds a few globally reachable anycast services; refusing them costs nothing.
const IPV4_RANGES: Range<number>[] = [
  v4("255.255.255.255/32", "broadcast"),
  v4("0.0.0.0/8", "unspecified"),
  v4("10.0.0.0/8", "private"),
  v4("100.64.0.0/10", "shared"),
  v4("127.0.0.0/8", "loopback"),
  v4("169.254.0.0/16", "link-local"),
  v4("172.16.0.0/12", "private"),
  v4("192.0.0.0/24", "reserved"),
  v4("192.0.2.0/24", "documentation"),
  v4("192.88.99.0/24", "reserved"),
  v4("192.168.0.0/16", "private"),
  v4("198.18.0.0/15", "benchmarking"),
  v4("198.51.100.0/24", "documentation"),
  v4("203.0.113.0/24", "documentation"),
  v4("224.0.0.0/4", "multicast"),
  v4("240.0.0.0/4", "reserved"),
];

// IANA IPv6 Special-Purpose Address Registry. Checked in order, most specific first; anything
// outside 2000::/3 (global unicast) is refused as reserved at the end.
const IPV6_RANGES: Range<bigint>[] = [
  v6("::/128", "unspecified"),
  v6("::1/128", "loopback"),
  v6("::ffff:0:0/96", "ipv4-mapped"),
  v6("64:ff9b::/96", "ipv4-translated"),
  v6("64:ff9b:1::/48", "ipv4-translated"),
  v6("100::/64", "discard"),
  v6("2001::/32", "tunnel"), // Teredo
  v6("2001:2::/48", "benchmarking"),
  v6("2001:db8::/32", "documentation"),
  v6("2001::/23", "reserved"), // IETF protocol assignments (ORCHID, AMT, …)
  v6("2002::/16", "tunnel"), // 6to4
  v6("3fff::/20", "documentation"),
  v6("fc00::/7", "unique-local"),
  v6("fe80::/10", "link-local"),
  v6("fec0::/10", "site-local"),
  v6("ff00::/8", "multicast"),
];
const GLOBAL_UNICAST = v6("2000::/3", "public");

function inV4(address: number, range: Range<number>): boolean {
  const shift = 32 - range.bits;
  // Division instead of >>> so that a /0-style shift of 32 cannot wrap around.
  return Math.floor(address / 2 ** shift) === Math.floor(range.base / 2 ** shift);
}

function inV6(address: bigint, range: Range<bigint>): boolean {
  const shift = BigInt(128 - range.bits);
  return address >> shift === range.base >> shift;
}

/** Names the range an IP address (v4 or v6, as text) belongs to; "public" only for global unicast. */
export function classifyAddress(text: string): AddressKind {
  const ipv4 = parseIPv4(text);
  if (ipv4 !== null) return IPV4_RANGES.find((r) => inV4(ipv4, r))?.kind ?? "public";
  const ipv6 = parseIPv6(text);
  if (ipv6 === null) return "invalid";
  const special = IPV6_RANGES.find((r) => inV6(ipv6, r));
  if (special) return special.kind;
  return inV6(ipv6, GLOBAL_UNICAST) ? "public" : "reserved";
}

/** True only for a well-formed address the server may connect to on a user's behalf. */
export function isPublicAddress(text: string): boolean {
  return classifyAddress(text) === "public";
}
