/**
 * Every entry under data/ gets a verdict: a data/ that is a link is not followed (one located error), odd
 * names (line breaks, controls, invisible characters, bytes that are not UTF-8) are reported, a folder
 * that cannot be listed gets one located error while the rest is still checked, and a command-line path
 * that selects nothing is a usage error.
 */
import "../loaded-machine.ts";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../temp-dirs.ts";
import { discover, type ListDir } from "../../scripts/lib/load/discover.ts";
import { validate } from "../../scripts/lib/validate.ts";
import { formatHuman } from "../../scripts/lib/report/format-human.ts";
import { BASE, BLUE_STATE, makeTree, removeTrees, SCHEMA_SET, withOverrides } from "../validate/helpers.ts";
import { expectOneLineUsageError, runScript, SPAWN_TIMEOUT } from "./helpers.ts";

afterAll(removeTrees);

describe("data/ as a symbolic link", () => {
  it("is not followed: one located error, nothing outside the repository is read or listed", { timeout: SPAWN_TIMEOUT * 2 }, async () => {
    const outside = makeTree(withOverrides(BASE, { "data/actors/secret.txt": "not for listing" }));
    const root = makeTree({}, (r) => fs.symlinkSync(path.join(outside, "data"), path.join(r, "data")));
    const result = await validate({ root, schemaSet: SCHEMA_SET });
    expect(result.diagnostics.map((d) => [d.file, d.line, d.col, d.code])).toEqual([["data", 1, 1, "FILE003"]]);
    expect(result.diagnostics[0]!.message).toMatch(/data\/ is a symbolic link/);
    const cli = await runScript("validate", root, []);
    expect(cli.status).toBe(1);
    expect(cli.stdout).not.toMatch(/secret|blue-state/);
    // A link to a system folder lists nothing either.
    const etc = makeTree({}, (r) => fs.symlinkSync("/etc", path.join(r, "data")));
    expect((await validate({ root: etc, schemaSet: SCHEMA_SET })).diagnostics).toHaveLength(1);
    // format reports it and rewrites nothing outside the repository.
    const before = fs.readFileSync(path.join(outside, "data/actors/blue-state.yaml"));
    const format = await runScript("format", root, []);
    expect(format.status).toBe(1);
    expect(format.stderr).toMatch(/^data:1:1 +FILE003/);
    expect(fs.readFileSync(path.join(outside, "data/actors/blue-state.yaml"))).toEqual(before);
  });
});

describe("odd file and folder names", () => {
  const odd = ["line\nfeed", "carriage\rreturn", "line\u2028separator", "para\u2029separator", "next\u0085line", "tab\there", "esc\u001b[2J", "bidi\u202eoverride", "zero\u200bwidth", "soft\u00adhyphen", "bom\ufeff", "colon:name", "star*name", "trailing-dot.", "trailing-space "];
  it.each(odd)("%j as a record file or a folder gets FILE010, shown on one line", async (name) => {
    const root = makeTree(withOverrides(BASE, { [`data/actors/${name}.yaml`]: BLUE_STATE, [`data/actors/${name}/x.yaml`]: BLUE_STATE, [`data/${name}`]: "x" }));
    const { diagnostics } = await validate({ root, schemaSet: SCHEMA_SET });
    const file9 = diagnostics.filter((d) => d.code === "FILE010");
    // (A name ending in a dot or space is odd as a folder or a file of its own, not before `.yaml`.)
    expect(file9).toHaveLength(/[. ]$/.test(name) ? 2 : 3);
    for (const d of diagnostics) expect(d.file).not.toMatch(/[\n\r\u2028\u2029\u0085\u001b\u202e]/);
    const report = formatHuman(diagnostics, { root, color: false, filesChecked: 3 });
    expect(report.split("\n").filter((l) => l.includes("FILE010"))).toHaveLength(file9.length);
  });

  it("a name that is not UTF-8 gets FILE010 too", async () => {
    const root = makeTree(BASE, (r) => fs.writeFileSync(Buffer.concat([Buffer.from(`${r}/data/actors/bad`), Buffer.from([0xff, 0xfe]), Buffer.from(".yaml")]), BLUE_STATE));
    const { diagnostics } = await validate({ root, schemaSet: SCHEMA_SET });
    expect(diagnostics.filter((d) => d.code === "FILE010").map((d) => d.message)).toEqual(["the name is not valid UTF-8 text; it was not read"]);
  });
});

describe("folders that cannot be listed", () => {
  // Tests run as root, which reads every folder: the listing is given failing folders instead.
  const failing =
    (codes: Record<string, string>): ListDir =>
    (dir) => {
      for (const [end, code] of Object.entries(codes)) if (dir.endsWith(end)) throw Object.assign(new Error(`${code}: simulated`), { code });
      return fs.readdirSync(dir, { withFileTypes: true, encoding: "buffer" });
    };

  it("each gets one located error and the rest is still listed", async () => {
    const root = makeTree(BASE);
    const found = await discover(root, undefined, undefined, failing({ "/actors": "EACCES", "/meetings": "ENAMETOOLONG" }));
    expect(found.diagnostics.map((d) => [d.file, d.line, d.col, d.code])).toEqual([
      ["data/meetings", 1, 1, "FILE006"],
      ["data/actors", 1, 1, "FILE006"],
    ]);
    expect(found.diagnostics[1]!.message).toMatch(/could not be listed: permission denied/);
    expect(found.diagnostics[0]!.message).toMatch(/could not be listed: ENAMETOOLONG/);
    expect(found.records.map((r) => r.file)).toEqual(["data/forums/test-forum.yaml", "data/sanctions/blue-measures-2021.yaml", "data/tombstones/old-ministry.yaml"]);
  });

  it("a real path longer than the system allows is reported, not a crash", { timeout: SPAWN_TIMEOUT }, async () => {
    const root = makeTree(BASE);
    // Made with relative steps (cd), since no single path to it may be used.
    const part = "d".repeat(200);
    execFileSync("bash", ["-c", `cd "$1/data" && for i in $(seq 1 24); do mkdir ${part} && cd ${part}; done && echo x > x.yaml`, "_", root]);
    const result = await validate({ root, schemaSet: SCHEMA_SET });
    const listing = result.diagnostics.filter((d) => d.code === "FILE006");
    expect(listing.map((d) => d.message)).toEqual([expect.stringMatching(/could not be listed: ENAMETOOLONG/)]);
    expect(result.recordsChecked).toBeGreaterThan(0);
    execFileSync("rm", ["-rf", path.join(root, "data", part)]);
  });
});

describe("paths on the command line", { timeout: SPAWN_TIMEOUT * 3 }, () => {
  it("a folder checks its records", async () => {
    const root = makeTree(BASE);
    const r = await runScript("validate", root, ["--format", "json", "data/actors"]);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { summary: { files: number } }).summary.files).toBe(4);
  });

  it("a path that selects nothing is exit 2 in one line: missing, outside data/, an empty folder, a file in a linked folder", async () => {
    const outside = tempDir("sidelines-outside-");
    fs.writeFileSync(path.join(outside, "x.yaml"), BLUE_STATE);
    const root = makeTree(withOverrides(BASE, { "package.json": "{}" }), (r) => {
      fs.mkdirSync(path.join(r, "data", "meetings", "empty"));
      fs.symlinkSync(outside, path.join(r, "data", "actors", "linked"));
    });
    for (const [args, message] of [
      [["data/actors/nobody.yaml"], /^validate: no such file: data\/actors\/nobody\.yaml$/],
      [["package.json"], /^validate: package\.json is not under data\/$/],
      [["data/meetings/empty"], /^validate: data\/meetings\/empty selects no file to check/],
      [["data/actors/linked/x.yaml"], /^validate: no such file|selects no file/],
    ] as const) {
      expectOneLineUsageError(await runScript("validate", root, [...args]), message);
    }
    expectOneLineUsageError(await runScript("format", root, ["nonexistent.yaml"]), /^format: no such file: nonexistent\.yaml$/);
  });

  it("paths are taken from the folder npm run was started in (INIT_CWD)", async () => {
    const root = makeTree(BASE);
    const npm = { INIT_CWD: path.join(root, "data", "meetings"), npm_package_json: path.join(root, "package.json"), npm_lifecycle_script: "tsx scripts/validate.ts" };
    const r = await runScript("validate", root, ["--format", "json", "talks-2021.yaml"], npm);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { summary: { files: number } }).summary.files).toBe(1);
    const f = await runScript("format", root, ["--check", "talks-2021.yaml"], { ...npm, npm_lifecycle_script: "tsx scripts/format.ts" });
    expect(f.stderr).not.toMatch(/no such file/);
  });
});
