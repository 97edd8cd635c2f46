/**
 * CONTRIBUTING.md's "Adding a meeting, end to end", executed literally: every `sh` block's commands and
 * the `yaml` record are taken from the document itself and run, in order, in a fresh repository made
 * from this working tree. If the document and the tools drift apart, this fails.
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

interface Block {
  lang: string;
  body: string;
}

/** The fenced code blocks of one `##` section of a Markdown document, in order, un-indented. */
export function sectionBlocks(markdown: string, heading: string): Block[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no section "## ${heading}"`);
  const next = markdown.indexOf("\n## ", start + 1);
  const section = markdown.slice(start, next === -1 ? undefined : next);
  const blocks: Block[] = [];
  const fence = /^( *)```(\w+)\n([\s\S]*?)^\1```$/gm;
  for (let m = fence.exec(section); m; m = fence.exec(section)) {
    const indent = m[1]!.length;
    blocks.push({ lang: m[2]!, body: m[3]!.split("\n").map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join("\n") });
  }
  return blocks;
}

/** A repository holding this working tree's files (tracked and new, not ignored), on `main`. */
function freshRepository(): string {
  const dir = tempDir("sidelines-walkthrough-");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const f of files) {
    const from = path.join(ROOT, f);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, f));
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env: GIT_ENV, stdio: "pipe" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-qm", "base");
  return dir;
}

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@localhost", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@localhost", GITHUB_ACTIONS: "", CI: "" };

describe("CONTRIBUTING.md's walk-through", () => {
  const markdown = fs.readFileSync(path.join(ROOT, "CONTRIBUTING.md"), "utf8");
  const blocks = sectionBlocks(markdown, "Adding a meeting, end to end");
  const record = blocks.find((b) => b.lang === "yaml")!;
  const id = (parse(record.body) as { id: string }).id;

  it("uses an example id that does not exist yet", () => {
    expect(blocks.filter((b) => b.lang === "sh").length).toBeGreaterThanOrEqual(4);
    expect(fs.readdirSync(path.join(ROOT, "data/meetings"))).not.toContain(`${id}.yaml`);
  });

  it("runs as written: every command succeeds, the record validates, and both forms of diff show it", { timeout: 300_000 }, () => {
    const dir = freshRepository();
    const outputs = new Map<string, string>();
    for (const block of blocks) {
      if (block.lang === "yaml") {
        // Step 3: the contributor fills in the skeleton `npm run new` wrote.
        const file = path.join(dir, "data/meetings", `${id}.yaml`);
        expect(fs.existsSync(file), "the scaffold wrote the file before it is filled in").toBe(true);
        fs.writeFileSync(file, record.body);
        continue;
      }
      if (block.lang !== "sh") continue;
      for (const command of block.body.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))) {
        const r = spawnSync("bash", ["-c", command], { cwd: dir, env: GIT_ENV, encoding: "utf8", timeout: 240_000 });
        expect({ command, status: r.status, stderr: r.status === 0 ? "" : r.stderr + r.stdout }).toEqual({ command, status: 0, stderr: "" });
        outputs.set(command, r.stdout);
      }
    }
    const committed = fs.readFileSync(path.join(dir, "data/meetings", `${id}.yaml`), "utf8");
    expect(committed).not.toMatch(/^\s*#(?! yaml-language-server)/m); // no help comments carried into the record
    const diffs = [...outputs].filter(([c]) => c.startsWith("npm run diff"));
    expect(diffs.map(([c]) => c)).toEqual(["npm run diff -- main", "npm run diff -- main HEAD"]);
    for (const [, out] of diffs) expect(out).toContain(id);
  });
});
