/**
 * `npm run site` writes dist/site/ whole, from a checked release only, and lives with the build: the
 * release files stay as built, and a later build (which replaces dist/ whole) neither refuses nor
 * mixes with the site; it simply removes it, and the site is made again from the new release.
 */
import "../loaded-machine.ts";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/lib/publish/pipeline.ts";
import { buildSite } from "../../scripts/lib/site/index.ts";
import { ReleaseError } from "../../scripts/lib/site/read.ts";
import { writeSiteAtomically } from "../../scripts/lib/site/write.ts";
import { OUTPUT_MARKER } from "../../scripts/lib/output-guard.ts";
import { removeTempDirs as removeBuildTemps, writeFixture } from "../publish/fixture.ts";
import { removeTempDirs, tempDir } from "./helpers.ts";

afterAll(() => {
  removeTempDirs();
  removeBuildTemps();
});

const sumsCheck = (dist: string): void => {
  execFileSync("sha256sum", ["-c", "--quiet", "--strict", "SHA256SUMS"], { cwd: dist, stdio: "pipe" });
};

describe("npm run site and the build", { timeout: 120_000 }, () => {
  it("writes dist/site from the release, leaves the release as built, and survives the next build", async () => {
    const root = writeFixture();
    const dist = path.join(root, "dist");
    await build({ root, out: dist, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    const result = await buildSite({ dist });
    expect(result.out).toBe(path.join(dist, "site"));
    expect(fs.existsSync(path.join(dist, "site/index.html"))).toBe(true);
    expect(fs.readFileSync(path.join(dist, "site/actors/li-shangfu.html"), "utf8")).toContain("Li Shangfu");
    // The fixture's tombstone keeps a page at the old id.
    expect(fs.readFileSync(path.join(dist, "site/actors/li-shang-fu.html"), "utf8")).toMatch(/was renamed.*<a href="\.\.\/actors\/li-shangfu\.html">Li Shangfu<\/a>/s);
    sumsCheck(dist);
    sumsCheck(path.join(dist, "site/download"));
    expect(fs.readdirSync(dist).filter((f) => f.startsWith("."))).toEqual([OUTPUT_MARKER]);

    // Again: the old site is replaced whole.
    fs.writeFileSync(path.join(dist, "site/stale.html"), "old");
    await buildSite({ dist });
    expect(fs.existsSync(path.join(dist, "site/stale.html"))).toBe(false);

    // A later build accepts the folder (it holds a release) and replaces it whole, site included.
    await build({ root, out: dist, env: { SOURCE_DATE_EPOCH: "1700000001" } });
    expect(fs.existsSync(path.join(dist, "site"))).toBe(false);
    sumsCheck(dist);
    await buildSite({ dist });
    expect(fs.existsSync(path.join(dist, "site/index.html"))).toBe(true);
  });

  it("refuses a missing or altered release and leaves the previous site in place", { timeout: 120_000 }, async () => {
    await expect(buildSite({ dist: path.join(tempDir("sidelines-none-"), "dist") })).rejects.toThrow(/run `npm run build` first/);
    const root = writeFixture();
    const dist = path.join(root, "dist");
    await build({ root, out: dist, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    await buildSite({ dist });
    const before = fs.readFileSync(path.join(dist, "site/index.html"));
    fs.appendFileSync(path.join(dist, "json/actors.json"), " ");
    await expect(buildSite({ dist })).rejects.toThrow(ReleaseError);
    await expect(buildSite({ dist })).rejects.toThrow(/json\/actors\.json does not match SHA256SUMS/);
    expect(fs.readFileSync(path.join(dist, "site/index.html"))).toEqual(before);
  });

  it("a write that fails midway leaves the previous site and no temporary folder", async () => {
    const dir = tempDir("sidelines-site-write-");
    const out = path.join(dir, "site");
    await writeSiteAtomically(out, new Map([["index.html", "one"]]));
    await expect(writeSiteAtomically(out, new Map([["index.html", "two"], ["../escape.html", "x"]]))).rejects.toThrow(/leaves the site folder/);
    expect(fs.readFileSync(path.join(out, "index.html"), "utf8")).toBe("one");
    expect(fs.readdirSync(dir)).toEqual(["site"]);
    expect(fs.existsSync(path.join(dir, "escape.html"))).toBe(false);
  });

  it("files made as they are written: a page that fails to render leaves the previous site and no temporary folder", async () => {
    const dir = tempDir("sidelines-site-stream-");
    const out = path.join(dir, "site");
    await writeSiteAtomically(out, new Map([["index.html", "one"]]));
    const files = function* (): Generator<[string, string]> {
      yield ["index.html", "two"];
      throw new Error("a page failed to render");
    };
    await expect(writeSiteAtomically(out, files())).rejects.toThrow(/failed to render/);
    expect(fs.readFileSync(path.join(out, "index.html"), "utf8")).toBe("one");
    expect(fs.readdirSync(dir)).toEqual(["site"]);
  });

  it("a file that fails to be written while others are in flight leaves the previous site and no temporary folder", async () => {
    const dir = tempDir("sidelines-site-io-");
    const out = path.join(dir, "site");
    await writeSiteAtomically(out, new Map([["index.html", "one"]]));
    // "a" is a folder by the time its file is written: the write fails on the I/O threads, not in the loop.
    const files = new Map<string, string>([["a/b.html", "y"], ...Array.from({ length: 100 }, (_, i): [string, string] => [`p/${i}.html`, "z"]), ["a", "x"]]);
    await expect(writeSiteAtomically(out, files)).rejects.toThrow(/EEXIST|EISDIR/);
    expect(fs.readFileSync(path.join(out, "index.html"), "utf8")).toBe("one");
    expect(fs.readdirSync(dir)).toEqual(["site"]);
  });

  it("offers the release's files under download/ as links to the release's own files, not second copies", async () => {
    const root = writeFixture();
    const dist = path.join(root, "dist");
    await build({ root, out: dist, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    await buildSite({ dist });
    for (const rel of ["dataset.json", "json/actors.json", "SHA256SUMS"]) {
      expect(fs.statSync(path.join(dist, "site/download", rel)).ino, rel).toBe(fs.statSync(path.join(dist, rel)).ino);
    }
    sumsCheck(path.join(dist, "site/download"));
  });

  it("removes the temporary folder of a run that died", async () => {
    const dir = tempDir("sidelines-site-dead-");
    const dead = path.join(dir, ".site.tmp-999999999-abcdef");
    fs.mkdirSync(dead);
    await writeSiteAtomically(path.join(dir, "site"), new Map([["index.html", "x"]]));
    expect(fs.readdirSync(dir)).toEqual(["site"]);
  });
});
