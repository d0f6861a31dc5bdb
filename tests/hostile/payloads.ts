/**
 * The hostile-input catalogue: every payload the data layer (tests/hostile-input.test.ts), the
 * JSON API and the rendered pages (e2e/hostile-input.spec.ts) are fed. Framework-free, so both
 * the vitest and the Playwright side import it.
 *
 * Each string payload carries its own id, so the browser checks can say which payload ran:
 * executable ones call `__pwned('<id>')` (a hook the e2e test installs) or `alert('<id>')` (a
 * dialog the e2e test records); the others merely contain the id as text.
 *
 * `extra-field` payloads are not field values but objects merged into an otherwise valid input
 * (fields the client must never set: status, authorId, id, version…); every other category is a
 * value put into one input field at a time.
 */

export type PayloadCategory =
  | "html"
  | "template"
  | "js-context"
  | "json-ld"
  | "css"
  | "url-scheme"
  | "url-http"
  | "bidi"
  | "zero-width"
  | "homoglyph"
  | "sql"
  | "size"
  | "unicode"
  | "whitespace"
  | "wrong-type"
  | "prototype-pollution"
  | "extra-field";

export interface Payload {
  id: string;
  category: PayloadCategory;
  value: unknown;
}

const catalogue: Payload[] = [];

/** Adds payloads of one category; `build` receives the payload's id, to embed as its marker. */
function add(category: PayloadCategory, prefix: string, builders: ((id: string) => unknown)[]) {
  builders.forEach((build, i) => {
    const id = `${prefix}${String(i + 1).padStart(2, "0")}`;
    catalogue.push({ id, category, value: build(id) });
  });
}

/** The JavaScript an executable payload runs: reports its id to the test's hook. */
const run = (id: string) => `__pwned('${id}')`;
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

add("html", "html", [
  (id) => `<script>${run(id)}</script>`,
  (id) => `<SCRIPT>${run(id)}</SCRIPT>`,
  (id) => `<script src="data:text/javascript,${run(id)}"></script>`,
  (id) => `<img src=x onerror=${run(id)}>`,
  (id) => `<img src="x" onerror="${run(id)}">`,
  (id) => `<IMG SRC=x OnErRoR=${run(id)}>`,
  (id) => `<img/src=x/onerror=${run(id)}>`,
  (id) => `<img src=x onerror=&#95;&#95;pwned('${id}')>`,
  (id) => `<svg onload=${run(id)}>`,
  (id) => `<svg><script>${run(id)}</script></svg>`,
  (id) => `<svg><animate onbegin=${run(id)} attributeName=x dur=1s>`,
  (id) => `"><script>${run(id)}</script>`,
  (id) => `'><img src=x onerror=${run(id)}>`,
  (id) => `" autofocus onfocus="${run(id)}" x="`,
  (id) => `' onmouseover='${run(id)}' x='`,
  (id) => `<iframe srcdoc="<script>parent.${run(id)}</script>"></iframe>`,
  (id) => `<iframe src="javascript:parent.${run(id)}"></iframe>`,
  (id) => `<body onload=${run(id)}>`,
  (id) => `<details open ontoggle=${run(id)}>`,
  (id) => `<input autofocus onfocus=${run(id)}>`,
  (id) => `<a href="javascript:${run(id)}">${id}</a>`,
  (id) => `<math><mtext><table><mglyph><style><img src=x onerror=${run(id)}>`,
  (id) => `<noscript><p title="</noscript><img src=x onerror=${run(id)}>">`,
  (id) => `<object data="javascript:${run(id)}"></object>`,
  (id) => `<embed src="javascript:${run(id)}">`,
  (id) => `<video><source onerror=${run(id)}></video>`,
  (id) => `<marquee onstart=${run(id)}>${id}</marquee>`,
  (id) => `<base href="javascript:${run(id)}//">`,
  (id) => `<meta http-equiv="refresh" content="0;url=javascript:${run(id)}">`,
  (id) => `<form><button formaction="javascript:${run(id)}">${id}</button></form>`,
  (id) => `<scr<script>ipt>${run(id)}</scr</script>ipt>`,
  (id) => `<template><script>${run(id)}</script></template>`,
  (id) => `<!--<img src="--><img src=x onerror=${run(id)}//">`,
  (id) => `<![CDATA[<script>${run(id)}</script>]]>`,
  (id) => `<div style="position:fixed;inset:0" onmouseover="${run(id)}">${id}</div>`,
  (id) => `<script>alert('${id}')</script>`,
  (id) => `<img src=x onerror=alert('${id}')>`,
  (id) => `<svg/onload=confirm('${id}')>`,
  (id) => `<img src=x onerror=prompt('${id}')>`,
]);

add("template", "tpl", [
  (id) => `{{constructor.constructor('${run(id)}')()}}`,
  (id) => `{{$on.constructor('${run(id)}')()}}`,
  (id) => `\${${run(id)}}`,
  (id) => `#{${run(id)}}`,
  (id) => `<%= ${run(id)} %>`,
  (id) => `{{7*7}} ${id}`,
  (id) => `[[${run(id)}]]`,
  (id) => `{% raw %}${run(id)}{% endraw %}`,
]);

add("js-context", "js", [
  (id) => `';${run(id)};//`,
  (id) => `";${run(id)};//`,
  (id) => `\\';${run(id)};//`,
  (id) => `\`;${run(id)};//`,
  (id) => `</textarea><script>${run(id)}</script>`,
  (id) => `</title><script>${run(id)}</script>`,
  (id) => `</style><script>${run(id)}</script>`,
  (id) => `\u2028${run(id)}\u2029`,
  (id) => `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+${run(id)}//'>`,
  (id) => `-->${run(id)}<!--`,
]);

add("json-ld", "ld", [
  (id) => `</script><script>${run(id)}</script>`,
  (id) => `</SCRIPT ><script>${run(id)}</script>`,
  (id) => `</script\t><img src=x onerror=${run(id)}>`,
  (id) => `<!--<script></script><script>${run(id)}</script>`,
  (id) => `"}]</script><script>${run(id)}</script>`,
  (id) => `\\u003c/script\\u003e\\u003cscript\\u003e${run(id)}\\u003c/script\\u003e`,
  (id) => `</script><script type="application/ld+json">{"@type":"${id}"}</script>`,
]);

add("css", "css", [
  (id) => `expression(${run(id)})`,
  (id) => `x;background:url(javascript:${run(id)})`,
  (id) => `<style>@import "javascript:${run(id)}";</style>`,
  (id) => `<style>*{background:url("javascript:${run(id)}")}</style>`,
  (id) => `<div style="width:expression(${run(id)})">${id}</div>`,
  (id) => `-moz-binding:url("data:text/xml,${id}")`,
  (id) => `</style><img src=x onerror=${run(id)}>`,
]);

/** Ways to spell a non-http scheme that some parser might still run, each with the payload's id. */
add("url-scheme", "url", [
  (id) => `javascript:${run(id)}`,
  (id) => `JaVaScRiPt:${run(id)}`,
  (id) => `JAVASCRIPT:${run(id)}`,
  (id) => ` javascript:${run(id)}`,
  (id) => `\tjavascript:${run(id)}`,
  (id) => `\u0001javascript:${run(id)}`,
  (id) => `\u0000javascript:${run(id)}`,
  (id) => `\u000cjavascript:${run(id)}`,
  (id) => `\u00a0javascript:${run(id)}`,
  (id) => `\ufeffjavascript:${run(id)}`,
  (id) => `java\tscript:${run(id)}`,
  (id) => `java\nscript:${run(id)}`,
  (id) => `java\rscript:${run(id)}`,
  (id) => `java\u0000script:${run(id)}`,
  (id) => `&#106;avascript:${run(id)}`,
  (id) => `&#x6A;avascript:${run(id)}`,
  (id) => `&#0000106&#0000097vascript:${run(id)}`,
  (id) => `javascript&colon;${run(id)}`,
  (id) => `%6Aavascript:${run(id)}`,
  (id) => `java%0ascript:${run(id)}`,
  (id) => `javascript%3A${run(id)}`,
  (id) => `ｊａｖａｓｃｒｉｐｔ：${run(id)}`,
  (id) => `javascript://%0a${run(id)}`,
  (id) => `javascript://example.org/%0a${run(id)}`,
  (id) => `data:text/html;base64,${base64(`<script>${run(id)}</script>`)}`,
  (id) => `data:text/html,<script>${run(id)}</script>`,
  (id) => `DaTa:text/html,<script>${run(id)}</script>`,
  (id) => `data:image/svg+xml,<svg onload="${run(id)}"/>`,
  (id) => `data:,${id}`,
  (id) => `vbscript:msgbox("${id}")`,
  (id) => `VBScript:msgbox("${id}")`,
  (id) => `livescript:${run(id)}`,
  (id) => `file:///etc/passwd#${id}`,
  (id) => `blob:https://example.org/${id}`,
  (id) => `about:blank#${id}`,
  (id) => `ftp://example.org/${id}`,
  (id) => `mailto:x@example.org?body=${id}`,
  (id) => `//example.org/${id}`,
  (id) => `https:/\\example.org/${id}`,
  (id) => `https://${id}`,
  (id) => `http://#${id}`,
  (id) => `https://exa mple.org/${id}`,
  (id) => `https://example.org/${id}\n`,
  (id) => `https://example.org/${id}\u0000`,
  (id) => `https://example.org/${"a".repeat(2_049)}${id}`,
]);

/** http(s) addresses a validator must accept and a page must still render as inert links. */
add("url-http", "web", [
  (id) => `https://example.org/${id}`,
  (id) => `HTTPS://EXAMPLE.ORG/${id}`,
  (id) => `https://example.org/<script>${run(id)}</script>`,
  (id) => `https://example.org/?q="><script>${run(id)}</script>`,
  (id) => `https://example.org/#javascript:${run(id)}`,
  (id) => `https://example.org/'onmouseover='${run(id)}'`,
  (id) => `https://user:pass@example.org/${id}`,
  (id) => `http://127.0.0.1:1/${id}`,
  (id) => `http://[::1]/${id}`,
  (id) => `https://example.org/%00${id}`,
  (id) => `https://example.org/\u202egnp.exe?${id}`,
  (id) => `https://xn--80ak6aa92e.com/${id}`,
  (id) => `https://example.org/${"a".repeat(1_900)}?${id}`,
]);

add("bidi", "bidi", [
  (id) => `\u202E${id} exe.txt`,
  (id) => `\u202D${id}`,
  (id) => `\u202A${id}\u202C`,
  (id) => `\u202B${id}\u202C`,
  (id) => `\u2066${id}\u2069`,
  (id) => `\u2067${id}\u2069`,
  (id) => `\u2068${id}\u2069`,
  (id) => `${id}\u2069\u2066`,
  (id) => `\u200E\u200F\u061C${id}`,
  (id) => `Richtig\u202E gisthcir ${id}`,
  (id) => `<scr\u202Eipt>${run(id)}</script>`,
]);

add("zero-width", "zw", [
  (id) => `\u200B${id}\u200B`,
  (id) => `\u200C\u200D${id}`,
  (id) => `\uFEFF${id}`,
  (id) => `${id}\u2060`,
  (id) => `\u180E${id}`,
  (id) => `\u00AD${id}`,
  (id) => `<scr\u200Bipt>${run(id)}</scr\u200Bipt>`,
  (id) => `java\u200Bscript:${run(id)}`,
  () => "\u200B",
]);

add("homoglyph", "hg", [
  (id) => `https://\u0435\u0445\u0430mple.org/${id}`,
  (id) => `\u0440\u0430ypal.com ${id}`,
  (id) => `＜script＞${run(id)}＜/script＞`,
  (id) => `﹤script﹥${run(id)}﹤/script﹥`,
  (id) => `\u2039script\u203A${run(id)}\u2039/script\u203A`,
  (id) => `𝐬𝐜𝐫𝐢𝐩𝐭 ${id}`,
  (id) => `Ρutin ${id}`,
]);

add("sql", "sql", [
  (id) => `' OR 1=1 -- ${id}`,
  (id) => `'; DROP TABLE "Claim"; -- ${id}`,
  (id) => `" OR ""=" ${id}`,
  (id) => `1; SELECT pg_sleep(5); -- ${id}`,
  (id) => `' UNION SELECT "passwordHash" FROM "User" -- ${id}`,
  (id) => `admin'-- ${id}`,
  (id) => `%' OR '%'=' ${id}`,
  (id) => `\\'; DELETE FROM "User"; -- ${id}`,
  (id) => `$1 $2 ? :name ${id}`,
  (id) => `'); INSERT INTO "Comment" VALUES ('x'); -- ${id}`,
  (id) => `1' AND (SELECT 1 FROM sqlite_master) -- ${id}`,
]);

add("size", "size", [
  (id) => `${id}${"A".repeat(1024 * 1024)}`,
  (id) => `<script>${run(id)}</script>`.repeat(40_000),
  (id) => `${id}${"€".repeat(300_000)}`,
  (id) => `${id}${"😀".repeat(70_000)}`,
  (id) => `${id}${"x".repeat(10_001)}`,
  (id) => `${id}${"x".repeat(2_001)}`,
  (id) => `${id}${"x".repeat(301)}`,
  (id) => `${id}${"x".repeat(186)}`,
  (id) => `${id}\n\n${"Absatz.\n\n".repeat(6_000)}`,
]);

add("unicode", "uni", [
  (id) => `\uD800${id}`,
  (id) => `${id}\uDFFF`,
  (id) => `a\uDC00\uD800b ${id}`,
  (id) => `\u0000${id}`,
  (id) => `${id}\u0000<script>${run(id)}</script>`,
  (id) => `\u0001\u0002\u0007\u0008\u001b[31m${id}`,
  (id) => `\u007f\u0085\u009f${id}`,
  (id) => `\uFFFE\uFFFF\uFDD0${id}`,
  (id) => `e\u0301 ${id}`,
  (id) => `\u212B \u00C5 ${id}`,
  (id) => `😀👍🏽👨‍👩‍👧 ${id}`,
  (id) => `Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359 ${id}`,
  (id) => `\u{10FFFF}\u{E0001}${id}`,
]);

add("whitespace", "ws", [
  () => "",
  () => "   ",
  () => "\t\n\r",
  () => "\u00A0\u3000\u2028\u2029",
  (id) => `  ${id}  `,
  (id) => `\r\n${id}\r\n`,
  (id) => `${id}\n\n\n${id}`,
  (id) => `${id}\t\t\t${id}`,
]);

add("wrong-type", "type", [
  () => 0,
  () => -1,
  () => 1.5,
  () => 1e308,
  () => -0,
  () => Number.MAX_SAFE_INTEGER + 2,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => true,
  () => false,
  () => null,
  () => undefined,
  () => [],
  (id) => [id],
  () => [[[[[]]]]],
  () => ({}),
  (id) => ({ value: id }),
  (id) => ({ toString: id, valueOf: id }),
  () => "1",
  () => "true",
  () => "null",
  (id) => ({ $gt: "", id }),
  (id) => [{ url: `https://example.org/${id}` }],
  () => JSON.parse("[".repeat(500) + "]".repeat(500)) as unknown,
  () => BigInt(1),
]);

add("prototype-pollution", "proto", [
  (id) => JSON.parse(`{"__proto__":{"polluted":"${id}"}}`) as unknown,
  (id) => JSON.parse(`{"constructor":{"prototype":{"polluted":"${id}"}}}`) as unknown,
  () => "__proto__",
  () => "constructor",
  () => "prototype",
  () => "toString",
  () => "hasOwnProperty",
]);

/** Fields no client may set; each value is a sentinel that a test can look for in the stored row. */
add("extra-field", "extra", [
  () => ({ status: "PUBLISHED" }),
  () => ({ authorId: "intruder-author" }),
  () => ({ id: "intruder-id" }),
  () => ({ version: 999 }),
  () => ({ publishedAt: "1999-01-01T00:00:00.000Z" }),
  () => ({ deletedAt: "1999-01-01T00:00:00.000Z" }),
  () => ({ role: "ADMIN" }),
  () => ({ createdAt: "1999-01-01T00:00:00.000Z" }),
  () => ({ assigneeId: "intruder-assignee" }),
  () => ({ anchorStatus: "ORPHANED" }),
  () => ({ published: '{"verdict":"TRUE"}' }),
  () => ({ sessionVersion: 999, passwordHash: "$2b$04$intruder" }),
  () => ({ claimId: "intruder-claim", articleId: "intruder-article", position: 99, accessedAt: "1999-01-01T00:00:00.000Z" }),
  () => JSON.parse('{"__proto__":{"status":"PUBLISHED","role":"ADMIN"}}') as Record<string, unknown>,
  () => JSON.parse('{"constructor":{"prototype":{"status":"PUBLISHED"}}}') as Record<string, unknown>,
]);

export const PAYLOADS: readonly Payload[] = catalogue;

/** Payloads that are values for one field (everything but the extra-field objects). */
export const FIELD_PAYLOADS: readonly Payload[] = catalogue.filter((p) => p.category !== "extra-field");

/** Objects merged into a valid input: fields that must never change a record. */
export const EXTRA_FIELD_PAYLOADS: readonly (Payload & { value: Record<string, unknown> })[] = catalogue.filter(
  (p): p is Payload & { value: Record<string, unknown> } => p.category === "extra-field",
);

/** Payloads JSON can carry (no undefined, NaN, Infinity or BigInt: JSON.stringify drops or refuses them). */
export function isJsonValue(value: unknown): boolean {
  if (value === undefined || typeof value === "bigint") return false;
  if (typeof value === "number") return Number.isFinite(value);
  return true;
}

/** Whether a string payload is well-formed UTF-16 (lone surrogates cannot be encoded as UTF-8). */
export function isWellFormed(value: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}
