import { describe, expect, it } from "vitest";
import { UNKNOWN_ADDRESS, clientAddress } from "./client-address";
import { lockedMessage, lockedUntilFromError } from "./sign-in-lock";

describe("clientAddress", () => {
  const chain = { "x-forwarded-for": "198.51.100.7, 10.0.0.2, 203.0.113.9" };

  it("takes the right-most entry (the one our own proxy or next start wrote)", () => {
    expect(clientAddress(chain, false)).toBe("203.0.113.9");
  });

  it("takes the left-most entry when TRUST_PROXY says the proxy sets the whole header", () => {
    expect(clientAddress(chain, true)).toBe("198.51.100.7");
  });

  it("reads a Headers object and an array value too", () => {
    expect(clientAddress(new Headers({ "X-Forwarded-For": "192.0.2.1" }), false)).toBe("192.0.2.1");
    expect(clientAddress({ "x-forwarded-for": ["192.0.2.1", "192.0.2.2"] }, false)).toBe("192.0.2.2");
  });

  it("normalises IPv4-mapped IPv6, brackets and ports", () => {
    expect(clientAddress({ "x-forwarded-for": "::ffff:127.0.0.1" }, false)).toBe("127.0.0.1");
    expect(clientAddress({ "x-forwarded-for": "[2001:DB8::1]:443" }, false)).toBe("2001:db8::1");
    expect(clientAddress({ "x-forwarded-for": "192.0.2.1:51234" }, false)).toBe("192.0.2.1");
    expect(clientAddress({ "x-forwarded-for": "::1" }, false)).toBe("::1");
  });

  it("answers 'unknown' for a missing, empty or garbage header", () => {
    expect(clientAddress({}, false)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(undefined, false)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress({ "x-forwarded-for": " , " }, false)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress({ "x-forwarded-for": "<script>" }, false)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress({ "x-forwarded-for": "1".repeat(100) }, false)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("sign-in lock messages", () => {
  it("round-trips the lock time and ignores other errors", () => {
    const until = new Date("2026-03-02T17:45:00.000Z");
    expect(lockedMessage(until)).toBe("LOCKED:2026-03-02T17:45:00.000Z");
    expect(lockedUntilFromError(lockedMessage(until))).toEqual(until);
    expect(lockedUntilFromError("CredentialsSignin")).toBeNull();
    expect(lockedUntilFromError("LOCKED:nonsense")).toBeNull();
    expect(lockedUntilFromError(null)).toBeNull();
  });
});
