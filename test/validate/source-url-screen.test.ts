/**
 * SRC002 judges a plain URL (PLAIN_URL in url-host.ts) by its host alone, without the URL parser: for
 * every URL the check must give the same verdict as when the parser reads it (parsedUrlProblem).
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostNameProblem, hostNameProblemInDetail, parsedUrlProblem, urlProblem } from "../../scripts/lib/check/checks/source-urls.ts";
import { PLAIN_URL } from "../../scripts/lib/url-host.ts";

/** Pieces of URLs around the edges of the plain form: hosts the parser rewrites, refuses or reads as addresses, ports, user names, other schemes. */
const SCHEMES = ["https://", "http://", "HTTPS://", "ftp://", "https:/", "https:", " https://", "https://\t", ""];
const HOST_PIECES = ["example", "a".repeat(63), "b".repeat(64), "org", "com", "a", "b", "www", "xn--", "xn--bcher-kva", "xn--zz", "gov", "test", "localhost", "local", "1", "192", "0x7f", "08", "-", "_", ".", "..", "Example", "ORG", "é", "%41", "@", ":", ":443", ":80", ":8080", "user:pw@", "[::1]", "\\", " ", "\n"];
const TAILS = ["", "/", "/path", "/a b", "?q=1", "#frag", "/%zz", "/é", "\\x", ":443/x", "@evil.com/", "?", "#"];

/** Host names: labels joined by dots (the common form, where the plain form's edges are), or pieces run together. */
const hosts = fc.oneof(
  fc.array(fc.constantFrom(...HOST_PIECES.filter((p) => /^[\w%é-]+$/.test(p))), { minLength: 1, maxLength: 4 }).map((labels) => labels.join(".")),
  fc.array(fc.constantFrom(...HOST_PIECES), { maxLength: 8 }).map((pieces) => pieces.join("")),
);
const urls = fc.tuple(fc.constantFrom(...SCHEMES), hosts, fc.constantFrom(...TAILS)).map(([scheme, host, tail]) => `${scheme}${host}${tail}`);

/** Every `url:` value in the records and the registry's `sources` under data/. */
function dataUrls(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".yaml")) for (const m of fs.readFileSync(p, "utf8").matchAll(/(?:url:|^\s*-)\s+(https?:\S+)\s*$/gm)) out.push(m[1]!);
    }
  };
  walk(path.join(import.meta.dirname, "../../data"));
  return out;
}

describe("SRC002's plain URLs", () => {
  it("get the verdict the URL parser's reading gives, for generated URLs", () => {
    fc.assert(
      fc.property(urls, (url) => {
        expect(urlProblem(url)).toBe(parsedUrlProblem(url));
      }),
      { numRuns: 50_000 },
    );
  });

  it("have their hosts passed at once (PUBLIC_HOST) only where every rule passes them", () => {
    fc.assert(
      fc.property(hosts, (host) => {
        expect(hostNameProblem(host)).toBe(hostNameProblemInDetail(host));
      }),
      { numRuns: 50_000 },
    );
  });

  it("get the verdict the URL parser's reading gives, for every URL under data/", () => {
    const all = dataUrls();
    expect(all.length).toBeGreaterThan(3000);
    for (const url of all) expect(urlProblem(url), url).toBe(parsedUrlProblem(url));
  });

  it("are judged without the parser: most URLs under data/ are plain", () => {
    const all = dataUrls();
    const plain = all.filter((u) => PLAIN_URL.test(u));
    expect(plain.length / all.length).toBeGreaterThan(0.9);
  });

  it("still reports the edge cases by their own message", () => {
    expect(urlProblem("https://example.org./a")).toBe("ends its host name with a dot (`example.org.`)");
    expect(urlProblem("https://gazette.test/a")).toBe("is a local or reserved address (`.test`)");
    expect(urlProblem("http://192.168.1.10/a")).toBe("names an IP address, not a host");
    expect(urlProblem("https://example.org:443/a")).toBe("writes out its scheme's default port (`:443`)");
    expect(urlProblem("https://xn--zz.org/a")).toBe(parsedUrlProblem("https://xn--zz.org/a"));
    expect(urlProblem("ftp://example.org/a")).toBe("is not a valid http(s) URL");
    expect(urlProblem("https://example.org/a")).toBeUndefined();
  });
});
