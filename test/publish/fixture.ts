/**
 * Helpers for the build tests: a small fixture dataset written to a temporary folder (a cut-down
 * founding case: the declined Austin–Li Shangfu meeting at the 2023 Shangri-La Dialogue), and ways to
 * run the build in-process or as a child process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { ROOT } from "../../scripts/lib/paths.ts";
import { RECORD_TYPES, type RecordType } from "../../scripts/lib/record-types.ts";
import { build } from "../../scripts/lib/publish/pipeline.ts";

type Rec = Record<string, unknown>;

import { removeTempDirs, tempDir } from "../temp-dirs.ts";

export { removeTempDirs, tempDir };
const src = (key: string, url: string, publisher: string, published?: string): Rec => ({ key, url, publisher, ...(published ? { published } : {}) });

/** The fixture records by type. Tests copy and change them before writing. */
export function fixtureRecords(): Record<RecordType, Rec[]> {
  const mfa = src("mfa", "https://www.fmprc.gov.cn/eng/", "PRC Ministry of Foreign Affairs", "2022-08-05");
  const dod = src("dod", "https://www.defense.gov/News/Releases/", "U.S. Department of Defense");
  const state = (id: string, name: string, country: string): Rec => ({ id, kind: "state", name, country, sources: [src("wiki", `https://www.example.org/${id}`, "Example Encyclopaedia")] });
  const body = (id: string, kind: string, name: string, country: string, parent?: string): Rec => ({ id, kind, name, country, ...(parent ? { parent } : {}), sources: [src("site", `https://www.example.org/${id}`, "Example Encyclopaedia")] });
  return {
    actor: [
      state("united-states", "United States", "US"),
      state("china", "China", "CN"),
      state("singapore", "Singapore", "SG"),
      body("us-department-of-defense", "government-body", "U.S. Department of Defense", "US"),
      body("us-department-of-state", "government-body", "U.S. Department of State", "US"),
      body("prc-ministry-of-national-defense", "government-body", "Ministry of National Defense of the PRC", "CN"),
      body("cmc-equipment-development-department", "military-body", "Equipment Development Department of the Central Military Commission", "CN"),
      body("iiss", "organisation", "International Institute for Strategic Studies", "GB"),
      {
        id: "lloyd-austin",
        kind: "person",
        name: "Lloyd Austin",
        citizenship: ["US"],
        positions: [{ title: "Secretary of Defense", organisation: "us-department-of-defense", start: "2021-01-22", end: "2025-01-20", end_reason: "term-ended" }],
        summary: "=HYPERLINK(\"https://evil.example.com\",\"click\") is not a formula here.\n",
        sources: [dod],
      },
      {
        id: "li-shangfu",
        kind: "person",
        name: "Li Shangfu",
        native_names: [{ name: "李尚福", lang: "zh-Hans" }],
        // Line and paragraph separators, which line-splitting readers take for line ends.
        summary: "Minister in 2023.\u2028Removed in October 2023.\u2029",
        aliases: ["+Li", "-Li", "@Li", "'=Li"],
        citizenship: ["CN"],
        positions: [
          { title: "Director of the Equipment Development Department", organisation: "cmc-equipment-development-department", start: "2017-09", end: "2022-10", end_reason: "reassigned" },
          { title: "Minister of National Defense", organisation: "prc-ministry-of-national-defense", start: "2023-03-12", end: "2023-10-24", end_reason: "removed" },
        ],
        sources: [src("xinhua", "https://english.news.cn/20230312/", "Xinhua", "2023-03-12")],
      },
    ],
    sanction: [
      {
        id: "us-caatsa-231-2018-edd-li-shangfu",
        title: "US CAATSA §231 sanctions on the Equipment Development Department and Li Shangfu",
        imposed_by: "us-department-of-state",
        on_behalf_of: "united-states",
        targets: [
          { actor: "cmc-equipment-development-department", role: "entity" },
          { actor: "li-shangfu", role: "principal-executive-officer" },
        ],
        legal_basis: [{ instrument: "statute", citation: "CAATSA §231(a)" }],
        measures: [{ type: "export-licence-denial" }, { type: "visa-ban", targets: ["li-shangfu"] }],
        announced: "2018-09-20",
        status: "active",
        responses: ["austin-li-shangfu-shangri-la-2023"],
        sources: [src("state", "https://www.state.gov/caatsa-section-231/", "U.S. Department of State", "2018-09-20")],
      },
    ],
    incident: [
      {
        id: "pelosi-taiwan-visit-2022",
        kind: "visit",
        title: "Nancy Pelosi's visit to Taiwan",
        date: "2022-08-02",
        end: "2022-08-03",
        actors: [
          { actor: "united-states", role: "by" },
          { actor: "china", role: "target" },
        ],
        location: { city: "Taipei" },
        sources: [mfa],
      },
    ],
    meeting: [
      {
        id: "austin-li-shangfu-shangri-la-2023",
        title: "Proposed Austin–Li Shangfu meeting at the 2023 Shangri-La Dialogue",
        kind: "meeting",
        status: "declined",
        status_history: [
          { status: "proposed", date: "2023-05", by: "us-department-of-defense", source: "dod" },
          { status: "declined", date: "2023-05-29", by: "china", channel: "statement", reason: "The US sanctions on Li Shangfu.", sanction: "us-caatsa-231-2018-edd-li-shangfu", source: "dod" },
        ],
        participants: [
          { actor: "lloyd-austin", role: "principal", on_behalf_of: "united-states" },
          { actor: "li-shangfu", role: "principal", on_behalf_of: "china" },
        ],
        location: { city: "Singapore", country: "SG" },
        sidelines_of: "shangri-la-dialogue-2023",
        sources: [dod],
      },
      {
        id: "austin-wei-fenghe-shangri-la-2022",
        title: "Austin–Wei Fenghe meeting at the 2022 Shangri-La Dialogue",
        kind: "meeting",
        status: "held",
        participants: [
          { actor: "lloyd-austin", role: "principal", on_behalf_of: "united-states" },
          { actor: "prc-ministry-of-national-defense", role: "principal", on_behalf_of: "china" },
        ],
        date: "2022-06-10",
        duration_minutes: 55,
        location: { venue: "Shangri-La Hotel", city: "Singapore", country: "SG" },
        sidelines_of: "shangri-la-dialogue-2022",
        topics: ["Taiwan", "-5 degrees of separation"],
        sources: [dod],
      },
      {
        id: "austin-li-shangfu-handshake-2023",
        title: "Austin and Li Shangfu shake hands at the 2023 Shangri-La Dialogue opening dinner",
        kind: "brief-encounter",
        status: "held",
        participants: [
          { actor: "lloyd-austin", role: "principal", on_behalf_of: "united-states" },
          { actor: "li-shangfu", role: "principal", on_behalf_of: "china" },
        ],
        date: "2023-06-02",
        location: { city: "Singapore", country: "SG" },
        sources: [dod],
      },
      {
        id: "us-china-theater-commanders-talk-cancelled-2022",
        title: "China–US Theater Commanders Talk (cancelled 2022-08-05)",
        kind: "talks-round",
        status: "cancelled",
        status_history: [{ status: "cancelled", date: "2022-08-05", by: "china", channel: "statement", incidents: ["pelosi-taiwan-visit-2022"], source: "mfa" }],
        participants: [
          { actor: "china", role: "principal" },
          { actor: "united-states", role: "principal" },
        ],
        summary: "China cancelled the talks among its countermeasures to the visit.",
        sources: [mfa],
      },
    ],
    forum: [
      {
        id: "shangri-la-dialogue",
        name: "Shangri-La Dialogue",
        organisers: ["iiss"],
        track: 1.5,
        frequency: "annual",
        venue: { venue: "Shangri-La Hotel", city: "Singapore", country: "SG" },
        editions: [
          { id: "shangri-la-dialogue-2022", number: 19, status: "held", start: "2022-06-10", end: "2022-06-12" },
          {
            id: "shangri-la-dialogue-2023",
            number: 20,
            status: "held",
            start: "2023-06-02",
            end: "2023-06-04",
            delegations: [
              { state: "united-states", level: "minister", head: "lloyd-austin", source: "iiss" },
              { state: "china", level: "minister", head: "li-shangfu", head_title: "Minister of National Defense", source: "iiss", note: "=1+1" },
            ],
          },
        ],
        sources: [src("iiss", "https://www.iiss.org/events/shangri-la-dialogue/", "IISS")],
      },
    ],
    tombstone: [{ id: "li-shang-fu", type: "actor", change: "moved", to: ["li-shangfu"], date: "2024-01-01", reason: "Spelling of the romanised name." }],
  };
}

/** The fixture with every kind of list and date the schemas allow, so that each table has rows. */
export function richFixture(): ReturnType<typeof fixtureRecords> {
  const r = fixtureRecords();
  const byId = (type: RecordType, id: string): Rec => r[type].find((x) => x.id === id)!;
  Object.assign(byId("actor", "lloyd-austin"), {
    born: "circa 1953",
    identifiers: [{ scheme: "wikidata", value: "Q1" }],
    claims: [{ field: "positions/0/start", value: "2021-01-22", source: "dod", note: "Sworn in that day." }],
    notes: [{ field: "summary", text: "A note on the summary." }, { text: "A note on the record." }],
    unverified: ["positions/0/end"],
  });
  Object.assign(byId("sanction", "us-caatsa-231-2018-edd-li-shangfu"), {
    legal_basis: [{ instrument: "statute", citation: "CAATSA §231(a)", title: "Countering America's Adversaries Through Sanctions Act", date: "2017-08-02" }],
    lists: [{ list: "caatsa-231-lsp", name: "List of Specified Persons", targets: ["li-shangfu"], date: "2018-09-20" }],
    transactions: [{ counterparty: "china", item: "Su-35 combat aircraft", quantity: 10, date: "late 2017" }],
    status_as_of: "after 2023-01-01",
  });
  Object.assign(byId("meeting", "austin-wei-fenghe-shangri-la-2022"), {
    virtual: false,
    readouts: [{ by: "us-department-of-defense", url: "https://www.defense.gov/News/Releases/readout/", date: "2022-06-10", summary: "A readout.", quote: "=They met." }],
    claims: [
      { field: "duration_minutes", value: 55, source: "dod" },
      { field: "virtual", value: false, source: "dod" },
    ],
  });
  (byId("meeting", "austin-li-shangfu-shangri-la-2023").status_history as Rec[])[0]!.date = "early 2023-05";
  const forum = byId("forum", "shangri-la-dialogue");
  Object.assign(forum, { first_held: "before 2003", native_names: [{ name: "香格里拉对话", lang: "zh-Hans" }] });
  (forum.editions as Rec[])[1]!.sources = [{ key: "iiss-2023", url: "https://www.iiss.org/events/shangri-la-dialogue/2023/", publisher: "IISS", published: "mid 2023" }];
  return r;
}

/** Writes records as `data/<folder>/<id>.yaml` under a new temporary folder and returns it. */
export function writeFixture(records: Record<RecordType, Rec[]> = fixtureRecords(), dir = tempDir("sidelines-build-")): string {
  for (const [type, list] of Object.entries(records) as Array<[RecordType, Rec[]]>) {
    const folder = path.join(dir, "data", RECORD_TYPES[type].folder);
    fs.mkdirSync(folder, { recursive: true });
    for (const r of list) fs.writeFileSync(path.join(folder, `${String(r.id)}.yaml`), stringify(r, { lineWidth: 0 }));
  }
  return dir;
}

/** Path → sha256 of every file under a folder (sorted), for before/after comparisons. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else out[child] = crypto.createHash("sha256").update(fs.readFileSync(path.join(dir, child))).digest("hex");
    }
  };
  walk("");
  return out;
}

/** The build as a child process (plain node with tsx's loader, so that a kill reaches the build itself). */
export function spawnBuild(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build.ts"), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

export function runBuild(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  return finished(spawnBuild(args, env));
}

/** Builds `root` into a new temporary folder (in-process) and returns the release folder. */
export async function buildInto(root: string): Promise<string> {
  const out = path.join(tempDir("sidelines-release-"), "dist");
  await build({ root, out, env: {} });
  return out;
}
