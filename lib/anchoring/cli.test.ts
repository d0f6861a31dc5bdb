/** The `npm run anchor` command (scripts/anchor.ts): output shape and error handling. */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe as group, expect, it } from "vitest";
import { runCli } from "../../scripts/anchor";
import { describe } from "./selectors";

const root = fileURLToPath(new URL("../..", import.meta.url));
const article = join(root, "lib/anchoring/__fixtures__/putin-kim-nordkorea.de.txt");
const dir = mkdtempSync(join(tmpdir(), "anchor-cli-"));

function file(name: string, content: string): string {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", join(root, "scripts/anchor.ts"), ...args], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

group("scripts/anchor.ts", () => {
  const text = readFileSync(article, "utf8");
  const quote = "an die 4,8 Millionen Artilleriegeschosse";
  const at = text.indexOf(quote);
  const { quote: q } = describe(text, at, at + quote.length);
  const claims = [
    { id: "gone", exact: "Dieser Satz steht nicht im Artikel", prefix: "", suffix: "", start: 10, end: 44 },
    { id: "geschosse", exact: q.exact, prefix: q.prefix, suffix: q.suffix, start: at, end: at + quote.length },
  ];

  it("prints one JSON object with the time and the results in input order (as a process)", async () => {
    const ok = await cli(article, file("claims.json", JSON.stringify(claims)));
    expect(ok).toMatchObject({ code: 0, stderr: "" });
    const out = JSON.parse(ok.stdout);
    expect(out.elapsedMs).toEqual(expect.any(Number));
    expect(out.results).toEqual([
      { id: "gone", status: "orphaned", score: expect.any(Number) },
      { id: "geschosse", status: "anchored", start: at, end: at + quote.length, score: 1 },
    ]);
  });

  it("fails with exit code 2, a message on stderr and nothing on stdout", () => {
    const cases = [
      [article], // wrong argument count
      [join(dir, "missing.txt"), file("c2.json", "[]")],
      [article, file("bad.json", "[{")],
      [article, file("shape.json", JSON.stringify([{ id: 1, exact: "x" }]))],
      [article, file("range.json", JSON.stringify([{ ...claims[1], start: 5, end: 2 }]))],
    ];
    for (const args of cases) {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^anchor: .+\nusage: /);
    }
  });
});
