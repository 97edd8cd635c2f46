import "../loaded-machine.ts";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";
import { parse } from "yaml";
import { ROOT } from "../../scripts/lib/paths.ts";
import { RECORD_TYPE_NAMES } from "../../scripts/lib/record-types.ts";
import { readSchemas } from "../../scripts/lib/schemas.ts";
import { skeleton } from "../../scripts/lib/scaffold/skeleton.ts";

afterAll(removeTempDirs);

const tsx = path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, ["--import", tsx, path.join(ROOT, "scripts/new.ts"), ...args], { cwd, encoding: "utf8" });
const tmp = () => tempDir("sidelines-new-");

describe("npm run new", () => {
  it.each(RECORD_TYPE_NAMES)("a %s skeleton holds the editor line, the id and every required field", (type) => {
    const schemas = readSchemas();
    const text = skeleton(type, "some-id", schemas);
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\//);
    const data = parse(text) as Record<string, unknown>;
    expect(data.id).toBe("some-id");
    for (const key of (schemas.get(`${type}.schema.json`)!.required ?? []) as string[]) expect(Object.keys(data)).toContain(key);
  });

  it("writes the file, says what to do next, and refuses to overwrite it", () => {
    const dir = tmp();
    const first = run(dir, "meeting", "a-new-meeting");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/wrote data\/meetings\/a-new-meeting\.yaml/);
    expect(first.stdout).toMatch(/npm run validate -- data\/meetings\/a-new-meeting\.yaml/);
    const file = path.join(dir, "data/meetings/a-new-meeting.yaml");
    fs.appendFileSync(file, "# my edits\n");
    const before = fs.readFileSync(file, "utf8");
    const second = run(dir, "meeting", "a-new-meeting");
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/already exists/);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  });

  it("--dry-run prints the skeleton and writes nothing", () => {
    const dir = tmp();
    const r = run(dir, "actor", "someone-new", "--dry-run");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("id: someone-new");
    expect(fs.existsSync(path.join(dir, "data"))).toBe(false);
  });

  it.each(["Bad_Id", "UPPER", "double--hyphen", "-leading", "trailing-", "a b", "é-accent", "x"])("rejects the id %j", (id) => {
    const dir = tmp();
    const r = run(dir, "actor", id);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a valid id|expected a type and an id|unknown option `-l`/);
    expect(fs.existsSync(path.join(dir, "data"))).toBe(false);
  });

  it("rejects an unknown type and names the known ones", () => {
    const r = run(tmp(), "summit", "x-y");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown type `summit`; use one of: actor, sanction, incident, meeting, forum, tombstone/);
  });
});
