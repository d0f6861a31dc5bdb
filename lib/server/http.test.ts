import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { handle, MAX_JSON_BODY_BYTES, readJsonBody } from "./http";

const SITE = "http://factcheck.test";

function request(method: string, headers: Record<string, string> = {}, body?: BodyInit): Request {
  return new Request(`${SITE}/api/v1/claims/c1/comments`, { method, headers: { host: "factcheck.test", ...headers }, body, duplex: "half" } as RequestInit);
}

describe("handle: route handlers check the origin themselves", () => {
  it("refuses a write from another origin or Origin null with 403 FORBIDDEN, without running the handler", async () => {
    const crossOrigin: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of crossOrigin) {
      let ran = false;
      const response = await handle(request("POST", headers), async () => {
        ran = true;
        return new Response(null, { status: 201 });
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
      expect(ran).toBe(false);
    }
  });

  it("runs writes from the site itself or from an API client without Origin, and any read", async () => {
    const created = async () => new Response(null, { status: 201 });
    expect((await handle(request("PATCH", { origin: SITE }), created)).status).toBe(201);
    expect((await handle(request("DELETE"), created)).status).toBe(201);
    expect((await handle(request("GET", { origin: "https://evil.example" }), created)).status).toBe(201);
  });

  it("answers a failure with a generic 500 that carries no message or stack of the error", async () => {
    const serverLog = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = new Error("SQLITE_BUSY: database is locked at /srv/app/lib/server/db.ts:12");
    const response = await handle(request("GET"), async () => {
      throw failure;
    });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/SQLITE|locked|db\.ts/);
    expect(serverLog).toHaveBeenCalledWith("API request failed", failure);
    serverLog.mockRestore();
  });
});

describe("readJsonBody", () => {
  const tooLarge = expect.objectContaining({ code: "PAYLOAD_TOO_LARGE" });

  it("answers a body cut off by the client with a 400, not an internal error", async () => {
    const serverLog = vi.spyOn(console, "error").mockImplementation(() => {});
    const cutOff = () =>
      new Request("http://localhost/api/v1/claims", {
        method: "POST",
        duplex: "half",
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"claimText": "ha'));
            controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
          },
        }),
      } as RequestInit);
    await expect(readJsonBody(cutOff())).rejects.toEqual(expect.objectContaining({ code: "BAD_REQUEST" }));
    const request = cutOff();
    const response = await handle(request, async () => Response.json(await readJsonBody(request)));
    expect(response.status).toBe(400);
    expect(serverLog).not.toHaveBeenCalled();
    serverLog.mockRestore();
  });

  it("reads a body up to the limit", async () => {
    const body = JSON.stringify({ body: "x".repeat(MAX_JSON_BODY_BYTES - 20) });
    expect(await readJsonBody(request("POST", {}, body))).toEqual({ body: "x".repeat(MAX_JSON_BODY_BYTES - 20) });
  });

  it("refuses a declared or actual body over the limit, also without Content-Length", async () => {
    await expect(readJsonBody(request("POST", { "content-length": String(MAX_JSON_BODY_BYTES + 1) }, "{}"))).rejects.toEqual(tooLarge);
    await expect(readJsonBody(request("POST", {}, `"${"x".repeat(MAX_JSON_BODY_BYTES)}"`))).rejects.toEqual(tooLarge);
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    await expect(readJsonBody(request("POST", {}, endless))).rejects.toEqual(tooLarge);
    // It stopped reading just past the limit instead of buffering the whole stream.
    expect(pulls).toBeLessThan(10);
  });

  it("refuses malformed JSON as a bad request", async () => {
    await expect(readJsonBody(request("POST", {}, "{not json"))).rejects.toEqual(expect.objectContaining({ code: "BAD_REQUEST" }));
  });
});

describe("route handlers", () => {
  const apiFolder = path.resolve(import.meta.dirname, "../../app/api");
  const routes = (readdirSync(apiFolder, { recursive: true }) as string[]).filter((file) => file.endsWith("route.ts"));

  it("run every exported method through handle(request, …), so none can skip the origin check", () => {
    expect(routes.length).toBeGreaterThan(5);
    for (const file of routes) {
      if (file.includes("[...nextauth]")) continue; // next-auth's own routes: CSRF token, and the proxy's origin check
      const source = readFileSync(path.join(apiFolder, file), "utf8");
      const methods = [...source.matchAll(/export (?:async )?function (GET|HEAD|POST|PUT|PATCH|DELETE)\(/g)];
      expect(methods.length, file).toBeGreaterThan(0);
      for (const method of methods) {
        const body = source.slice(method.index, source.indexOf("\n}\n", method.index));
        expect(body, `${file} ${method[1]}`).toMatch(/\bhandle\(request, /);
      }
    }
  });
});
