import "./loaded-machine.ts";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "./temp-dirs.ts";
import { diffRecords, diffSchemas, diffValues } from "../scripts/lib/diff/diff-records.ts";
import { diffMarkdown } from "../scripts/lib/diff/format-diff.ts";
import { ROOT } from "../scripts/lib/paths.ts";

afterAll(removeTempDirs);

const actor = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id, kind: "person", name: id, ...extra });
const before = { actors: [actor("a"), actor("b", { name: "Bee" }), actor("c"), actor("old-name")], meetings: [], tombstones: [] };

describe("diff of two datasets", () => {
  it("reports an added record and suggests a minor version", () => {
    const d = diffRecords(before, { ...before, actors: [...before.actors, actor("d")] });
    expect(d.added).toEqual([{ type: "actors", id: "d" }]);
    expect(d.bump).toBe("minor");
  });

  it("reports a changed field with its old and new value and suggests a patch", () => {
    const d = diffRecords(before, { ...before, actors: before.actors.map((a) => (a.id === "b" ? { ...a, name: "Bea", aliases: ["B"] } : a)) });
    expect(d.changed).toEqual([{ type: "actors", id: "b", changes: [{ path: "/name", before: "Bee", after: "Bea" }, { path: "/aliases", after: ["B"] }] }]);
    expect(d.bump).toBe("patch");
  });

  it("an id removed without a tombstone is breaking: major", () => {
    const d = diffRecords(before, { ...before, actors: before.actors.filter((a) => a.id !== "c") });
    expect(d.removed).toEqual([{ type: "actors", id: "c" }]);
    expect(d.bump).toBe("major");
    expect(d.reasons.join()).toMatch(/without a tombstone/);
  });

  it("a rename with a tombstone is a redirect, not a removal: minor", () => {
    const after = { actors: [...before.actors.filter((a) => a.id !== "old-name"), actor("new-name")], meetings: [], tombstones: [{ id: "old-name", type: "actor", change: "moved", to: ["new-name"], date: "2026-11-29", reason: "renamed" }] };
    const d = diffRecords(before, after);
    expect(d.removed).toEqual([]);
    expect(d.retired).toEqual([{ type: "actors", id: "old-name", change: "moved", to: ["new-name"] }]);
    expect(d.added).toEqual([{ type: "actors", id: "new-name" }]);
    expect(d.bump).toBe("minor");
    expect(diffMarkdown(d, "v1", "v2")).toContain("`old-name` moved → `new-name`");
  });

  it("identical datasets: no changes, no bump", () => {
    expect(diffRecords(before, before)).toMatchObject({ added: [], removed: [], changed: [], bump: "none" });
  });

  it("field-level changes inside lists are addressed by index", () => {
    expect(diffValues({ p: [{ t: "x" }] }, { p: [{ t: "y" }, { t: "z" }] })).toEqual([{ path: "/p/0/t", before: "x", after: "y" }, { path: "/p/1", after: { t: "z" } }]);
  });

  it("public schema changes: removals and new requirements break, additions do not", () => {
    const old = { type: "object", required: ["id"], properties: { id: { type: "string" }, kind: { enum: ["a", "b"] }, gone: { type: "string" } } };
    const cur = { type: "object", required: ["id", "kind"], properties: { id: { type: "string" }, kind: { enum: ["a", "c"] }, extra: { type: "string" } } };
    const changes = diffSchemas("actor.schema.json", old, cur);
    expect(changes.filter((c) => c.breaking).map((c) => c.description).sort()).toEqual(["`kind` is now required", "property `gone` removed", "value `b` removed"]);
    expect(changes.filter((c) => !c.breaking).map((c) => c.description).sort()).toEqual(["property `extra` added", "value `c` added"]);
    expect(diffRecords(before, before, changes).bump).toBe("major");
  });
});

describe("npm run diff", () => {
  const tsx = path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
  const cli = (args: string[], cwd = ROOT) => spawnSync(process.execPath, ["--import", tsx, path.join(ROOT, "scripts/diff.ts"), ...args], { cwd, encoding: "utf8" });

  it("compares two dataset.json files and prints Markdown and JSON", { timeout: 120_000 }, () => {
    const dir = tempDir("sidelines-diff-test-");
    const a = path.join(dir, "a.json");
    const b = path.join(dir, "b.json");
    fs.writeFileSync(a, JSON.stringify({ metadata: {}, ...before }));
    fs.writeFileSync(b, JSON.stringify({ metadata: {}, ...before, actors: [...before.actors, actor("d")] }));
    const md = cli([a, b]);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain("### Added (1)");
    expect(md.stdout).toContain("Suggested version bump: **minor**");
    const json = cli([a, b, "--format", "json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, added: [{ type: "actors", id: "d" }], bump: "minor" });
  });

  it("a side that is neither a file nor a git ref is a usage error", { timeout: 120_000 }, () => {
    const r = cli(["no-such-ref-or-file"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/neither a dataset.json file nor a commit/);
  });

  it("builds a git ref on the fly and compares it with the working tree", { timeout: 120_000 }, () => {
    const dir = tempDir("sidelines-diff-git-");
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@localhost", ...args], { cwd: dir, encoding: "utf8" });
    fs.mkdirSync(path.join(dir, "data/actors"), { recursive: true });
    const rec = (id: string, name: string) => `id: ${id}\nkind: person\nname: ${name}\nsources:\n  - url: https://example.org/${id}\n    publisher: Example\n`;
    fs.writeFileSync(path.join(dir, "data/actors/alpha-one.yaml"), rec("alpha-one", "Alpha"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "fixture", version: "0.0.1" }));
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "one");
    fs.writeFileSync(path.join(dir, "data/actors/alpha-one.yaml"), rec("alpha-one", "Alpha Prime"));
    fs.writeFileSync(path.join(dir, "data/actors/beta-two.yaml"), rec("beta-two", "Beta"));
    const r = cli(["HEAD", "--format", "json"], dir);
    expect(r.stderr).toBe("");
    const d = JSON.parse(r.stdout);
    expect(d.added).toEqual([{ type: "actors", id: "beta-two" }]);
    expect(d.changed[0]).toMatchObject({ id: "alpha-one", changes: expect.arrayContaining([{ path: "/name", before: "Alpha", after: "Alpha Prime" }]) });
  });
});
