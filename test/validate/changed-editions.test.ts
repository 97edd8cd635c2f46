/**
 * `--changed` when a forum edition is renamed, whatever style the forum file writes its editions in:
 * block, flow (`editions: [{id: …}]`), block items in flow style (`- {id: x, …}`), quoted keys and ids.
 */
import "../loaded-machine.ts";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { idsInText } from "../../scripts/lib/load/changed.ts";
import { ROOT } from "../../scripts/lib/paths.ts";
import { BASE, makeTree, removeTrees, TALKS_2021, TEST_FORUM as BASE_FORUM } from "./helpers.ts";

afterAll(removeTrees);

const tsx = path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
const FORUM = "data/forums/test-forum.yaml";
// An edition id that does not contain the forum's id, so that only the edition ids show the change.
const TEST_FORUM = BASE_FORUM.replace("test-forum-2021", "summit-2021");
const TALKS = TALKS_2021.replace("test-forum-2021", "summit-2021");
const block = TEST_FORUM;
const flowList = TEST_FORUM.replace(/editions:\n(?: {2}.*\n| {4}.*\n)+/, "editions: [{id: summit-2021, status: held, start: 2021-06-01, end: 2021-06-03}]\n");
const flowItems = TEST_FORUM.replace(/editions:\n(?: {2}.*\n| {4}.*\n)+/, "editions:\n  - {id: summit-2021, status: held, start: 2021-06-01, end: 2021-06-03}\n");
const flowMultiLine = TEST_FORUM.replace(/editions:\n(?: {2}.*\n| {4}.*\n)+/, 'editions: [\n    { "id": "summit-2021",\n      status: held, start: 2021-06-01, end: 2021-06-03 } ]\n');

const STYLES = { block, "a flow list": flowList, "block items in flow style": flowItems, "a multi-line flow list with quoted keys": flowMultiLine };

describe("the ids a forum file names", () => {
  for (const [style, text] of Object.entries(STYLES)) {
    it(`editions in ${style}`, () => {
      if (style !== "block") expect(text).not.toBe(block);
      expect(idsInText(text)).toEqual(["test-forum", "summit-2021"]);
    });
  }

  it("a file that does not parse still gives every id written, block or flow", () => {
    const broken = `${flowItems}  - {id: summit-2022, status: "held}\n`;
    expect(idsInText(broken)).toEqual(expect.arrayContaining(["test-forum", "summit-2021", "summit-2022"]));
  });
});

describe("--changed after an edition is renamed", () => {
  for (const [style, text] of Object.entries(STYLES)) {
    it(
      `finds the meeting that still names the old edition id (editions in ${style})`,
      () => {
        const root = makeTree({ ...BASE, [FORUM]: text, "data/meetings/talks-2021.yaml": TALKS });
        const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@localhost", "-c", "commit.gpgsign=false", ...args], { cwd: root, encoding: "utf8" });
        git("init", "-q");
        git("add", "-A");
        git("commit", "-qm", "base");
        fs.writeFileSync(path.join(root, FORUM), text.replace("summit-2021", "summit-2021-06"));
        const r = spawnSync(process.execPath, ["--import", tsx, path.join(ROOT, "scripts/validate.ts"), "--changed", "HEAD", "--format", "json"], { cwd: root, encoding: "utf8", env: { ...process.env, GITHUB_ACTIONS: "" }, timeout: 60_000 });
        expect(r.stderr).toBe("");
        const report = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; code: string; line: number }> };
        expect(report.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(["data/meetings/talks-2021.yaml:6 REF001"]);
        expect(r.status).toBe(1);
      },
      90_000,
    );
  }
});
