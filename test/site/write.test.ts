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
import { writeFilesInto, writeSiteAtomically } from "../../scripts/lib/site/write.ts";
import { RECORD_CHUNK, recordClaims, recordFiles, siteModel, siteOfRelease } from "../../scripts/lib/site/generate.ts";
import { readRelease } from "../../scripts/lib/site/read.ts";
import { renderInWorker, startRenderWorker } from "../../scripts/lib/site/render-worker.ts";
import { resolveRelease } from "../../scripts/lib/publish/atomic.ts";
import { OUTPUT_MARKER } from "../../scripts/lib/output-guard.ts";
import { removeTempDirs as removeBuildTemps, writeFixture } from "../publish/fixture.ts";
import { realRelease, removeTempDirs, tempDir } from "./helpers.ts";

afterAll(() => {
  removeTempDirs();
  removeBuildTemps();
});

/** Every file under `dir`, as paths relative to it with forward slashes. */
const listFiles = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));

/** A folder holding a site written earlier (its index.html says "one"). */
async function previousSite(prefix: string): Promise<{ dir: string; out: string }> {
  const dir = tempDir(prefix);
  const out = path.join(dir, "site");
  await writeSiteAtomically(out, new Map([["index.html", "one"]]));
  return { dir, out };
}

/** The earlier site is still there, and nothing else: no temporary folder. */
function expectPreviousSite(dir: string, out: string): void {
  expect(fs.readFileSync(path.join(out, "index.html"), "utf8")).toBe("one");
  expect(fs.readdirSync(dir)).toEqual(["site"]);
}

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
    const { dir, out } = await previousSite("sidelines-site-write-");
    await expect(writeSiteAtomically(out, new Map([["index.html", "two"], ["../escape.html", "x"]]))).rejects.toThrow(/leaves the site folder/);
    expectPreviousSite(dir, out);
    expect(fs.existsSync(path.join(dir, "escape.html"))).toBe(false);
  });

  it("files made as they are written: a page that fails to render leaves the previous site and no temporary folder", async () => {
    const { dir, out } = await previousSite("sidelines-site-stream-");
    const files = function* (): Generator<[string, string]> {
      yield ["index.html", "two"];
      throw new Error("a page failed to render");
    };
    await expect(writeSiteAtomically(out, files())).rejects.toThrow(/failed to render/);
    expectPreviousSite(dir, out);
  });

  it("a file that fails to be written after many others leaves the previous site and no temporary folder", async () => {
    const { dir, out } = await previousSite("sidelines-site-io-");
    // "a" is a folder by the time its file is written: the write itself fails, after a hundred that did not.
    const files = new Map<string, string>([["a/b.html", "y"], ...Array.from({ length: 100 }, (_, i): [string, string] => [`p/${i}.html`, "z"]), ["a", "x"]]);
    await expect(writeSiteAtomically(out, files)).rejects.toThrow(/EEXIST|EISDIR/);
    expectPreviousSite(dir, out);
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

  it("the site made with the render worker is, file for file, the site made on one thread", async () => {
    expect(renderInWorker(), "this machine has two cores or more, so npm run site uses the worker").toBe(true);
    const root = writeFixture();
    const dist = path.join(root, "dist");
    await build({ root, out: dist, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    const result = await buildSite({ dist });
    const expected = siteOfRelease(readRelease(resolveRelease(dist)));
    const written = listFiles(result.out).filter((f) => f !== OUTPUT_MARKER);
    expect(written.sort()).toEqual([...expected.keys()].sort());
    for (const [rel, content] of expected) expect(fs.readFileSync(path.join(result.out, rel)).equals(Buffer.from(content)), rel).toBe(true);
    expect(result.files).toBe(expected.size);
    expect(result.pages).toBe([...expected.keys()].filter((f) => f.endsWith(".html")).length);
  });

  it("the render worker alone makes every record's page and JSON, byte for byte as this thread would", async () => {
    const root = writeFixture();
    const dist = path.join(root, "dist");
    await build({ root, out: dist, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    const release = readRelease(resolveRelease(dist));
    const model = siteModel(release.dataset, release.files.get("quality.json"));
    const expected = new Map(recordFiles(model));
    const out = path.join(tempDir("sidelines-site-worker-alone-"), "site");
    // Nothing on this thread: the worker claims every record.
    const worker = (tmp: string) => startRenderWorker(tmp, { dataset: release.files.get("dataset.json")!, quality: release.files.get("quality.json"), claims: recordClaims(), addresses: {} });
    const written = await writeSiteAtomically(out, new Map(), { alongside: worker });
    expect(written.files).toBe(expected.size);
    expect(listFiles(out).filter((f) => f !== OUTPUT_MARKER).sort()).toEqual([...expected.keys()].sort());
    for (const [rel, content] of expected) expect(fs.readFileSync(path.join(out, rel), "utf8"), rel).toBe(content);
  });

  it("threads sharing a counter make every record's files once between them, whoever claims first", async () => {
    const release = await realRelease();
    const model = siteModel(release.dataset, release.files.get("quality.json"));
    const all = new Map(recordFiles(model));
    expect(all.size / 2, "enough records for several claims").toBeGreaterThan(3 * RECORD_CHUNK);
    const claims = recordClaims();
    const [one, two] = [recordFiles(model, {}, claims), recordFiles(model, {}, claims)];
    const made: Array<Map<string, string>> = [new Map(), new Map()];
    // Two takers at different speeds: the first pulls three files for each of the second's.
    for (let done = [false, false]; !done[0] || !done[1]; ) {
      for (let i = 0; i < 3 && !done[0]; i++) {
        const next = one.next();
        if (next.done) done[0] = true;
        else made[0]!.set(...next.value);
      }
      const next = two.next();
      if (next.done) done[1] = true;
      else made[1]!.set(...next.value);
    }
    expect(made[0]!.size, "the faster taker made more").toBeGreaterThan(made[1]!.size);
    expect(made[1]!.size, "the slower taker made some").toBeGreaterThan(0);
    expect([...made[0]!.keys()].filter((k) => made[1]!.has(k)), "no file made twice").toEqual([]);
    expect(new Map([...made[0]!, ...made[1]!])).toEqual(all);
  });

  it("a render worker that fails leaves the previous site and no temporary folder, and says why", async () => {
    const { dir, out } = await previousSite("sidelines-site-worker-");
    const broken = (tmp: string) => startRenderWorker(tmp, { dataset: Buffer.from("{ not json"), quality: undefined, claims: recordClaims(), addresses: {} });
    await expect(writeSiteAtomically(out, new Map([["index.html", "two"]]), { alongside: broken })).rejects.toThrow(/JSON/);
    expectPreviousSite(dir, out);
  });

  it("a failure on this thread stops the files being written alongside, and nothing lands after the temporary folder is removed", async () => {
    const { dir, out } = await previousSite("sidelines-site-stop-");
    let stop = false;
    let made = 0;
    const endless = function* (): Generator<[string, string]> {
      for (;;) yield [`other/${made++}.html`, "x"];
    };
    const alongside = (tmp: string) => ({ done: writeFilesInto(tmp, endless(), { stopped: () => stop }), stop: () => void (stop = true) });
    const failing = function* (): Generator<[string, string]> {
      yield ["index.html", "two"];
      throw new Error("a page failed to render");
    };
    await expect(writeSiteAtomically(out, failing(), { alongside })).rejects.toThrow(/failed to render/);
    expect(stop).toBe(true);
    expectPreviousSite(dir, out);
  });

  it("a failure alongside stops this thread's files too, and its reason is the one reported", async () => {
    const dir = tempDir("sidelines-site-stop2-");
    const out = path.join(dir, "site");
    let made = 0;
    const endless = function* (): Generator<[string, string]> {
      for (;;) yield [`own/${made++}.html`, "x"];
    };
    const alongside = () => ({ done: Promise.reject(new Error("the other side failed")), stop: () => undefined });
    await expect(writeSiteAtomically(out, endless(), { alongside })).rejects.toThrow(/the other side failed/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("replacing a site keeps the previous site's unchanged files (same inode) and writes the changed ones afresh", async () => {
    const root = writeFixture();
    const dist = path.join(root, "dist");
    await build({ root, out: dist, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    const first = await buildSite({ dist });
    expect(first.kept, "nothing to keep the first time").toBe(0);
    const site = path.join(dist, "site");
    const inode = (rel: string): number => fs.statSync(path.join(site, rel)).ino;
    const before = new Map(listFiles(site).map((rel) => [rel, inode(rel)]));
    // Altered by hand since: a page with other bytes, and a page that another name shares.
    const changed = "actors/li-shangfu.html";
    const changedBytes = fs.readFileSync(path.join(site, changed));
    fs.rmSync(path.join(site, changed));
    fs.writeFileSync(path.join(site, changed), "edited by hand");
    const shared = "actors/lloyd-austin.html";
    const outside = path.join(tempDir("sidelines-site-outside-"), "shared.html");
    fs.linkSync(path.join(site, shared), outside);

    const second = await buildSite({ dist });
    const made = listFiles(site).filter((f) => f !== OUTPUT_MARKER);
    const fresh = made.filter((rel) => !rel.startsWith("download/") && rel !== changed && rel !== shared);
    expect(fresh.length).toBeGreaterThan(20);
    for (const rel of fresh) expect(inode(rel), `${rel} kept`).toBe(before.get(rel));
    expect(second.kept).toBe(fresh.length);
    // The hand-edited page is written again with the release's bytes; the shared one is not taken over.
    expect(inode(changed)).not.toBe(before.get(changed));
    expect(fs.readFileSync(path.join(site, changed)).equals(changedBytes)).toBe(true);
    expect(inode(shared)).not.toBe(fs.statSync(outside).ino);
    // The site is, byte for byte, the site of the release.
    const expected = siteOfRelease(readRelease(resolveRelease(dist)));
    expect(made.sort()).toEqual([...expected.keys()].sort());
    for (const [rel, content] of expected) expect(fs.readFileSync(path.join(site, rel)).equals(Buffer.from(content)), rel).toBe(true);
  });

  it("never takes over a file reached through a symbolic link in the previous site", async () => {
    const dir = tempDir("sidelines-site-symlink-");
    const out = path.join(dir, "site");
    await writeSiteAtomically(out, new Map([["a/page.html", "same"], ["b.html", "same"]]));
    const elsewhere = tempDir("sidelines-site-elsewhere-");
    fs.writeFileSync(path.join(elsewhere, "page.html"), "same");
    fs.rmSync(path.join(out, "a"), { recursive: true });
    fs.symlinkSync(elsewhere, path.join(out, "a"));
    fs.rmSync(path.join(out, "b.html"));
    fs.symlinkSync(path.join(elsewhere, "page.html"), path.join(out, "b.html"));
    const written = await writeSiteAtomically(out, new Map([["a/page.html", "same"], ["b.html", "same"]]));
    expect(written.kept).toBe(0);
    for (const rel of ["a/page.html", "b.html"]) {
      expect(fs.lstatSync(path.join(out, rel)).isFile()).toBe(true);
      expect(fs.statSync(path.join(out, rel)).ino).not.toBe(fs.statSync(path.join(elsewhere, "page.html")).ino);
    }
    expect(fs.readFileSync(path.join(elsewhere, "page.html"), "utf8")).toBe("same");
  });

  it("removes the temporary folder of a run that died", async () => {
    const dir = tempDir("sidelines-site-dead-");
    const dead = path.join(dir, ".site.tmp-999999999-abcdef");
    fs.mkdirSync(dead);
    await writeSiteAtomically(path.join(dir, "site"), new Map([["index.html", "x"]]));
    expect(fs.readdirSync(dir)).toEqual(["site"]);
  });
});
