/**
 * The commands on the active LTS lines: run by Node 22 and Node 24 (the npm registry's `node` package),
 * `validate` finds the same problems, in the same words and order, with the same exit code, and `build`
 * writes the same release, byte for byte, as under the Node running the tests (the oldest line the
 * package supports, 20). The corpus is large enough for the worker threads, so they run too.
 */
import "../loaded-machine.ts";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { generateCorpus, writeCorpus } from "../../scripts/lib/bench/generate.ts";
import { PARALLEL_THRESHOLD } from "../../scripts/lib/load/parallel.ts";
import { hashTree } from "../publish/fixture.ts";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";
import { nodeFrom, OTHER_NODE_LINES, unavailable } from "../node-lines.ts";

afterAll(removeTempDirs);

const RUN = path.join(ROOT, "scripts/run.mjs");
/** A fixed release time, so that two builds of the same data write the same bytes. */
const EPOCH = "1700000000";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <nodeArgs>` in `cwd`, by this Node (`line` undefined) or by the registry's `line`. */
function run(line: string | undefined, nodeArgs: string[], cwd: string): Promise<Run> {
  const other = line === undefined ? undefined : nodeFrom(line);
  const [command, args] = other ? [other.command, other.args(nodeArgs)] : [process.execPath, nodeArgs];
  // SIDELINES_TIMINGS: the phase lines on stderr tell whether worker threads loaded the files.
  const env = { ...process.env, ...other?.env, NO_COLOR: "1", GITHUB_ACTIONS: "", SOURCE_DATE_EPOCH: EPOCH, SIDELINES_TIMINGS: "1" };
  return new Promise((resolve) => {
    execFile(command, args, { cwd, encoding: "utf8", timeout: 280_000, maxBuffer: 256 * 1024 * 1024, env }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

const WORKERS = /workers' chunks \((\d+) files\)/;

/** What a line's commands give: validation of the broken copy, and the release built from the sound one. */
interface Outcome {
  validate: Run;
  build: Run;
  release: Record<string, string>;
}

async function outcome(line: string | undefined, sound: string, broken: string): Promise<Outcome> {
  const validate = await run(line, [RUN, "validate", "--no-cache", "--format", "json"], broken);
  const build = await run(line, ["--expose-gc", RUN, "build"], sound);
  // The release folder is a link to the build's own folder.
  const release = build.status === 0 ? hashTree(fs.realpathSync(path.join(sound, "dist"))) : {};
  return { validate, build, release };
}

describe("the commands on the active LTS lines (Node 22 and 24)", { timeout: 600_000 }, () => {
  let sound: string;
  let broken: string;
  let here: Outcome;

  beforeAll(async () => {
    sound = tempDir("sidelines-lines-");
    const corpus = generateCorpus(PARALLEL_THRESHOLD + 200, 11);
    writeCorpus(sound, corpus);
    // A copy with a problem of each stage: YAML, the schema, a record check and a dataset check.
    broken = tempDir("sidelines-lines-broken-");
    fs.cpSync(path.join(sound, "data"), path.join(broken, "data"), { recursive: true });
    const files = [...corpus.files.keys()].sort();
    const meeting = files.find((f) => f.startsWith("data/meetings/"))!;
    fs.writeFileSync(path.join(broken, files[5]!), "id: [unclosed\n");
    fs.appendFileSync(path.join(broken, files[files.length - 1]!), "unknown_field: 1\n");
    fs.writeFileSync(path.join(broken, files[1000]!), fs.readFileSync(path.join(broken, files[1000]!), "utf8").replace(/^id: .*$/m, "id: not-the-file-name"));
    fs.writeFileSync(path.join(broken, meeting), fs.readFileSync(path.join(broken, meeting), "utf8").replace(/^( +- actor: ).*$/m, "$1no-such-actor"));
    here = await outcome(undefined, sound, broken);
  }, 600_000);

  it("under the Node running the tests, validation fails on the planted problems with worker threads, and the build succeeds with them", () => {
    expect(here.validate.status, here.validate.stderr).toBe(1);
    const codes = (JSON.parse(here.validate.stdout) as { diagnostics: Array<{ code: string; severity: string }> }).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(["YAML001", "SCH002", "ID001", "REF001"]));
    expect(here.validate.stderr.match(WORKERS)?.[1]).toBe(String(PARALLEL_THRESHOLD + 200));
    expect(here.build.status, here.build.stderr).toBe(0);
    expect(here.build.stderr).toMatch(WORKERS);
    expect(Object.keys(here.release)).toEqual(expect.arrayContaining(["manifest.json", "dataset.json", "ndjson/meetings.ndjson"]));
  });

  for (const line of OTHER_NODE_LINES) {
    it(`${line}: the same diagnostics and exit code, and the same release bytes`, async (ctx) => {
      const why = unavailable(line, ROOT);
      if (why) {
        console.log(`skipped: ${why}`);
        ctx.skip(why);
        return;
      }
      const there = await outcome(line, sound, broken);
      expect(there.validate.status, there.validate.stderr).toBe(here.validate.status);
      expect(there.validate.stdout).toBe(here.validate.stdout);
      expect(there.validate.stderr).toMatch(WORKERS);
      expect(there.build.status, there.build.stderr).toBe(0);
      expect(there.build.stderr).toMatch(WORKERS);
      expect(there.release).toEqual(here.release);
    });
  }
});
