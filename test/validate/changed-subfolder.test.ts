/** `--changed` when the dataset is a folder inside a larger git repository (a monorepo). */
import "../loaded-machine.ts";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";
import { ROOT } from "../../scripts/lib/paths.ts";

afterAll(removeTempDirs);

const tsx = path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
const record = (id: string, name: string): string => `id: ${id}\nkind: person\nname: ${name}\nsources:\n  - url: https://example.org/${id}\n    publisher: Example\n    published: 2023-01-01\n`;

it("--changed finds changed records and their referrers when data/ is not at the repository's top", () => {
  const repo = tempDir("sidelines-monorepo-");
  const root = path.join(repo, "packages", "dataset");
  fs.mkdirSync(path.join(root, "data/actors"), { recursive: true });
  fs.mkdirSync(path.join(root, "data/forums"), { recursive: true });
  fs.writeFileSync(path.join(root, "data/actors/alpha-one.yaml"), record("alpha-one", "Alpha"));
  fs.writeFileSync(path.join(root, "data/actors/beta-two.yaml"), record("beta-two", "Beta"));
  fs.writeFileSync(path.join(root, "data/forums/gamma-forum.yaml"), "id: gamma-forum\nname: Gamma\norganisers: [alpha-one]\neditions:\n  - id: gamma-forum-2023\n    status: held\n    start: 2023-01-01\nsources:\n  - url: https://example.org/g\n    publisher: Example\n    published: 2023-01-01\n");
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@localhost", ...args], { cwd: repo, encoding: "utf8" });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "base");
  // Rename alpha-one: the forum that names it as organiser must now be checked, and fail.
  fs.renameSync(path.join(root, "data/actors/alpha-one.yaml"), path.join(root, "data/actors/alpha-uno.yaml"));
  fs.writeFileSync(path.join(root, "data/actors/alpha-uno.yaml"), record("alpha-uno", "Alpha"));
  const r = spawnSync(process.execPath, ["--import", tsx, path.join(ROOT, "scripts/validate.ts"), "--changed", "HEAD", "--format", "json"], { cwd: root, encoding: "utf8", env: { ...process.env, GITHUB_ACTIONS: "" } });
  expect(r.stderr).toBe("");
  const report = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; code: string }> };
  expect(report.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(["data/forums/gamma-forum.yaml REF001"]);
  expect(r.status).toBe(1);
});
