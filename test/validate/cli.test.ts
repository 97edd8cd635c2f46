/**
 * `scripts/validate.ts` as a contributor and CI run it: spawned with a fixture tree as the working
 * directory. Exit status, the three output formats, options, file arguments and `--changed`.
 */
import "../loaded-machine.ts";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BASE, BLUE_MEASURES, BLUE_STATE, GREEN_STATE, lines, makeTree, OLD_CORP, removeTrees, TALKS_2021, runCli, withOverrides, type CliResult } from "./helpers.ts";

afterAll(removeTrees);

const GREEN = "data/actors/green-state.yaml";
const SANCTION = "data/sanctions/blue-measures-2021.yaml";

/** Two errors in one file and a warning in another. */
const BROKEN_GREEN = lines("id: green-state", "kind: stat", "name: Green State", "country: gb", "sources:", "  - publisher: Example Gazette", "    url: https://example.org/green-state", "    published: 2021-01-01");
const WARNING_SANCTION = BLUE_MEASURES.replace("imposed_by: blue-ministry", "imposed_by: old-ministry");

const clean = () => makeTree(BASE);
const withProblems = () => makeTree(withOverrides(BASE, { [GREEN]: BROKEN_GREEN, [SANCTION]: WARNING_SANCTION }));
const warningsOnly = () => makeTree(withOverrides(BASE, { [SANCTION]: WARNING_SANCTION }));

/** No stack trace: no `    at fn (file:line:col)` frames, no Error class names from Node. */
function expectNoStackTrace(r: CliResult): void {
  expect(r.stderr + r.stdout).not.toMatch(/^\s+at .+(:\d+:\d+\)?|\(node:)/m);
  expect(r.stderr).not.toMatch(/TypeError|ReferenceError|ERR_|node:internal/);
}

describe.concurrent("exit status and the human format", { timeout: 120_000 }, () => {
  it("exits 0 on a clean tree and says there are no problems", async () => {
    const r = await runCli(clean(), []);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`✓ ${Object.keys(BASE).length} files checked: no problems`);
    expect(r.stderr).toBe("");
  });

  it("exits 1 on errors, with path:line:col  severity  CODE  message lines, code frames and a summary", async () => {
    const r = await runCli(withProblems(), []);
    expect(r.status).toBe(1);
    const out = r.stdout.split("\n");
    // The diagnostic lines, in file then position order.
    const heads = out.filter((l) => /^data\/\S+:\d+:\d+ {2}/.test(l));
    expect(heads).toEqual([
      `${GREEN}:2:7  error    SCH004  \`stat\` is not an allowed value for \`kind\`; did you mean \`state\`?`,
      `${GREEN}:4:10  error    SCH005  \`gb\` is not a country code; did you mean \`GB\`?`,
      `${SANCTION}:3:13  warning  REF003  \`old-ministry\` was moved to \`blue-ministry\``,
    ]);
    // A code frame under the first: the line marked with `>` and a caret under column 7.
    const first = out.indexOf(heads[0]!);
    const marked = out.slice(first).find((l) => /^\s+> +2 \| /.test(l))!;
    expect(marked).toMatch(/^ {4}> 2 \| kind: stat$/);
    const caret = out[out.indexOf(marked) + 1]!;
    expect(caret).toMatch(/^\s+\| +\^$/);
    expect(caret.indexOf("^")).toBe(marked.indexOf("stat"));
    // Context lines on either side, unmarked.
    expect(out[out.indexOf(marked) - 1]).toMatch(/^ {6}1 \| id: green-state$/);
    expect(out).toContain(`    tip: allowed: \`person\`, \`state\`, \`government-body\`, \`military-body\`, \`organisation\`, \`international-organisation\`, \`media\``);
    expect(out[out.length - 2]).toBe(`2 errors, 1 warning in 2 files (${Object.keys(BASE).length + 1} files checked)`);
  });

  it("warnings alone exit 0; with --strict they exit 1", async () => {
    const root = warningsOnly();
    const plain = await runCli(root, []);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain(`${SANCTION}:3:13  warning  REF003`);
    expect(plain.stdout).toContain("0 errors, 1 warning in 1 file");
    const strict = await runCli(root, ["--strict"]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain("0 errors, 1 warning in 1 file");
  });

  it("--help prints the usage and exits 0", async () => {
    const r = await runCli(clean(), ["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run validate/);
  });
});

describe.concurrent("machine formats", { timeout: 120_000 }, () => {
  it("--format json parses and carries version, summary and located diagnostics", async () => {
    const r = await runCli(withProblems(), ["--format", "json"]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { version: number; summary: Record<string, number>; diagnostics: Array<Record<string, unknown>> };
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ files: Object.keys(BASE).length + 1, errors: 2, warnings: 1 });
    expect(report.diagnostics.map((d) => [d.file, d.line, d.col, d.severity, d.code])).toEqual([
      [GREEN, 2, 7, "error", "SCH004"],
      [GREEN, 4, 10, "error", "SCH005"],
      [SANCTION, 3, 13, "warning", "REF003"],
    ]);
    expect(report.diagnostics[0]).toMatchObject({ pointer: "/kind", tip: expect.stringContaining("allowed:") });
  });

  it("--format json on a clean tree exits 0 with no diagnostics", async () => {
    const r = await runCli(clean(), ["--format", "json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ version: 1, summary: { files: Object.keys(BASE).length, errors: 0, warnings: 0 }, diagnostics: [] });
  });

  it("--format github prints one workflow command per problem", async () => {
    const r = await runCli(withProblems(), ["--format", "github"]);
    expect(r.status).toBe(1);
    const out = r.stdout.trim().split("\n");
    expect(out[0]).toBe(`::error file=${GREEN},line=2,col=7,title=SCH004::\`stat\` is not an allowed value for \`kind\`; did you mean \`state\`?%0A(tip: allowed: \`person\`, \`state\`, \`government-body\`, \`military-body\`, \`organisation\`, \`international-organisation\`, \`media\`)`);
    expect(out[1]).toMatch(new RegExp(`^::error file=${GREEN},line=4,col=10,title=SCH005::`));
    expect(out[2]).toMatch(new RegExp(`^::warning file=${SANCTION},line=3,col=13,title=REF003::`));
    expect(out[3]).toBe(`2 errors, 1 warning (${Object.keys(BASE).length + 1} files checked)`);
    // Messages never break the one-line command format.
    for (const l of out.slice(0, 3)) expect(l).not.toMatch(/[\r\n]/);
  });

  it("GITHUB_ACTIONS=true selects the github format; --format overrides it", async () => {
    const root = withProblems();
    const auto = await runCli(root, [], { GITHUB_ACTIONS: "true" });
    expect(auto.status).toBe(1);
    expect(auto.stdout.split("\n")[0]).toMatch(/^::error file=data\/actors\/green-state\.yaml,line=2,col=7,title=SCH004::/);
    const human = await runCli(root, ["--format", "human"], { GITHUB_ACTIONS: "true" });
    expect(human.stdout).not.toContain("::error");
    expect(human.stdout).toContain(`${GREEN}:2:7  error    SCH004`);
  });
});

describe.concurrent("usage errors exit 2 with a plain message", { timeout: 120_000 }, () => {
  it.each([
    ["an unknown option", ["--bogus"], /^validate: unknown option `--bogus` \(run with --help for usage\)$/],
    ["a bad --format", ["--format", "xml"], /^validate: --format must be human, json or github \(got `xml`\)/],
    ["--format without a value", ["--format"], /^validate: option `--format` needs a value/],
    ["a file that does not exist", ["data/actors/nobody.yaml"], /^validate: no such file: data\/actors\/nobody\.yaml/],
    ["a file outside data/", ["package.json"], /^validate: package\.json is not under data\//],
  ])("%s", async (_name, args, message) => {
    const root = makeTree(withOverrides(BASE, { "package.json": "{}" }));
    const r = await runCli(root, args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expectNoStackTrace(r);
  });

  it("a folder without data/ is a usage error, not a clean pass over nothing", async () => {
    const r = await runCli(makeTree({ "README.md": "not a dataset" }), []);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain("no problems");
    expect(r.stderr).toMatch(/^validate: there is no data\/ folder in /);
    expectNoStackTrace(r);
  });

  it("a file where the data folder should be exits 2 with one line, no stack trace", async () => {
    const r = await runCli(makeTree({ data: "a file where the data folder should be" }), []);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^validate: data in .* is not a folder/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expectNoStackTrace(r);
  });
});

describe.concurrent("file arguments", { timeout: 120_000 }, () => {
  const twoBroken = () => makeTree(withOverrides(BASE, { [GREEN]: BROKEN_GREEN, "data/actors/red-state.yaml": lines("id: red-state", "kind: state") }));

  it("check only the files named (relative or absolute paths)", async () => {
    const root = twoBroken();
    const all = await runCli(root, ["--format", "json"]);
    expect(new Set((JSON.parse(all.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file))).toEqual(new Set([GREEN, "data/actors/red-state.yaml"]));

    for (const arg of [GREEN, path.join(root, GREEN)]) {
      const one = await runCli(root, ["--format", "json", arg]);
      expect(one.status).toBe(1);
      const report = JSON.parse(one.stdout) as { summary: { files: number }; diagnostics: Array<{ file: string }> };
      expect(report.summary.files).toBe(1);
      expect(new Set(report.diagnostics.map((d) => d.file))).toEqual(new Set([GREEN]));
    }
  });

  it("a named file that is fine exits 0 even when others are broken", async () => {
    const r = await runCli(twoBroken(), ["data/actors/blue-state.yaml"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe("✓ 1 file checked: no problems");
  });

  it("references from a named file resolve against the whole dataset", async () => {
    const r = await runCli(twoBroken(), ["--format", "json", SANCTION]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics).toEqual([]);
  });
});

describe.concurrent("--changed", { timeout: 120_000 }, () => {
  const git = (root: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Sidelines Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", ...args], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: path.join(root, ".no-global-gitconfig") },
    });
  /** Makes the tree a git repository with everything committed: the base that --changed compares to. */
  const commitAll = (root: string): void => {
    git(root, "init", "-q");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "base");
  };

  const CORP_SUCCESSOR = lines(
    "id: corp-successor",
    "kind: organisation",
    "name: Corp Successor",
    "country: US",
    "predecessors:",
    "  - old-corp",
    "sources:",
    "  - publisher: Example Gazette",
    "    url: https://example.org/successor",
    "    published: 2021-01-01",
  );
  // Committed broken and never touched: a run over changes must not report it.
  const UNRELATED_BROKEN = "data/actors/unrelated-broken.yaml";

  /** A committed dataset, then: one record modified, one renamed, one deleted, one added. */
  function changedRepo(): string {
    const root = makeTree(
      withOverrides(BASE, {
        "data/actors/corp-successor.yaml": CORP_SUCCESSOR,
        [UNRELATED_BROKEN]: lines("id: unrelated-broken", "kind: stat", "name: Unrelated", "sources:", "  - publisher: Example Gazette", "    url: https://example.org/u"),
      }),
    );
    commitAll(root);
    // Modified (a valid change): records that mention ann-example are re-checked.
    fs.writeFileSync(path.join(root, "data/actors/ann-example.yaml"), fs.readFileSync(path.join(root, "data/actors/ann-example.yaml"), "utf8").replace("name: Ann Example", "name: Ann B. Example"));
    // Renamed without updating the id: ID001 in the new file, REF001 where blue-state is referenced.
    git(root, "mv", "data/actors/blue-state.yaml", "data/actors/blue-country.yaml");
    // Deleted: corp-successor now references an id that is gone.
    fs.rmSync(path.join(root, "data/actors/old-corp.yaml"));
    // Added, untracked, with an error.
    fs.writeFileSync(path.join(root, "data/actors/new-agency.yaml"), GREEN_STATE.replace(/green-state/g, "new-agency").replace("country: GB", "country: XX"));
    return root;
  }

  it("checks changed files and records referencing changed ids, but not unrelated broken files", async () => {
    const root = changedRepo();
    const r = await runCli(root, ["--changed", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { summary: { files: number }; diagnostics: Array<{ file: string; line: number; col: number; code: string }> };
    expect(report.diagnostics.map((d) => [d.file, d.line, d.col, d.code])).toEqual([
      ["data/actors/blue-country.yaml", 1, 5, "ID001"],
      ["data/actors/blue-ministry.yaml", 5, 9, "REF001"],
      ["data/actors/corp-successor.yaml", 6, 5, "REF001"],
      ["data/actors/new-agency.yaml", 4, 10, "CTRY001"],
      [SANCTION, 4, 15, "REF001"],
    ]);
    // Checked: the modified, renamed and added files, plus talks-2021, blue-measures, blue-ministry and
    // corp-successor, which mention a changed id. Not the forum, the tombstone or the unrelated file.
    expect(report.summary.files).toBe(7);
    expect(r.stdout).not.toContain(UNRELATED_BROKEN);

    // The unrelated file is broken: a full run reports it.
    const full = JSON.parse((await runCli(root, ["--format", "json"])).stdout) as { diagnostics: Array<{ file: string; code: string }> };
    expect(full.diagnostics.filter((d) => d.file === UNRELATED_BROKEN).map((d) => d.code)).toContain("SCH004");
  });

  it("looks for referrers of a changed meeting only where a field can point to a meeting", async () => {
    // An actor whose text mentions the meeting's id cannot reference it (no actor field points to
    // meetings), so it is not checked; a sanction that lists the meeting among its responses is.
    const root = makeTree(
      withOverrides(BASE, {
        "data/actors/talks-watcher.yaml": GREEN_STATE.replace(/green-state/g, "talks-watcher").replace("name: Green State", "name: Watcher of talks-2021"),
        "data/sanctions/blue-measures-2021.yaml": `${BLUE_MEASURES}responses:\n  - talks-2021\n`,
      }),
    );
    commitAll(root);
    fs.writeFileSync(path.join(root, "data/meetings/talks-2021.yaml"), TALKS_2021.replace("title: Test talks", "title: Test talks, renamed"));
    const r = await runCli(root, ["--changed", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    // The meeting and the sanction; not the actor that only mentions it.
    expect(JSON.parse(r.stdout).summary.files).toBe(2);
  });

  it("rechecks records of any type that share a new id: an added meeting named like an actor clashes with it", async () => {
    const root = makeTree(BASE);
    commitAll(root);
    fs.writeFileSync(path.join(root, "data/meetings/ann-example.yaml"), TALKS_2021.replace("id: talks-2021", "id: ann-example"));
    const r = await runCli(root, ["--changed", "--format", "json"]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; code: string }> };
    expect(report.diagnostics.filter((d) => d.code === "ID003").map((d) => d.file).sort()).toEqual(["data/actors/ann-example.yaml", "data/meetings/ann-example.yaml"]);
  });

  it("takes an explicit ref, and with no changes since it checks nothing", async () => {
    const root = changedRepo();
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "changes");
    const sinceNow = await runCli(root, ["--changed", "HEAD", "--format", "json"]);
    expect(sinceNow.status).toBe(0);
    expect(JSON.parse(sinceNow.stdout).summary.files).toBe(0);
    const sinceBase = await runCli(root, ["--changed", "HEAD~1", "--format", "json"]);
    expect(sinceBase.status).toBe(1);
    expect(JSON.parse(sinceBase.stdout).summary.files).toBe(7);
  });

  it("a ref that does not exist exits 2 with a clear message", async () => {
    const root = makeTree(BASE);
    commitAll(root);
    const r = await runCli(root, ["--changed", "no-such-branch"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^validate: --changed: `no-such-branch` is not a commit, branch or tag in this repository/);
    expectNoStackTrace(r);
  });

  it("outside a git repository, --changed exits 2 with a clear message", async () => {
    const root = makeTree({ "data/actors/blue-state.yaml": BLUE_STATE, "data/actors/old-corp.yaml": OLD_CORP });
    const r = await runCli(root, ["--changed"], { GIT_CEILING_DIRECTORIES: path.dirname(root) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^validate: --changed needs a git repository, and .* is not inside one/);
    expect(r.stderr).not.toMatch(/HEAD/);
    expectNoStackTrace(r);
  });
});
