/**
 * No command that writes an output folder (build, site) replaces what it did not make: an output that
 * is, holds or lies above the data, the schemas, the repository or the release read, however it is
 * spelt (links, `.`, `..`, trailing slashes, relative paths), is refused in one line with exit 2 before
 * anything is created; an existing folder is replaced only when empty or marked as made by the command.
 */
import "../loaded-machine.ts";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/lib/publish/pipeline.ts";
import { buildSite } from "../../scripts/lib/site/index.ts";
import { OUTPUT_MARKER } from "../../scripts/lib/output-guard.ts";
import { UsageError } from "../../scripts/lib/cli.ts";
import { ROOT } from "../../scripts/lib/paths.ts";
import { hashTree, removeTempDirs, tempDir, writeFixture } from "../publish/fixture.ts";
import { expectOneLineUsageError, runScript, SPAWN_TIMEOUT } from "./helpers.ts";

afterAll(removeTempDirs);

const rootCacheBefore = fs.existsSync("/.sidelines-cache");
/** What a work folder holds, to compare before and after (a build run elsewhere may have made one). */
const cacheListing = (dir: string): string[] => (fs.existsSync(path.join(dir, ".sidelines-cache")) ? fs.readdirSync(path.join(dir, ".sidelines-cache"), { recursive: true }).map(String).sort() : []);

const rel = (p: string): string => path.relative(process.cwd(), p) || ".";

/** Ways of naming a folder: as is, with a trailing slash, through `.` and `..`, relative to the working directory, and through a link. */
function spellings(target: string, links: string): string[] {
  const link = path.join(links, `link-${fs.readdirSync(links).length}`);
  fs.symlinkSync(target, link);
  const parentLink = path.join(links, `up-${fs.readdirSync(links).length}`);
  fs.symlinkSync(path.dirname(target), parentLink);
  return [target, `${target}/`, `${target}/.`, `${target}//`, path.join(target, "..", path.basename(target)), rel(target), `./${rel(target)}/`, link, `${link}/`, path.join(parentLink, path.basename(target))];
}

const refusal = async (p: Promise<unknown>): Promise<string> => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect((error as Error).message).not.toContain("\n");
  return (error as Error).message;
};

describe("the build's output", { timeout: 120_000 }, () => {
  let root: string;
  let links: string;
  let dataBefore: Record<string, string>;
  let parentCacheBefore: string[];
  beforeAll(() => {
    root = writeFixture();
    links = tempDir("sidelines-links-");
    dataBefore = hashTree(path.join(root, "data"));
    parentCacheBefore = cacheListing(path.dirname(root));
  });

  it("is never the data, the repository, the schemas or a folder above them, however it is written", async () => {
    const targets = [root, path.join(root, "data"), path.join(root, "data", "actors"), path.dirname(root), "/", ROOT, path.join(ROOT, "schemas"), path.join(ROOT, "data"), path.join(ROOT, "schemas", "new-folder"), path.join(root, ".git", "x")];
    fs.mkdirSync(path.join(root, ".git"));
    for (const target of targets) {
      for (const out of target === "/" ? ["/", "//", "/."] : spellings(target, links)) {
        const message = await refusal(build({ root, out, env: {} }));
        expect(message, out).toMatch(/^refusing to write the release to .*: it (is|holds|is inside) (the data|the repository|the schemas|the git repository)$/);
      }
    }
    expect(hashTree(path.join(root, "data"))).toEqual(dataBefore);
    // Nothing was created for a refused output: no work folder beside it.
    // (The root folder's is checked only if it was not there before: another run may have left one.)
    if (!rootCacheBefore) expect(fs.existsSync("/.sidelines-cache")).toBe(false);
    // The fixture's parent is the shared temporary folder, where builds run elsewhere may have left one.
    expect(cacheListing(path.dirname(root))).toEqual(parentCacheBefore);
    expect(fs.existsSync(path.join(root, "data", ".sidelines-cache"))).toBe(false);
  });

  it("never replaces a folder it did not make, a file, or a link it did not make", async () => {
    const other = path.join(root, "notes");
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, "keep.txt"), "mine");
    const file = path.join(root, "a-file");
    fs.writeFileSync(file, "mine");
    const empty = tempDir("sidelines-elsewhere-");
    const link = path.join(root, "linked-out");
    fs.symlinkSync(empty, link);
    expect(await refusal(build({ root, out: other, env: {} }))).toMatch(/not empty and was not made by npm run build/);
    expect(await refusal(build({ root, out: file, env: {} }))).toMatch(/it is a file/);
    expect(await refusal(build({ root, out: link, env: {} }))).toMatch(/symbolic link that npm run build did not make/);
    expect(fs.readFileSync(path.join(other, "keep.txt"), "utf8")).toBe("mine");
    expect(fs.readFileSync(file, "utf8")).toBe("mine");
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it("may be a new or empty folder, or one the build made (it carries the marker)", async () => {
    const empty = path.join(root, "empty");
    fs.mkdirSync(empty);
    await build({ root, out: empty, env: {} });
    expect(fs.readFileSync(path.join(empty, OUTPUT_MARKER), "utf8")).toContain('"kind":"release"');
    await build({ root, out: empty, env: {} });
    await build({ root, out: path.join(root, "new", "dist"), env: {} });
    expect(fs.existsSync(path.join(root, "new", "dist", "manifest.json"))).toBe(true);
  });
});

describe("the site's output", { timeout: 120_000 }, () => {
  let root: string;
  let dist: string;
  let links: string;
  beforeAll(async () => {
    root = writeFixture();
    dist = path.join(root, "dist");
    links = tempDir("sidelines-links-");
    await build({ root, out: dist, env: {} });
  });
  const releaseIsWhole = (): void => {
    execFileSync("sha256sum", ["-c", "--quiet", "--strict", "SHA256SUMS"], { cwd: dist, stdio: "pipe" });
  };

  it("is never the release it reads, the data, the repository, or a folder above them", async () => {
    // Folders of the fixture come first: without the guard the first one fails the test, before any
    // folder of this repository is named.
    const targets = [dist, root, path.dirname(root), "/", ROOT, path.join(ROOT, "data"), path.join(ROOT, "data", "actors"), path.join(ROOT, "schemas")];
    for (const target of targets) {
      for (const out of target === "/" ? ["/", "//"] : spellings(target, links)) {
        const message = await refusal(buildSite({ dist, out }));
        expect(message, out).toMatch(/^refusing to write the site to .*: it (is|holds|is inside) (the release it reads|the data|the repository|the schemas)$/);
      }
    }
    releaseIsWhole();
  });

  it("never replaces a part of the release or another release", async () => {
    expect(await refusal(buildSite({ dist, out: path.join(dist, "json") }))).toMatch(/not made by npm run site/);
    const other = path.join(root, "other-release");
    await build({ root, out: other, env: {} });
    expect(await refusal(buildSite({ dist, out: other }))).toMatch(/not made by npm run site|a symbolic link that npm run site did not make/); // a release is published as a link
    releaseIsWhole();
    expect(fs.existsSync(path.join(other, "manifest.json"))).toBe(true);
  });

  it("may be a new or empty folder, or a site it made before", async () => {
    const out = path.join(tempDir("sidelines-site-out-"), "site");
    await buildSite({ dist, out });
    expect(fs.readFileSync(path.join(out, OUTPUT_MARKER), "utf8")).toContain('"kind":"site"');
    await buildSite({ dist, out });
    await buildSite({ dist });
    expect(fs.existsSync(path.join(dist, "site", "index.html"))).toBe(true);
  });
});

describe("on the command line", () => {
  it("build --out / and site --out data are exit 2 in one line, and create nothing", { timeout: SPAWN_TIMEOUT * 3 }, async () => {
    const root = writeFixture();
    const before = hashTree(path.join(root, "data"));
    for (const [script, args, message] of [
      ["build", ["--root", root, "--out", "/"], /^build: refusing to write the release to \/: it holds the repository$/],
      ["site", ["--out", "data"], /^site: refusing to write the site to data: it is the data$/],
      ["site", ["--dist", path.join(root, "dist"), "--out", "."], /^site: refusing to write the site to \.: it (is the repository|holds the release it reads)$/],
    ] as const) {
      expectOneLineUsageError(await runScript(script, root, [...args]), message);
    }
    if (!rootCacheBefore) expect(fs.existsSync("/.sidelines-cache")).toBe(false);
    expect(hashTree(path.join(root, "data"))).toEqual(before);
  });
});
