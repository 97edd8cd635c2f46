/**
 * `npm run new -- edition <forum-id> <edition-id>`: adds an edition to a forum file in date order,
 * keeping the file's comments, key order and everything else byte for byte; refuses ids in use.
 */
import "../loaded-machine.ts";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../../scripts/lib/paths.ts";
import { readSchemas } from "../../scripts/lib/schemas.ts";
import { formatRecord } from "../../scripts/lib/format/format-record.ts";
import { addEdition } from "../../scripts/lib/scaffold/edition.ts";
import { validate } from "../../scripts/lib/validate.ts";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";

afterAll(removeTempDirs);

const schemas = readSchemas();
const tsx = path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, ["--import", tsx, path.join(ROOT, "scripts/new.ts"), ...args], { cwd, encoding: "utf8" });

const FORUM = `# yaml-language-server: $schema=../../schemas/forum.schema.json
id: test-forum
name: Test Forum
organisers: [blue-state]
editions:
  # the first one
  - id: test-forum-2019
    status: held
    start: 2019-06-01
  - id: test-forum-2023
    status: held
    start: 2023-06-02
# where it comes from
sources:
  - publisher: Example Gazette
    url: https://example.org/test-forum
    published: 2023-05-29
`;

/** The lines of `after` that are not in `before`, and whether the rest is unchanged, in order. */
function inserted(before: string, after: string): string[] {
  const a = before.split("\n");
  const b = after.split("\n");
  const start = a.findIndex((line, i) => line !== b[i]);
  const added = b.length - a.length;
  expect(b.slice(0, start)).toEqual(a.slice(0, start));
  expect(b.slice(start + added)).toEqual(a.slice(start));
  return b.slice(start, start + added);
}

describe("adding a forum edition", () => {
  it("puts it between the editions of the years around it, keeping comments and every other line", () => {
    const r = addEdition(FORUM, "test-forum-2021", schemas);
    expect(r).toMatchObject({ ok: true, where: "after `test-forum-2019`" });
    if (!r.ok) return;
    expect(inserted(FORUM, r.text)).toEqual(["  - id: test-forum-2021", "    status: ''", "    start: ''"]);
    expect((parse(r.text) as { editions: Array<{ id: string }> }).editions.map((e) => e.id)).toEqual(["test-forum-2019", "test-forum-2021", "test-forum-2023"]);
    // The new lines are in the formatter's canonical form.
    expect(formatRecord(r.text, "forum", schemas)).toBe(formatRecord(FORUM, "forum", schemas)!.replace("    start: 2019-06-01\n", "    start: 2019-06-01\n  - id: test-forum-2021\n    status: ''\n    start: ''\n"));
  });

  it("goes first when older than every edition, last when newer", () => {
    const first = addEdition(FORUM, "test-forum-2002", schemas);
    expect(first.ok && (parse(first.text) as { editions: Array<{ id: string }> }).editions[0]!.id).toBe("test-forum-2002");
    expect(first.ok && first.where).toBe("before `test-forum-2019`");
    const last = addEdition(FORUM, "test-forum-2030", schemas);
    expect(last.ok && (parse(last.text) as { editions: Array<{ id: string }> }).editions.at(-1)!.id).toBe("test-forum-2030");
  });

  it("creates the editions list at its place in schema order when the forum has none", () => {
    const bare = FORUM.replace(/editions:\n(?: .*\n)+/, "");
    const r = addEdition(bare, "test-forum-2024", schemas);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(inserted(bare, r.text)).toEqual(["editions:", "  - id: test-forum-2024", "    status: ''", "    start: ''"]);
    expect(r.text.indexOf("editions:")).toBeLessThan(r.text.indexOf("# where it comes from"));
  });

  it("turns an empty flow list (`editions: []`) into a block list holding the edition", () => {
    const empty = FORUM.replace(/editions:\n(?: .*\n)+/, "editions: []\n");
    const r = addEdition(empty, "test-forum-2024", schemas);
    expect(r.ok && r.text).toBe(empty.replace("editions: []\n", "editions:\n  - id: test-forum-2024\n    status: ''\n    start: ''\n"));
  });

  it("refuses an edition the forum already has, and a file that does not parse", () => {
    expect(addEdition(FORUM, "test-forum-2023", schemas)).toEqual({ ok: false, message: "it already has an edition `test-forum-2023`" });
    expect(addEdition("id: [unclosed\n", "test-forum-2023", schemas)).toEqual({ ok: false, message: "the forum file does not parse" });
  });
});

describe("npm run new -- edition", () => {
  const tree = (): string => {
    const dir = tempDir("sidelines-edition-");
    fs.mkdirSync(path.join(dir, "data/forums"), { recursive: true });
    fs.mkdirSync(path.join(dir, "data/meetings"), { recursive: true });
    fs.mkdirSync(path.join(dir, "data/actors"), { recursive: true });
    fs.writeFileSync(path.join(dir, "data/forums/test-forum.yaml"), FORUM);
    fs.writeFileSync(path.join(dir, "data/actors/blue-state.yaml"), "id: blue-state\nkind: state\nname: Blue State\ncountry: US\nsources:\n  - publisher: Example Gazette\n    url: https://example.org/blue-state\n    published: 2023-05-29\n");
    return dir;
  };
  const forum = (dir: string): string => fs.readFileSync(path.join(dir, "data/forums/test-forum.yaml"), "utf8");

  it("adds the edition, says where and what comes next; once filled in, the forum validates", async () => {
    const dir = tree();
    const r = run(dir, "edition", "test-forum", "test-forum-2021");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("added edition `test-forum-2021` in data/forums/test-forum.yaml, after `test-forum-2019`");
    expect(r.stdout).toContain("editions[].status — one of: held, cancelled, postponed, scheduled");
    expect(r.stdout).toContain("npm run validate -- data/forums/test-forum.yaml");
    fs.writeFileSync(path.join(dir, "data/forums/test-forum.yaml"), forum(dir).replace("    status: ''\n    start: ''", "    status: held\n    start: 2021-06-04"));
    expect((await validate({ root: dir })).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  }, 60_000);

  it("--dry-run shows the file and writes nothing", () => {
    const dir = tree();
    const r = run(dir, "edition", "test-forum", "test-forum-2021", "--dry-run");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("would add edition `test-forum-2021`");
    expect(r.stdout).toContain("  - id: test-forum-2021\n");
    expect(forum(dir)).toBe(FORUM);
  }, 60_000);

  it.each([
    [["test-forum", "test-forum-2023"], "`test-forum-2023` is already used by data/forums/test-forum.yaml (editions/1)"],
    [["test-forum", "test-forum-blue"], "is already used by data/meetings/test-forum-blue.yaml"],
    [["no-forum", "no-forum-2024"], "there is no forum `no-forum` (data/forums/no-forum.yaml); create it first with npm run new -- forum no-forum"],
    [["test-forum", "other-forum-2024"], "an edition id starts with its forum's id"],
    [["test-forum", "Test_Forum_2024"], "is not a valid id"],
    [["test-forum"], "expected a forum id and an edition id"],
  ])("refuses %j, exit 2, writing nothing", (args, message) => {
    const dir = tree();
    fs.writeFileSync(path.join(dir, "data/meetings/test-forum-blue.yaml"), "id: test-forum-blue\n");
    const r = run(dir, "edition", ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(forum(dir)).toBe(FORUM);
  }, 60_000);

  it("refuses a forum file that is a symbolic link, writing nothing through it", () => {
    const dir = tree();
    const elsewhere = path.join(tempDir("sidelines-edition-target-"), "forum.yaml");
    fs.writeFileSync(elsewhere, FORUM);
    fs.rmSync(path.join(dir, "data/forums/test-forum.yaml"));
    fs.symlinkSync(elsewhere, path.join(dir, "data/forums/test-forum.yaml"));
    const r = run(dir, "edition", "test-forum", "test-forum-2021");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("data/forums/test-forum.yaml is a symbolic link");
    expect(fs.readFileSync(elsewhere, "utf8")).toBe(FORUM);
  }, 60_000);

  it("refuses a forum file that does not parse, and names it", () => {
    const dir = tree();
    fs.writeFileSync(path.join(dir, "data/forums/test-forum.yaml"), "id: test-forum\nname: [unclosed\n");
    const r = run(dir, "edition", "test-forum", "test-forum-2024");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("cannot add `test-forum-2024` to data/forums/test-forum.yaml: the forum file does not parse (npm run validate -- data/forums/test-forum.yaml says where); nothing was written");
    expect(fs.readdirSync(path.join(dir, "data/forums"))).toEqual(["test-forum.yaml"]);
  }, 60_000);
});

describe("CONTRIBUTING.md's \"Adding a forum edition\"", () => {
  it("gives commands that work as written on the forum they name", () => {
    const doc = fs.readFileSync(path.join(ROOT, "CONTRIBUTING.md"), "utf8");
    const start = doc.indexOf("\n## Adding a forum edition\n");
    expect(start).toBeGreaterThan(-1);
    const section = doc.slice(start, doc.indexOf("\n## ", start + 1));
    const commands = [...section.matchAll(/^npm run new -- (edition [^#\n]*?)\s*(?:#.*)?$/gm)].map((m) => m[1]!.split(/\s+/));
    expect(commands.length).toBeGreaterThanOrEqual(2);
    const dir = tempDir("sidelines-edition-doc-");
    fs.mkdirSync(path.join(dir, "data/forums"), { recursive: true });
    for (const args of commands) fs.copyFileSync(path.join(ROOT, `data/forums/${args[1]}.yaml`), path.join(dir, `data/forums/${args[1]}.yaml`));
    for (const args of commands) {
      const r = run(dir, ...args);
      expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr: "" });
    }
  }, 60_000);
});
