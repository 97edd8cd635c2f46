/**
 * `npm pack` gives a package consumers can install and use: the tarball (of this repository's
 * package.json with a release built from the fixture) is installed into a fresh project, whose
 * TypeScript program imports `{ meetings, actors, loadDataset } from "sidelines"` and a raw file by
 * path, type-checks with strict settings against the shipped declarations, and runs under plain node.
 */
import "../loaded-machine.ts";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { packRelease } from "../../scripts/lib/release/pack.ts";
import { build } from "../../scripts/lib/publish/pipeline.ts";
import { fixtureRecords, removeTempDirs, tempDir, writeFixture } from "./fixture.ts";
import { NODE_24, nodeFrom, unavailable } from "../node-lines.ts";

/** How many meetings the fixture release holds: the tests read it from the fixture, not a number. */
const FIXTURE_MEETINGS = fixtureRecords().meeting.length;

afterAll(removeTempDirs);

const CONSUMER = `import { actors, incidents, loadDataset, meetings, type Actor, type Incident, type Meeting } from "sidelines";
import rawMeetings from "sidelines/dist/json/meetings.json" with { type: "json" };

const byId = new Map<string, Actor>(actors.map((a) => [a.id, a]));
const declined: Meeting[] = meetings.filter((m) => m.status === "declined");
const dataset = loadDataset();
const first = declined[0];
if (!first) throw new Error("no declined meeting");

// The types are real, not \`any\`: each line below must fail to type-check.
const causes: Incident[] = incidents.filter((i) => i.kind === "visit");
// @ts-expect-error an incident kind outside the schema's values
const noKind: Incident["kind"] = "sanction";
// @ts-expect-error a status outside the schema's values
const impossible: Meeting["status"] = "maybe";
// @ts-expect-error a derived field has its declared type
const notAString: string = first.participant_sanctioned;
// @ts-expect-error published lists are always present, so this is a list, not undefined
const notOptional: undefined = first.topics;
void [impossible, notAString, notOptional, noKind];

console.log(
  JSON.stringify({
    version: dataset.metadata.version,
    meetings: meetings.length,
    raw: rawMeetings.length,
    declined: declined.map((m) => ({
      id: m.id,
      names: m.participants.map((p) => byId.get(p.actor)?.name ?? p.actor).sort(),
      sanctioned: m.participant_sanctioned,
      cameo: m.status_history.map((s) => s.cameo),
    })),
    meetingsOfLi: byId.get("li-shangfu")?.meeting_ids ?? [],
    causes: causes.map((i) => ({ id: i.id, meetings: i.meeting_ids, cited: meetings.filter((m) => m.status_history.some((s) => (s.incidents ?? []).includes(i.id))).map((m) => m.id) })),
  }),
);
`;

const npm = (args: string[], cwd: string): string => execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" }, stdio: ["ignore", "pipe", "pipe"] });

const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

describe("the npm package", () => {
  let app: string;
  let work: string;
  let tarball: string;
  let packed: string[];

  beforeAll(async () => {
    work = tempDir("sidelines-pack-");
    // The package as `npm run release:pack` makes it, with a release built from the fixture.
    const dist = path.join(work, "dist");
    await build({ root: writeFixture(), out: dist, env: {} });
    expect(fs.lstatSync(dist).isSymbolicLink()).toBe(true); // the release is published as a link
    ({ tarball, files: packed } = packRelease(ROOT, dist, work));
  }, 120_000);

  it("ships the release and the compiled entry, and nothing from the repository's sources", () => {
    expect(packed).toContain("dist/lib/package/index.js");
    expect(packed).toContain("dist/lib/package/index.d.ts");
    expect(packed).toContain("dist/json/meetings.json");
    expect(packed).toContain("dist/csv/meetings.csv");
    expect(packed).toContain("dist/datapackage.json");
    expect(packed.filter((f) => !f.startsWith("dist/") && !["package.json", "README.md", "LICENSE", "LICENSE-DATA", "CITATION.cff"].includes(f))).toEqual([]);
    expect(packed).toEqual(expect.arrayContaining(["LICENSE", "LICENSE-DATA", "CITATION.cff"]));
    expect(packed.some((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toBe(false);
  });

  it("a bare `npm pack` in the repository refuses in one line (it would ship no release) and names release:pack", () => {
    const prepack = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.prepack!;
    expect(prepack).toMatch(/release-pack(\.ts)? --refuse-bare$/);
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/release-pack.ts"), "--refuse-bare"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/npm run build && npm run release:pack/);
  }, 60_000);

  it("npm publish --dry-run accepts the packed tarball as it is", () => {
    const out = execFileSync("npm", ["publish", tarball, "--dry-run", "--ignore-scripts"], { cwd: work, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" }, stdio: ["ignore", "pipe", "pipe"] });
    expect(out).toContain(`+ sidelines@${version}`);
  }, 120_000);

  it("installs into a fresh project, type-checks strictly and runs a consumer program", () => {
    app = path.join(work, "app");
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    // Only the tarball is new; its dependencies (if any) come from the npm cache that `npm ci` filled.
    npm(["install", tarball, "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", "--no-package-lock"], app);
    fs.writeFileSync(path.join(app, "consumer.ts"), CONSUMER);
    fs.writeFileSync(
      path.join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          resolveJsonModule: true,
          skipLibCheck: false,
          outDir: "out",
          typeRoots: [path.join(ROOT, "node_modules/@types")],
          types: ["node"],
        },
        files: ["consumer.ts"],
      }),
    );
    const tsc = path.join(ROOT, "node_modules/.bin/tsc");
    try {
      execFileSync(tsc, ["-p", "tsconfig.json"], { cwd: app, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      throw new Error(`the consumer does not type-check:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
    }
    const output = execFileSync(process.execPath, ["--no-warnings", "out/consumer.js"], { cwd: app, encoding: "utf8" });
    expect(JSON.parse(output)).toEqual({
      version: JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version,
      meetings: 4,
      raw: 4,
      declined: [{ id: "austin-li-shangfu-shangri-la-2023", names: ["Li Shangfu", "Lloyd Austin"], sanctioned: true, cameo: ["036", "125"] }],
      meetingsOfLi: ["austin-li-shangfu-handshake-2023", "austin-li-shangfu-shangri-la-2023"],
      causes: [{ id: "pelosi-taiwan-visit-2022", meetings: ["us-china-theater-commanders-talk-cancelled-2022"], cited: ["us-china-theater-commanders-talk-cancelled-2022"] }],
    });
  }, 180_000);

  it("loads with require() too (ESM only: Node ^20.19.0 || >=22.12.0, as engines says)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
    expect(pkg.engines.node).toBe("^20.19.0 || >=22.12.0");
    const out = execFileSync(process.execPath, ["--no-warnings", "-e", "const s = require('sidelines'); console.log(s.meetings.length, s.loadDataset().metadata.version)"], { cwd: app, encoding: "utf8" });
    expect(out.trim()).toBe(`${FIXTURE_MEETINGS} ${version}`);
  }, 60_000);

  it("runs the consumer under Node 24 (the registry's node package), or says why it cannot", (ctx) => {
    // Fetched through npm like any package; without the registry (offline) this is skipped, and says so.
    const reason = unavailable(NODE_24, work);
    if (reason) {
      console.log(`skipped: ${reason}`);
      ctx.skip(reason);
      return;
    }
    const node24 = nodeFrom(NODE_24);
    const run = (args: string[]): string => execFileSync(node24.command, node24.args(args), { cwd: app, encoding: "utf8", env: node24.env });
    const esm = JSON.parse(run(["--no-warnings", "out/consumer.js"])) as { version: string; meetings: number };
    expect(esm).toMatchObject({ version, meetings: FIXTURE_MEETINGS });
    expect(run(["-e", "console.log(process.version.split('.')[0], require('sidelines').meetings.length)"]).trim()).toBe(`v24 ${FIXTURE_MEETINGS}`);
  }, 300_000);
});
