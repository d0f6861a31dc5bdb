import { isIP } from "node:net";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { classifyAddress, isPublicAddress, parseIPv4, parseIPv6 } from "./ip-address";

describe("parseIPv4", () => {
  it("reads strict dotted-decimal only", () => {
    expect(parseIPv4("0.0.0.0")).toBe(0);
    expect(parseIPv4("255.255.255.255")).toBe(0xffffffff);
    expect(parseIPv4("192.0.2.1")).toBe(0xc0000201);
    for (const bad of ["", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.-4", "0x7f.0.0.1", "1.2.3.4 ", "١.2.3.4", "1..3.4"]) {
      expect(parseIPv4(bad), bad).toBeNull();
    }
  });
});

describe("parseIPv6", () => {
  it("reads compressed, full, bracketed, zoned and IPv4-tailed forms", () => {
    expect(parseIPv6("::")).toBe(0n);
    expect(parseIPv6("::1")).toBe(1n);
    expect(parseIPv6("[::1]")).toBe(1n);
    expect(parseIPv6("0:0:0:0:0:0:0:1")).toBe(1n);
    expect(parseIPv6("fe80::1%eth0")).toBe((0xfe80n << 112n) | 1n);
    expect(parseIPv6("::ffff:127.0.0.1")).toBe((0xffffn << 32n) | 0x7f000001n);
    expect(parseIPv6("::ffff:7f00:1")).toBe(parseIPv6("::ffff:127.0.0.1"));
    expect(parseIPv6("1:2:3:4:5:6:7::")).toBe(parseIPv6("1:2:3:4:5:6:7:0"));
    expect(parseIPv6("FFFF::")).toBe(0xffffn << 112n);
  });

  it("refuses malformed text", () => {
    for (const bad of ["", ":", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "::g", ":1::", "1:::2", "::1.2.3", "1.2.3.4::", "::1.2.3.4:5", "::%", "1.2.3.4", "[::1", "1:2:3:4:5:6:7:8::"]) {
      expect(parseIPv6(bad), bad).toBeNull();
    }
  });

  it("agrees with node's own parser on what is an address", () => {
    const hexGroup = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    const address = fc.tuple(fc.array(hexGroup, { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })).map(([groups, from, len]) => {
      const to = Math.min(8, from + len);
      return len === 0 ? groups.join(":") : `${groups.slice(0, from).join(":")}::${groups.slice(to).join(":")}`;
    });
    fc.assert(
      fc.property(address, (text) => {
        expect(parseIPv6(text) !== null, text).toBe(isIP(text) === 6);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789abcdef:.%"), maxLength: 20 }), (text) => {
        if (!text.includes("%")) expect(parseIPv6(text) !== null, text).toBe(isIP(text) === 6);
      }),
    );
  });
});

describe("classifyAddress", () => {
  const cases: [string, string][] = [
    ["93.184.216.34", "public"],
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "shared"],
    ["100.127.255.255", "shared"],
    ["100.128.0.1", "public"],
    ["169.254.169.254", "link-local"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.10", "documentation"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.255", "benchmarking"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["2606:4700:4700::1111", "public"],
    ["2a00:1450:4001:80b::200e", "public"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::ffff:127.0.0.1", "ipv4-mapped"],
    ["::ffff:8.8.8.8", "ipv4-mapped"],
    ["::ffff:a9fe:a9fe", "ipv4-mapped"],
    ["::127.0.0.1", "reserved"],
    ["64:ff9b::a00:1", "ipv4-translated"],
    ["2002:a00:1::", "tunnel"],
    ["2001:0:4136:e378::1", "tunnel"],
    ["2001:db8::1", "documentation"],
    ["fc00::1", "unique-local"],
    ["fd12:3456:789a::1", "unique-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf::1", "link-local"],
    ["fec0::1", "site-local"],
    ["ff02::1", "multicast"],
    ["100::1", "discard"],
    ["4000::1", "reserved"],
    ["localhost", "invalid"],
    ["", "invalid"],
    ["127.1", "invalid"],
  ];
  it.each(cases)("%s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
    expect(isPublicAddress(address)).toBe(kind === "public");
  });

  it("never calls an IPv4 address in a private range public, in any IPv6 disguise", () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const privateV4 = fc.oneof(
      fc.tuple(fc.constant(10), octet, octet, octet),
      fc.tuple(fc.constant(127), octet, octet, octet),
      fc.tuple(fc.constant(169), fc.constant(254), octet, octet),
      fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), octet, octet),
      fc.tuple(fc.constant(192), fc.constant(168), octet, octet),
      fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), octet, octet),
    );
    fc.assert(
      fc.property(privateV4, ([a, b, c, d]) => {
        const dotted = `${a}.${b}.${c}.${d}`;
        const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        for (const form of [dotted, `::ffff:${dotted}`, `::ffff:${hex}`, `::${dotted}`, `64:ff9b::${dotted}`, `2002:${hex}::1`, `0:0:0:0:0:ffff:${hex}`]) {
          expect(isPublicAddress(form), form).toBe(false);
        }
      }),
    );
  });

  it("calls only global unicast IPv6 public", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (value) => {
        const text = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(":");
        if (isPublicAddress(text)) expect(value >> 125n).toBe(1n);
      }),
    );
  });
});
