import { describe, expect, it, vi } from "vitest";

// A PostgreSQL server nobody listens for: the database cannot answer. Set before the data layer loads.
process.env.DATABASE_URL = "postgresql://factcheck:secret-password@127.0.0.1:1/factcheck";
const { GET } = await import("../../app/api/health/route");

describe("GET /api/health", () => {
  it("answers 503 without any detail of the failure when the database does not answer", async () => {
    const serverLog = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await GET(new Request("http://factcheck.test/api/health"));
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "unavailable" });
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|secret-password|postgres/i);
    // The reason is for the operator: in the server log.
    expect(serverLog).toHaveBeenCalledWith("Health check: the database did not answer", expect.anything());
    serverLog.mockRestore();
  });
});
