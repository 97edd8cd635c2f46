/**
 * The walk-through in CONTRIBUTING.md ("Adding a meeting, end to end"), run as a new contributor would:
 * scaffold → fill in → validate → format → build → diff, on a copy of the real dataset in a git repo.
 */
import "../loaded-machine.ts";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";
import { parse } from "yaml";
import { ROOT } from "../../scripts/lib/paths.ts";

afterAll(removeTempDirs);

const tsx = path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
const script = (cwd: string, name: string, ...args: string[]) => spawnSync(process.execPath, ["--import", tsx, path.join(ROOT, "scripts", `${name}.ts`), ...args], { cwd, encoding: "utf8", env: { ...process.env, GITHUB_ACTIONS: "" } });

describe("a new contributor adds a meeting", () => {
  it("scaffolds, fills in, validates, formats, and sees it in the build and the diff", { timeout: 180_000 }, () => {
    const dir = tempDir("sidelines-contributor-");
    fs.cpSync(path.join(ROOT, "data"), path.join(dir, "data"), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@localhost", ...args], { cwd: dir, encoding: "utf8" });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "base");

    // 1. Scaffold.
    const id = "example-contributor-meeting-2024";
    const rel = `data/meetings/${id}.yaml`;
    expect(script(dir, "new", "meeting", id).status).toBe(0);

    // 2. Validating the untouched skeleton fails, pointing at the empty fields.
    const empty = script(dir, "validate", rel);
    expect(empty.status).toBe(1);
    expect(empty.stdout).toMatch(new RegExp(`${rel}:\\d+:\\d+ +error +SCH004 +\`\` is not an allowed value for \`kind\``));

    // 3. Fill it in (keys deliberately out of order and oddly quoted, as people type them).
    const filled = fs
      .readFileSync(path.join(dir, rel), "utf8")
      .replace("title: ''", 'title: "Example contributor meeting"')
      .replace("kind: ''", "kind: meeting")
      .replace("status: ''", "status: proposed")
      .replace("actor: ''", "actor: lloyd-austin")
      .replace("role: ''", "role: principal")
      .replace("publisher: ''", "publisher: Example Publisher")
      .replace("url: ''", "url: https://example.org/contributor-test")
      .replace("title: ''", "title: Example article")
      .replace("published: ''", "published: '2024-05-01'")
      .concat("topics: [test]\n");
    fs.writeFileSync(path.join(dir, rel), filled);

    // 4. Validate: clean.
    const ok = script(dir, "validate", rel);
    expect(ok.stdout).toMatch(/no problems/);
    expect(ok.status).toBe(0);

    // 5. Format: the file changes to canonical form, the data does not.
    expect(script(dir, "format", "--check").status).toBe(1);
    expect(script(dir, "format").status).toBe(0);
    expect(script(dir, "format", "--check").status).toBe(0);
    const formatted = fs.readFileSync(path.join(dir, rel), "utf8");
    expect(parse(formatted)).toEqual(parse(filled));

    // 6. Build: the meeting is in the release.
    const build = script(dir, "build", "--quiet");
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    const meetings = JSON.parse(fs.readFileSync(path.join(dir, "dist/json/meetings.json"), "utf8")) as Array<{ id: string }>;
    expect(meetings.map((m) => m.id)).toContain(id);

    // 7. Diff against the last commit: one meeting added, a minor release.
    const diff = script(dir, "diff", "HEAD", "--format", "json");
    expect(diff.status).toBe(0);
    const changes = JSON.parse(diff.stdout);
    expect(changes.added).toEqual([{ type: "meetings", id }]);
    expect(changes.removed).toEqual([]);
    expect(changes.bump).toBe("minor");
  });
});
