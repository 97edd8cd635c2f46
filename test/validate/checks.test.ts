/**
 * One table of cases for every diagnostic code: loader (FILE, YAML), schema (SCH, SRC001, ID004) and
 * the checks beyond the schema (registry). Each case is a small dataset built on the valid BASE
 * dataset; it must produce exactly the listed diagnostics of its code (file, line, column, severity),
 * and its corrected version must validate with no diagnostics at all.
 *
 * The last tests derive the list of codes from the code (allCodes(), CHECKS) and fail when a code has
 * no case here, or when codes collide.
 */
import "../loaded-machine.ts";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allCodes } from "../../scripts/lib/docs/check-codes.ts";
import { CHECKS } from "../../scripts/lib/check/registry.ts";
import { LOADER_CODES, SCHEMA_CODES } from "../../scripts/lib/codes.ts";
import { LIMITS } from "../../scripts/lib/load/limits.ts";
import {
  ANN_EXAMPLE,
  BASE,
  BLUE_MEASURES,
  BLUE_MINISTRY,
  caseSensitiveFs,
  GREEN_STATE,
  isWindows,
  lines,
  OLD_CORP,
  OLD_MINISTRY,
  PUBLISHERS,
  REFUSED,
  REFUSED_2021,
  REGISTRY,
  removeTrees,
  TALKS_2021,
  TEST_FORUM,
  validateFiles,
  where,
  withOverrides,
  type Files,
} from "./helpers.ts";

afterAll(removeTrees);

interface Expected {
  file: string;
  line: number;
  col: number;
  /** Defaults to the severity the code is declared with. */
  severity?: "error" | "warning";
  /** Text the message must contain, where the wording matters (a suggestion, a name). */
  message?: string | RegExp;
}

interface Case {
  code: string;
  name: string;
  /** Changes to BASE that cause the problem. */
  bad: Files;
  /** Changes to BASE that correct it (the corrected tree must be entirely clean). */
  fixed: Files;
  expected: Expected[];
  /** Runs after the files are written (symbolic links, FIFOs). */
  setup?: (root: string) => void;
  fixedSetup?: (root: string) => void;
  /** Run as `--strict` does (checks that only strict runs run). */
  strict?: boolean;
  skip?: string | false;
}

const declared = new Map(allCodes().map((c) => [c.code, c]));

const GREEN = "data/actors/green-state.yaml";
const TALKS = "data/meetings/talks-2021.yaml";
const ANN = "data/actors/ann-example.yaml";
const FORUM = "data/forums/test-forum.yaml";
const SANCTION = "data/sanctions/blue-measures-2021.yaml";
const TOMB = "data/tombstones/old-ministry.yaml";
const EXERCISE = "data/incidents/blue-exercise-2021.yaml";
const CANCELLED = "data/meetings/talks-2021-cancelled.yaml";

/** An incident, and a meeting whose cancellation (line 8) cites the incidents given. */
const BLUE_EXERCISE = lines(
  "id: blue-exercise-2021",
  "kind: exercise",
  "title: Blue State naval exercise",
  "date: 2021-05-01",
  "actors:",
  "  - actor: blue-state",
  "    role: by",
  "sources:",
  "  - publisher: Example Gazette",
  "    url: https://example.org/blue-exercise-2021",
  "    published: 2021-05-01",
);
const cancelledCiting = (incidents: string, date = "2021-05-10"): string =>
  lines(
    "id: talks-2021-cancelled",
    "title: Cancelled test talks",
    "kind: meeting",
    "status: cancelled",
    "status_history:",
    "  - status: cancelled",
    `    date: ${date}`,
    `    incidents: [${incidents}]`,
    "    by: blue-state",
    "    source: gazette",
    "participants:",
    "  - actor: ann-example",
    "    role: principal",
    "sources:",
    "  - key: gazette",
    "    publisher: Example Gazette",
    "    url: https://example.org/talks-2021-cancelled",
    "    published: 2021-05-10",
    "    quote: Blue State cancelled the talks.",
  );
const CITING_EXERCISE = { [EXERCISE]: BLUE_EXERCISE, [CANCELLED]: cancelledCiting("blue-exercise-2021") };

/** TALKS_2021 with line `n` (1-based) replaced by the given lines. */
function talksWith(n: number, ...replacement: string[]): string {
  const ls = TALKS_2021.trimEnd().split("\n");
  ls.splice(n - 1, 1, ...replacement);
  return lines(...ls);
}

/** TEST_FORUM whose 2021 edition records Blue State's delegation (line 14: its `source`). */
const forumWithDelegation = (source: string): string =>
  TEST_FORUM.replace(
    "    end: 2021-06-03\n",
    lines("    end: 2021-06-03", "    delegations:", "      - state: blue-state", "        level: minister", "        head: ann-example", `        source: ${source}`, "    sources:", "      - key: gazette", "        publisher: Example Gazette", "        url: https://example.org/test-forum-2021", "        published: 2021-06-03"),
  );

/** GREEN_STATE with line `n` (1-based) replaced by the given lines. */
function greenWith(n: number, ...replacement: string[]): string {
  const ls = GREEN_STATE.trimEnd().split("\n");
  ls.splice(n - 1, 1, ...replacement);
  return lines(...ls);
}

/** GREEN_STATE as a member of blue-state (standing in for an organisation) from 2004-05-01, with these lines after the start. */
const greenMember = (...rest: string[]): string => greenWith(5, "memberships:", "  - organisation: blue-state", "    start: 2004-05-01", ...rest, "sources:");

/** GREEN_STATE's source, up to its date. */
const GAZETTE_SOURCE = "  - publisher: Example Gazette\n    url: https://example.org/green-state\n";
/** The registry with an aggregator that is not blocked (PUB005), and two hosts to place in order (PUB006). */
const DIGEST_REGISTRY = REGISTRY + lines("  news-digest.net:", "    publisher: News Digest", "    kind: aggregator");
const NEWS_HOSTS = lines("  aaa-news.org:", "    publisher: AAA News", "    kind: newspaper", "  abc-news.org:", "    publisher: ABC News", "    kind: newspaper");

const mkfifo = (rel: string) => (root: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  execFileSync("mkfifo", [path.join(root, rel)]);
};

// ---------------------------------------------------------------------------------------------------------
// Loader: files and YAML

const LOADER_CASES: Case[] = [
  {
    code: "FILE001",
    name: "a .yml file in a record folder",
    bad: { "data/actors/green-state.yml": GREEN_STATE },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: "data/actors/green-state.yml", line: 1, col: 1, message: "found a .yml file" }],
  },
  {
    code: "FILE001",
    name: "a .json file in a record folder",
    bad: { "data/actors/green-state.json": JSON.stringify({ id: "green-state" }) },
    fixed: {},
    expected: [{ file: "data/actors/green-state.json", line: 1, col: 1 }],
  },
  {
    code: "FILE002",
    name: "a record in an unknown folder and one in a nested folder",
    bad: { "data/states/green-state.yaml": GREEN_STATE, "data/actors/europe/green-state.yaml": GREEN_STATE },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [
      { file: "data/actors/europe/green-state.yaml", line: 1, col: 1 },
      { file: "data/states/green-state.yaml", line: 1, col: 1 },
    ],
  },
  {
    code: "FILE003",
    name: "a symbolic link to a record outside data/",
    skip: isWindows && "symbolic links need privileges on Windows",
    bad: { "outside/green-state.yaml": GREEN_STATE },
    setup: (root) => fs.symlinkSync(path.join(root, "outside/green-state.yaml"), path.join(root, GREEN)),
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 1, col: 1 }],
  },
  {
    code: "FILE004",
    name: "a file over the size limit",
    bad: { [GREEN]: GREEN_STATE + lines("summary: |", ...Array.from({ length: Math.ceil(LIMITS.maxFileBytes / 100) + 1 }, () => `  ${"x".repeat(97)}`)) },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 1, col: 1, message: `over the limit of ${LIMITS.maxFileBytes} bytes` }],
  },
  {
    code: "FILE005",
    name: "a control character in a name",
    bad: { [GREEN]: greenWith(3, "name: Green\u0007State") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 3, col: 12, message: "U+0007" }],
  },
  {
    code: "FILE006",
    name: "a FIFO where a record should be (not a regular file)",
    skip: isWindows && "no FIFOs on Windows",
    bad: {},
    setup: mkfifo(GREEN),
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 1, col: 1, message: "not a regular file" }],
  },
  {
    code: "FILE007",
    name: "two file names differing only in case",
    skip: !caseSensitiveFs() && "the file system does not tell the two names apart",
    bad: { "data/actors/Green-State.yaml": GREEN_STATE, [GREEN]: GREEN_STATE },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 1, col: 1, message: "data/actors/Green-State.yaml" }],
  },
  {
    code: "FILE008",
    name: "a line over the length limit",
    bad: { [GREEN]: greenWith(3, `name: ${"x".repeat(LIMITS.maxLineLength)}`) },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 3, col: LIMITS.maxLineLength + 1 }],
  },
  {
    code: "FILE009",
    name: "lines ended by a lone CR, once, at the first (a CRLF before it is a line end)",
    bad: { [GREEN]: GREEN_STATE.replace("\n", "\r\n").replace(/(?<!\r)\n/g, "\r") },
    fixed: { [GREEN]: GREEN_STATE.replace(/\n/g, "\r\n") },
    expected: [{ file: GREEN, line: 2, col: 12, message: "lone carriage return" }],
  },
  {
    code: "FILE010",
    name: "a record whose file name holds a line feed",
    bad: { "data/actors/green\nstate.yaml": GREEN_STATE },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: "data/actors/green\\nstate.yaml", line: 1, col: 1, message: "a line break (U+000A)" }],
  },
  {
    code: "YAML001",
    name: "an unclosed quote",
    bad: { [GREEN]: greenWith(3, 'name: "Green State') },
    fixed: { [GREEN]: GREEN_STATE },
    // At the opening quote, not at the end of the file where the runaway value ends.
    expected: [{ file: GREEN, line: 3, col: 7, message: "never closed" }],
  },
  {
    code: "YAML002",
    name: "a key given twice",
    bad: { [GREEN]: greenWith(3, "name: Green State", "name: Greenland") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 4, col: 1, message: "`name`" }],
  },
  {
    code: "YAML003",
    name: "two documents in one file",
    bad: { [GREEN]: `${GREEN_STATE}---\n${GREEN_STATE}` },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 9, col: 1 }],
  },
  {
    code: "YAML004",
    name: "a list at the top level",
    bad: { [GREEN]: lines("- id: green-state", "  kind: state") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 1, col: 1, message: "a list" }],
  },
  {
    code: "YAML005",
    name: "an empty file and a file of comments",
    bad: { [GREEN]: "", "data/actors/red-state.yaml": lines("# to do", "# write this record") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [
      { file: GREEN, line: 1, col: 1 },
      { file: "data/actors/red-state.yaml", line: 1, col: 1 },
    ],
  },
  {
    code: "YAML006",
    name: "a custom tag",
    bad: { [GREEN]: greenWith(3, "name: !custom Green State") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 3, col: 7 }],
  },
  {
    code: "YAML007",
    name: "an anchor and an alias",
    bad: { [GREEN]: greenWith(3, "name: &n Green State", "aliases:", "  - *n") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [
      { file: GREEN, line: 3, col: 7, message: "anchor &n" },
      { file: GREEN, line: 5, col: 5, message: "alias *n" },
    ],
  },
  {
    code: "YAML008",
    name: "flow lists nested deeper than the limit",
    bad: { [GREEN]: GREEN_STATE + lines(`aliases: ${"[".repeat(LIMITS.maxDepth + 8)}${"]".repeat(LIMITS.maxDepth + 8)}`) },
    fixed: { [GREEN]: GREEN_STATE },
    // `aliases: ` is 9 characters; the bracket past the limit is number maxDepth + 1.
    expected: [{ file: GREEN, line: 9, col: 9 + LIMITS.maxDepth + 1 }],
  },
  {
    code: "YAML009",
    name: "a tab used for indentation",
    bad: { [GREEN]: greenWith(6, "\t- publisher: Example Gazette") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 6, col: 1 }],
  },
  {
    code: "YAML010",
    name: "UTF-16 surrogates written as escapes: lone in a value, lone in a key, a pair split over two escapes, an 8-digit escape",
    bad: {
      [GREEN]: greenWith(
        3,
        String.raw`name: "Green\ud800State"`,
        String.raw`"aliases\udc00": []`,
        String.raw`summary: "A smile \ud83d\ude00, a \\ud800 that is text, and \U0000DFFF."`,
      ),
    },
    fixed: { [GREEN]: greenWith(3, String.raw`name: "Green State"`, String.raw`summary: "A smile \U0001F600, a \\ud800 that is text."`) },
    expected: [
      { file: GREEN, line: 3, col: 13, message: "lone UTF-16 surrogate (U+D800)" },
      { file: GREEN, line: 4, col: 9, message: "U+DC00" },
      { file: GREEN, line: 5, col: 19, message: String.raw`\ud83d\ude00` + "` writes one character as two UTF-16 halves" },
      { file: GREEN, line: 5, col: 61, message: "U+DFFF" },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Schema

const SCHEMA_CASES: Case[] = [
  {
    code: "SCH001",
    name: "a participant without a role",
    bad: { [TALKS]: talksWith(9) },
    fixed: {},
    // Reported at the participant, whose first key is on line 8.
    expected: [{ file: TALKS, line: 8, col: 5, message: "`role`" }],
  },
  {
    code: "SCH001",
    name: "a meeting without a title",
    bad: { [TALKS]: talksWith(2) },
    fixed: {},
    expected: [{ file: TALKS, line: 1, col: 1, message: "`title`" }],
  },
  {
    code: "SCH002",
    name: "a misspelt field",
    bad: { [TALKS]: talksWith(2, "tittle: Test talks") },
    fixed: {},
    expected: [{ file: TALKS, line: 2, col: 1, message: "unknown field `tittle`; did you mean `title`?" }],
  },
  {
    code: "SCH003",
    name: "text where a number is expected",
    bad: { [TALKS]: talksWith(5, "date: 2021-06-02", "duration_minutes: sixty") },
    fixed: {},
    expected: [{ file: TALKS, line: 6, col: 19 }],
  },
  {
    code: "SCH004",
    name: "a value outside the enum",
    bad: { [TALKS]: talksWith(3, "kind: meetin") },
    fixed: {},
    expected: [{ file: TALKS, line: 3, col: 7, message: "did you mean `meeting`?" }],
  },
  {
    code: "SCH005",
    name: "a date in the wrong form",
    bad: { [TALKS]: talksWith(5, "date: 2021-6-2") },
    fixed: {},
    expected: [{ file: TALKS, line: 5, col: 7 }],
  },
  {
    code: "SCH006",
    name: "an empty list of participants",
    bad: { [TALKS]: talksWith(7, "participants: []").replace("  - actor: ann-example\n    role: principal\n", "") },
    fixed: {},
    expected: [{ file: TALKS, line: 7, col: 15 }],
  },
  {
    code: "SCH004",
    name: "a publishers registry entry of an unknown kind (the registry has its own schema)",
    bad: { [PUBLISHERS]: REGISTRY.replace("kind: newspaper", "kind: blog") },
    fixed: { [PUBLISHERS]: REGISTRY },
    expected: [{ file: PUBLISHERS, line: 8, col: 11, message: "`blog` is not an allowed value" }],
  },
  {
    code: "SCH007",
    name: "a blocked host without a note saying why",
    bad: { [PUBLISHERS]: REGISTRY.replace("    note: Rewrites other outlets' reports.\n", "") },
    fixed: { [PUBLISHERS]: REGISTRY },
    expected: [{ file: PUBLISHERS, line: 9, col: 3, message: "`note`" }],
  },
  {
    code: "SCH007",
    name: "a call that is not virtual",
    bad: { [TALKS]: talksWith(3, "kind: call", "virtual: false") },
    fixed: { [TALKS]: talksWith(3, "kind: call", "virtual: true") },
    expected: [{ file: TALKS, line: 4, col: 10 }],
  },
  {
    code: "SRC001",
    name: "an empty list of sources",
    bad: { [GREEN]: lines("id: green-state", "kind: state", "name: Green State", "country: GB", "sources: []") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 5, col: 10 }],
  },
  {
    code: "SRC001",
    name: "no sources field",
    bad: { [GREEN]: lines("id: green-state", "kind: state", "name: Green State", "country: GB") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 1, col: 1 }],
  },
  {
    code: "ID004",
    name: "an actor in the meetings folder",
    bad: { "data/meetings/green-state.yaml": GREEN_STATE },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: "data/meetings/green-state.yaml", line: 1, col: 1, message: "this is an actor record in the meeting folder" }],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Checks beyond the schema (the registry)

const CHECK_CASES: Case[] = [
  {
    code: "ID001",
    name: "an id that differs from the file name",
    bad: { [GREEN]: greenWith(1, "id: green-land") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 1, col: 5 }],
  },
  {
    code: "ID002",
    name: "a file name that is not an id",
    bad: { "data/actors/green_state.yaml": GREEN_STATE },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: "data/actors/green_state.yaml", line: 1, col: 1 }],
  },
  {
    code: "ID003",
    name: "a meeting with the id of an actor",
    bad: { "data/meetings/blue-state.yaml": talksWith(1, "id: blue-state") },
    fixed: {},
    expected: [
      { file: "data/actors/blue-state.yaml", line: 1, col: 5, message: "data/meetings/blue-state.yaml" },
      { file: "data/meetings/blue-state.yaml", line: 1, col: 5, message: "data/actors/blue-state.yaml" },
    ],
  },
  {
    code: "ID003",
    name: "a forum edition with the id of a meeting",
    bad: { [FORUM]: TEST_FORUM.replace("editions:\n", "editions:\n  - id: talks-2021\n    status: scheduled\n") },
    fixed: {},
    expected: [
      { file: FORUM, line: 6, col: 9, message: TALKS },
      { file: TALKS, line: 1, col: 5, message: `${FORUM} (editions/0)` },
    ],
  },
  {
    code: "REF001",
    name: "a participant that does not exist",
    bad: { [TALKS]: talksWith(8, "  - actor: ann-exampel") },
    fixed: {},
    expected: [{ file: TALKS, line: 8, col: 12, message: "did you mean `ann-example`?" }],
  },
  {
    code: "REF001",
    name: "a meeting at an edition its forum does not have: how to add it, not another year",
    bad: { [TALKS]: talksWith(6, "sidelines_of: test-forum-2024") },
    fixed: {},
    expected: [{ file: TALKS, line: 6, col: 15, message: "forum `test-forum` has no edition `test-forum-2024`: add it (npm run new -- edition test-forum test-forum-2024)" }],
  },
  {
    code: "REF001",
    name: "a meeting at an edition of a forum whose file does not parse",
    bad: { [FORUM]: TEST_FORUM.replace("name: Test Forum", "name: [Test Forum") },
    fixed: {},
    expected: [{ file: TALKS, line: 6, col: 15, message: "`test-forum-2021` cannot be found because the file of forum `test-forum`, data/forums/test-forum.yaml, could not be read or parsed" }],
  },
  {
    code: "REF001",
    name: "a status change citing an incident that does not exist",
    bad: { [EXERCISE]: BLUE_EXERCISE, [CANCELLED]: cancelledCiting("blue-exercise-2012") },
    fixed: CITING_EXERCISE,
    expected: [{ file: CANCELLED, line: 8, col: 17, message: "did you mean `blue-exercise-2021`?" }],
  },
  {
    code: "REF002",
    name: "a status change citing a sanction among its incidents",
    bad: { [EXERCISE]: BLUE_EXERCISE, [CANCELLED]: cancelledCiting("blue-exercise-2021, blue-measures-2021") },
    fixed: CITING_EXERCISE,
    expected: [{ file: CANCELLED, line: 8, col: 37, message: "is a sanction, but this field needs an incident" }],
  },
  {
    code: "REF003",
    name: "a status change citing a retired incident",
    bad: {
      [EXERCISE]: BLUE_EXERCISE,
      [CANCELLED]: cancelledCiting("blue-drill-2021"),
      "data/tombstones/blue-drill-2021.yaml": lines("id: blue-drill-2021", "type: incident", "change: moved", "to:", "  - blue-exercise-2021", "date: 2021-06-01", "reason: Renamed."),
    },
    fixed: CITING_EXERCISE,
    expected: [{ file: CANCELLED, line: 8, col: 17, severity: "warning", message: "was moved to `blue-exercise-2021`" }],
  },
  {
    code: "TOMB001",
    name: "a tombstone of an incident that redirects to a meeting",
    bad: { "data/tombstones/blue-drill-2021.yaml": lines("id: blue-drill-2021", "type: incident", "change: moved", "to:", "  - talks-2021", "date: 2021-06-01", "reason: Renamed.") },
    fixed: {},
    expected: [{ file: "data/tombstones/blue-drill-2021.yaml", line: 5, col: 5 }],
  },
  {
    code: "REF002",
    name: "a participant that is a forum edition",
    bad: { [TALKS]: talksWith(8, "  - actor: test-forum-2021") },
    fixed: {},
    expected: [{ file: TALKS, line: 8, col: 12, message: "is an edition, but this field needs an actor" }],
  },
  {
    code: "REF002",
    name: "a participant that is the retired id of a sanction (type-checked through the tombstone)",
    bad: {
      "data/tombstones/old-measures.yaml": OLD_MINISTRY.replace("id: old-ministry", "id: old-measures").replace("type: actor", "type: sanction").replace("  - blue-ministry", "  - blue-measures-2021"),
      [TALKS]: talksWith(8, "  - actor: old-measures"),
    },
    fixed: { "data/tombstones/old-measures.yaml": OLD_MINISTRY.replace("id: old-ministry", "id: old-measures").replace("type: actor", "type: sanction").replace("  - blue-ministry", "  - blue-measures-2021") },
    expected: [{ file: TALKS, line: 8, col: 12, message: "is the retired id of a sanction, but this field needs an actor" }],
  },
  {
    code: "REF003",
    name: "a reference to a retired id",
    bad: { [SANCTION]: BLUE_MEASURES.replace("imposed_by: blue-ministry", "imposed_by: old-ministry") },
    fixed: {},
    expected: [{ file: SANCTION, line: 3, col: 13, severity: "warning", message: "was moved to `blue-ministry`" }],
  },
  {
    code: "TOMB001",
    name: "a tombstone of an actor that redirects to a meeting",
    bad: { [TOMB]: OLD_MINISTRY.replace("  - blue-ministry", "  - talks-2021") },
    fixed: {},
    expected: [{ file: TOMB, line: 5, col: 5 }],
  },
  {
    code: "TOMB001",
    name: "a tombstone that redirects to another tombstone",
    bad: { "data/tombstones/older-ministry.yaml": OLD_MINISTRY.replace("id: old-ministry", "id: older-ministry").replace("  - blue-ministry", "  - old-ministry") },
    fixed: {},
    expected: [{ file: "data/tombstones/older-ministry.yaml", line: 5, col: 5, message: "itself a tombstone" }],
  },
  {
    code: "DATE001",
    name: "the 30th of February",
    bad: { [TALKS]: talksWith(5, "date: 2021-02-30") },
    fixed: {},
    expected: [{ file: TALKS, line: 5, col: 7 }],
  },
  {
    code: "DATE002",
    name: "a meeting that ends before it starts",
    bad: { [TALKS]: talksWith(5, "date: 2021-06-02", "end: 2021-06-01") },
    fixed: { [TALKS]: talksWith(5, "date: 2021-06-02", "end: 2021-06-03") },
    expected: [{ file: TALKS, line: 6, col: 6 }],
  },
  {
    code: "DATE002",
    name: "a forum edition that ends before it starts",
    bad: { [FORUM]: TEST_FORUM.replace("end: 2021-06-03", "end: 2021-05") },
    fixed: {},
    expected: [{ file: FORUM, line: 9, col: 10 }],
  },
  {
    code: "DATE002",
    name: "a dissolution in '0099' before a founding in '1950' (years 0000–0099 are not 1900–1999)",
    bad: { "data/actors/old-corp.yaml": OLD_CORP.replace("founded: '2001'", "founded: '1950'").replace("dissolved: 2019-03-01", "dissolved: '0099'") },
    fixed: { "data/actors/old-corp.yaml": OLD_CORP.replace("founded: '2001'", "founded: '0099'").replace("dissolved: 2019-03-01", "dissolved: '1950'") },
    expected: [{ file: "data/actors/old-corp.yaml", line: 6, col: 12, message: "`dissolved` 0099 is before `founded` 1950" }],
  },
  {
    code: "DATE003",
    name: "a meeting on the sidelines outside the edition's dates",
    bad: { [TALKS]: talksWith(5, "date: 2021-07-01") },
    fixed: {},
    expected: [{ file: TALKS, line: 5, col: 7, message: "`test-forum-2021`" }],
  },
  {
    code: "DATE004",
    name: "a position that ends before it starts",
    bad: { [ANN]: ANN_EXAMPLE.replace("end: 2022-12-31", "end: '2019'") },
    fixed: {},
    expected: [{ file: ANN, line: 8, col: 10 }],
  },
  {
    code: "DATE005",
    name: "a status history out of order",
    bad: { [TALKS]: talksWith(4, "status: held", "status_history:", "  - status: proposed", "    date: 2021-05-01", "  - status: held", "    date: 2021-04-01") },
    fixed: { [TALKS]: talksWith(4, "status: held", "status_history:", "  - status: proposed", "    date: 2021-05-01", "  - status: held", "    date: 2021-06-02") },
    expected: [{ file: TALKS, line: 9, col: 11 }],
  },
  {
    code: "DATE006",
    name: "a cancellation citing an incident that began after it",
    bad: { [EXERCISE]: BLUE_EXERCISE, [CANCELLED]: cancelledCiting("blue-exercise-2021", "2021-04") },
    fixed: CITING_EXERCISE,
    expected: [{ file: CANCELLED, line: 8, col: 17, message: "`blue-exercise-2021` began 2021-05-01, after this step (2021-04)" }],
  },
  {
    code: "DATE002",
    name: "a state's membership of an organisation that ends before it starts",
    bad: { [GREEN]: greenMember("    end: 2004-04-30", "    source: gazette").replace("  - publisher:", "  - key: gazette\n    publisher:") },
    fixed: { [GREEN]: greenMember("    end: 2020-01-31", "    source: gazette").replace("  - publisher:", "  - key: gazette\n    publisher:") },
    expected: [{ file: GREEN, line: 8, col: 10, message: "`end` 2004-04-30 is before `start` 2004-05-01" }],
  },
  {
    code: "SRC004",
    name: "a state's membership citing a source key no source has",
    bad: { [GREEN]: greenMember("    source: gazette") },
    fixed: { [GREEN]: greenMember("    source: gazette").replace("  - publisher:", "  - key: gazette\n    publisher:") },
    expected: [{ file: GREEN, line: 8, col: 13, message: "no source has the key `gazette`" }],
  },
  {
    code: "DATE002",
    name: "an incident that ends before it starts",
    bad: { [EXERCISE]: BLUE_EXERCISE.replace("date: 2021-05-01\n", "date: 2021-05-01\nend: 2021-04-30\n") },
    fixed: { [EXERCISE]: BLUE_EXERCISE.replace("date: 2021-05-01\n", "date: 2021-05-01\nend: 2021-05-03\n") },
    expected: [{ file: EXERCISE, line: 5, col: 6 }],
  },
  {
    code: "STAT001",
    name: "a status history that ends elsewhere than the status",
    bad: { [TALKS]: talksWith(4, "status: held", "status_history:", "  - status: accepted", "    date: 2021-05-01") },
    fixed: { [TALKS]: talksWith(4, "status: held", "status_history:", "  - status: accepted", "    date: 2021-05-01", "  - status: held", "    date: 2021-06-02") },
    expected: [{ file: TALKS, line: 4, col: 9 }],
  },
  {
    code: "CONS001",
    name: "a participant with no position at the meeting date",
    bad: { [TALKS]: talksWith(5, "date: 2019-06-02").replace("sidelines_of: test-forum-2021\n", "") },
    fixed: { [TALKS]: talksWith(5, "date: 2020-06-02").replace("sidelines_of: test-forum-2021\n", "") },
    expected: [{ file: TALKS, line: 7, col: 12, severity: "warning", message: "`ann-example`" }],
  },
  {
    code: "CONS002",
    name: "a sanction on an organisation dissolved before it was announced",
    bad: { [SANCTION]: BLUE_MEASURES.replace("  - actor: ann-example", "  - actor: old-corp") },
    fixed: {},
    expected: [{ file: SANCTION, line: 6, col: 12, severity: "warning" }],
  },
  {
    code: "SRC002",
    name: "a source URL without a proper host name",
    bad: { [GREEN]: greenWith(7, "    url: https://localhost/green-state") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 7, col: 10 }],
  },
  {
    code: "SRC003",
    name: "the same source twice, written differently",
    bad: { [GREEN]: GREEN_STATE + lines("  - publisher: Example Gazette", "    url: https://www.example.org/green-state/", "    published: 2021-01-01") },
    fixed: { [GREEN]: GREEN_STATE + lines("  - publisher: Example Gazette", "    url: https://example.org/green-state-2", "    published: 2021-01-01") },
    expected: [{ file: GREEN, line: 9, col: 5 }],
  },
  {
    code: "CONS006",
    name: "a state's delegation listed twice at one edition",
    bad: { [FORUM]: forumWithDelegation("gazette").replace("    sources:\n", lines("      - state: blue-state", "        level: lower-level", "    sources:")) },
    fixed: { [FORUM]: forumWithDelegation("gazette") },
    expected: [{ file: FORUM, line: 15, col: 16, message: "`blue-state`'s delegation is already delegation 1 of this edition" }],
  },
  {
    code: "SRC004",
    name: "a delegation citing a key neither its edition's nor its forum's sources have",
    bad: { [FORUM]: forumWithDelegation("gazette-2021") },
    fixed: { [FORUM]: forumWithDelegation("gazette") },
    expected: [{ file: FORUM, line: 14, col: 17, message: "no source has the key `gazette-2021`" }],
  },
  {
    code: "SRC004",
    name: "a claim citing a key no source has, and a key used twice",
    bad: {
      [GREEN]: lines(
        "id: green-state",
        "kind: state",
        "name: Green State",
        "country: GB",
        "sources:",
        "  - key: gazette",
        "    publisher: Example Gazette",
        "    url: https://example.org/green-state",
        "  - key: gazette",
        "    publisher: Example Herald",
        "    url: https://example.org/herald/green-state",
        "claims:",
        "  - field: name",
        "    value: Greenland",
        "    source: herald",
      ),
    },
    fixed: {
      [GREEN]: lines(
        "id: green-state",
        "kind: state",
        "name: Green State",
        "country: GB",
        "sources:",
        "  - key: gazette",
        "    publisher: Example Gazette",
        "    url: https://example.org/green-state",
        "    published: 2021-01-01",
        "  - key: herald",
        "    publisher: Example Herald",
        "    url: https://example.org/herald/green-state",
        "    published: 2021-01-01",
        "claims:",
        "  - field: name",
        "    value: Greenland",
        "    source: herald",
        "    quote: Greenland, as the Herald calls the state",
      ),
    },
    expected: [
      { file: GREEN, line: 9, col: 10, message: "already used by source 1" },
      { file: GREEN, line: 15, col: 13, message: "no source has the key `herald`" },
    ],
  },
  {
    code: "CTRY001",
    name: "a country code that is not assigned",
    bad: { [GREEN]: greenWith(4, "country: XX") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 4, col: 10 }],
  },
  {
    code: "CTRY001",
    name: "UK, which ICU knows as an alias of GB but ISO 3166-1 does not assign",
    bad: { [GREEN]: greenWith(4, "country: UK") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 4, col: 10, message: "`UK`" }],
  },
  {
    code: "CTRY001",
    name: "SU, a deprecated code (Soviet Union)",
    bad: { [GREEN]: greenWith(4, "country: SU") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 4, col: 10 }],
  },
  {
    code: "PATH001",
    name: "an unverified path naming a field the record does not have",
    bad: { [TALKS]: TALKS_2021 + lines("unverified:", "  - duration_minutes") },
    fixed: { [TALKS]: TALKS_2021 + lines("unverified:", "  - date") },
    expected: [{ file: TALKS, line: 15, col: 5, severity: "warning", message: "the record has no field `duration_minutes`" }],
  },
  {
    code: "PATH001",
    name: "a claim about a field no actor has (a claim about an empty schema field is fine)",
    bad: { [GREEN]: GREEN_STATE.replace("sources:\n  - publisher", "claims:\n  - field: colour\n    value: green\n    source: gazette\nsources:\n  - key: gazette\n    publisher") },
    fixed: { [GREEN]: GREEN_STATE.replace("sources:\n  - publisher", "claims:\n  - field: founded\n    value: '1901'\n    source: gazette\nsources:\n  - key: gazette\n    publisher") },
    expected: [{ file: GREEN, line: 6, col: 12, severity: "warning", message: "`colour` is not a field of an actor" }],
  },
  {
    code: "SRC005",
    name: "a source without a URL that gives no date",
    bad: { [GREEN]: greenWith(7, "    title: Green State Yearbook").replace("    published: 2021-01-01\n", "") },
    fixed: { [GREEN]: greenWith(7, "    title: Green State Yearbook") },
    expected: [{ file: GREEN, line: 6, col: 5, message: "`published`" }],
  },
  {
    code: "SRC006",
    name: "a source with a URL but no publication date",
    bad: { [GREEN]: greenWith(8, "    title: Green State") },
    fixed: { [GREEN]: greenWith(8, "    title: Green State", "    published: 2021-01-01") },
    expected: [{ file: GREEN, line: 6, col: 5, severity: "warning" }],
  },
  {
    code: "SRC007",
    name: "two claims about one field that disagree, without quotes",
    bad: { [GREEN]: GREEN_STATE.replace("sources:\n  - publisher", "claims:\n  - field: founded\n    value: '1901'\n    source: gazette\n  - field: founded\n    value: '1902'\n    source: gazette\nsources:\n  - key: gazette\n    publisher") },
    fixed: {
      [GREEN]: GREEN_STATE.replace("sources:\n  - publisher", "claims:\n  - field: founded\n    value: '1901'\n    source: gazette\n    quote: founded in 1901\n  - field: founded\n    value: '1902'\n    source: gazette\n    quote: since its founding in 1902\nsources:\n  - key: gazette\n    publisher"),
    },
    expected: [
      { file: GREEN, line: 6, col: 5, message: "claims about `founded` disagree" },
      { file: GREEN, line: 9, col: 5 },
    ],
  },
  {
    code: "SRC007",
    name: "one claim that disagrees with the field's own value (one claim that agrees is no conflict)",
    bad: { [GREEN]: GREEN_STATE.replace("sources:\n  - publisher", "claims:\n  - field: name\n    value: Greenland\n    source: gazette\nsources:\n  - key: gazette\n    publisher") },
    fixed: { [GREEN]: GREEN_STATE.replace("sources:\n  - publisher", "claims:\n  - field: name\n    value: green state\n    source: gazette\nsources:\n  - key: gazette\n    publisher") },
    expected: [{ file: GREEN, line: 6, col: 5 }],
  },
  {
    code: "SRC008",
    name: "a record whose only source is secondary (one seen source beside it is enough)",
    bad: { [GREEN]: greenWith(8, "    published: 2021-01-01", "    basis: secondary") },
    fixed: { [GREEN]: greenWith(8, "    published: 2021-01-01", "    basis: secondary", "  - publisher: Example Herald", "    url: https://example.org/herald/green-state", "    published: 2021-01-02") },
    expected: [{ file: GREEN, line: 5, col: 1, severity: "warning" }],
  },
  {
    code: "SRC009",
    name: "a refusal reported by an unquoted news source",
    bad: { [REFUSED]: REFUSED_2021 },
    fixed: { [REFUSED]: REFUSED_2021 + lines("    quote: Blue State declined the invitation.") },
    expected: [{ file: REFUSED, line: 12, col: 13, severity: "warning", message: "neither official nor quoted" }],
  },
  {
    code: "SRC009",
    name: "a refusal that cites no source (one on an official host needs no quote)",
    bad: { [REFUSED]: REFUSED_2021.replace("    source: gazette\n", "") },
    fixed: {
      [PUBLISHERS]: REGISTRY,
      [REFUSED]: REFUSED_2021.replace("    publisher: Example Gazette\n    url: https://example.org/refused-2021", "    publisher: Blue Ministry of Defence\n    url: https://www.blue-mod.org/statements/refused-2021"),
    },
    expected: [{ file: REFUSED, line: 9, col: 5, severity: "warning", message: "does not say which source" }],
  },
  {
    code: "PUB001",
    name: "a source on a blocked host, and one without a URL naming it",
    bad: { [PUBLISHERS]: REGISTRY, [GREEN]: greenWith(7, "    url: https://news.farm-rewrites.net/green-state") + lines("  - publisher: farm-rewrites.net", "    title: Green State", "    published: 2021-01-01") },
    fixed: { [PUBLISHERS]: REGISTRY, [GREEN]: GREEN_STATE },
    expected: [
      { file: GREEN, line: 7, col: 10, message: "`farm-rewrites.net` is a blocked host" },
      { file: GREEN, line: 9, col: 16, message: "the publisher names `farm-rewrites.net`" },
    ],
  },
  {
    code: "PUB002",
    name: "a publisher that is not the one registered for the host (a secondary copy may name the original)",
    bad: { [PUBLISHERS]: REGISTRY, [GREEN]: greenWith(6, "  - publisher: Example Herald") },
    fixed: {
      [PUBLISHERS]: REGISTRY,
      [GREEN]: greenWith(6, "  - publisher: Example Herald") + lines("    basis: secondary", "  - publisher: Blue MoD", "    url: https://blue-mod.org/green-state", "    published: 2021-01-01", "    basis: primary"),
    },
    expected: [{ file: GREEN, line: 6, col: 16, severity: "warning", message: "(Example Gazette)" }],
  },
  {
    code: "PUB003",
    name: "a page on an official host marked secondary",
    bad: { [PUBLISHERS]: REGISTRY, [GREEN]: GREEN_STATE.replace(GAZETTE_SOURCE, "  - publisher: Blue Ministry of Defence\n    url: https://blue-mod.org/green-state\n    basis: secondary\n") },
    fixed: { [PUBLISHERS]: REGISTRY, [GREEN]: GREEN_STATE.replace(GAZETTE_SOURCE, "  - publisher: Blue Ministry of Defence\n    url: https://blue-mod.org/green-state\n    basis: primary\n") },
    expected: [{ file: GREEN, line: 8, col: 12, severity: "warning", message: "official host" }],
  },
  {
    code: "PUB004",
    name: "with --strict, a source on a host the registry does not list",
    strict: true,
    bad: { [PUBLISHERS]: REGISTRY, [GREEN]: greenWith(7, "    url: https://www.unlisted-news.net/green-state") },
    fixed: { [PUBLISHERS]: REGISTRY, [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 7, col: 10, severity: "warning", message: "`unlisted-news.net`" }],
  },
  {
    code: "PUB005",
    name: "a page on an aggregator host with no basis, and one marked primary (a blocked host is PUB001's)",
    bad: {
      [PUBLISHERS]: DIGEST_REGISTRY,
      [GREEN]: GREEN_STATE + lines("  - publisher: Example Agency (via News Digest)", "    url: https://news-digest.net/green-state", "    published: 2021-01-02", "  - publisher: Example Agency (via News Digest)", "    url: https://news-digest.net/green-state-2", "    published: 2021-01-03", "    basis: primary"),
    },
    fixed: {
      [PUBLISHERS]: DIGEST_REGISTRY,
      [GREEN]: GREEN_STATE + lines("  - publisher: Example Agency (via News Digest)", "    url: https://news-digest.net/green-state", "    published: 2021-01-02", "    basis: secondary", "  - publisher: Example Agency (via News Digest)", "    url: https://news-digest.net/green-state-2", "    published: 2021-01-03", "    basis: secondary"),
    },
    expected: [
      { file: GREEN, line: 9, col: 5, severity: "warning", message: "no `basis` (so `seen`)" },
      { file: GREEN, line: 15, col: 12, severity: "warning", message: "`basis: primary`" },
    ],
  },
  {
    code: "PUB006",
    name: "registry hosts out of alphabetical order, each located at its key",
    bad: { [PUBLISHERS]: REGISTRY + NEWS_HOSTS },
    fixed: { [PUBLISHERS]: REGISTRY.replace("hosts:\n", "hosts:\n" + NEWS_HOSTS) },
    expected: [{ file: PUBLISHERS, line: 14, col: 3, severity: "warning", message: "`aaa-news.org` comes after `farm-rewrites.net`" }],
  },
  {
    code: "TEXT001",
    name: "a bidirectional control written as a YAML escape (the raw character would be FILE005)",
    bad: { [GREEN]: greenWith(3, String.raw`name: "Green\u202EState"`) },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 3, col: 7, message: "U+202E" }],
  },
  {
    code: "TEXT002",
    name: "a raw invisible character in a file without a backslash (the check skips only files that hold none)",
    bad: { [GREEN]: greenWith(3, "name: Green\u200BState") },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [{ file: GREEN, line: 3, col: 7, message: "U+200B" }],
  },
  {
    code: "TEXT002",
    name: "invisible characters, raw and as escapes: soft hyphen, zero-width space, word joiner, TAG, Hangul filler, stray variation selector, joiner in Latin, Arabic letter mark",
    bad: {
      [GREEN]: lines(
        "id: green-state",
        "kind: state",
        "name: Green\u00ADState",
        "country: GB",
        "aliases:",
        String.raw`  - "Green\u200BState"`,
        "  - Green\u2060Land",
        String.raw`  - "Green\U000E0067"`,
        String.raw`  - "\u3164"`,
        String.raw`  - "Green\uFE0F"`,
        "  - Green\u200DState",
        String.raw`  - "\u061CGreen"`,
        "sources:",
        "  - publisher: Example Gazette",
        "    url: https://example.org/green-state",
      ),
    },
    // Where a script needs them: a non-joiner in Persian, a joiner in Devanagari, an ideographic variant.
    fixed: {
      [GREEN]: greenWith(4, "country: GB", "native_names:", "  - name: می\u200Cخواهم", "    lang: fa", "  - name: क्\u200Dष", "    lang: hi", "aliases:", "  - 葛\u{E0100}飾"),
    },
    expected: [
      { file: GREEN, line: 3, col: 7, message: "U+00AD" },
      { file: GREEN, line: 6, col: 5, message: "U+200B" },
      { file: GREEN, line: 7, col: 5, message: "U+2060" },
      { file: GREEN, line: 8, col: 5, message: "U+E0067" },
      { file: GREEN, line: 9, col: 5, message: "U+3164" },
      { file: GREEN, line: 10, col: 5, message: "U+FE0F" },
      { file: GREEN, line: 11, col: 5, message: "U+200D" },
      { file: GREEN, line: 12, col: 5, message: "U+061C" },
    ],
  },
  {
    code: "NAME001",
    name: "aliases that only differ in case or in Unicode composition (NFC), and an alias equal to the name",
    bad: { [GREEN]: greenWith(4, "country: GB", "aliases:", "  - GREEN STATE", "  - Ame\u0301lie", "  - Amélie", "  - Straße", "  - STRASSE", "  - Green State") },
    fixed: { [GREEN]: greenWith(4, "country: GB", "aliases:", "  - Greenland", "  - Amélie", "  - Straße") },
    expected: [
      { file: GREEN, line: 6, col: 5, message: "the same as the name" },
      { file: GREEN, line: 8, col: 5, message: "the same as alias 2" },
      { file: GREEN, line: 10, col: 5, message: "the same as alias 4" },
      { file: GREEN, line: 11, col: 5, message: "the same as the name" },
    ],
  },
  {
    code: "CONS003",
    name: "a meeting held on the sidelines of an edition that was cancelled",
    bad: { [FORUM]: TEST_FORUM.replace("    status: held\n", "    status: cancelled\n    note: Called off.\n") },
    fixed: {},
    expected: [{ file: TALKS, line: 6, col: 15, message: "`test-forum-2021` was cancelled" }],
  },
  {
    code: "CONS004",
    name: "the same participant twice in a meeting, in two roles",
    bad: { [TALKS]: talksWith(9, "    role: principal", "  - actor: ann-example", "    role: delegation") },
    fixed: {},
    expected: [{ file: TALKS, line: 10, col: 12, message: "`ann-example` is already participant 1" }],
  },
  {
    code: "CONS005",
    name: "an actor that is its own parent, and two that are each other's",
    bad: {
      "data/actors/red-agency.yaml": BLUE_MINISTRY.replace(/blue-ministry/g, "red-agency").replace("parent: blue-state", "parent: red-agency"),
      "data/actors/loop-a.yaml": BLUE_MINISTRY.replace(/blue-ministry/g, "loop-a").replace("parent: blue-state", "parent: loop-b"),
      "data/actors/loop-b.yaml": BLUE_MINISTRY.replace(/blue-ministry/g, "loop-b").replace("parent: blue-state", "parent: loop-a"),
    },
    fixed: {
      "data/actors/red-agency.yaml": BLUE_MINISTRY.replace(/blue-ministry/g, "red-agency"),
      "data/actors/loop-a.yaml": BLUE_MINISTRY.replace(/blue-ministry/g, "loop-a").replace("parent: blue-state", "parent: loop-b"),
      "data/actors/loop-b.yaml": BLUE_MINISTRY.replace(/blue-ministry/g, "loop-b"),
    },
    expected: [
      { file: "data/actors/loop-a.yaml", line: 5, col: 9, message: "`loop-a` → `loop-b` → `loop-a`" },
      { file: "data/actors/loop-b.yaml", line: 5, col: 9, message: "`loop-b` → `loop-a` → `loop-b`" },
      { file: "data/actors/red-agency.yaml", line: 5, col: 9, message: "`red-agency` is its own parent" },
    ],
  },
  {
    code: "SRC002",
    name: "source URLs without a public host: dots only, an IP address, a reserved name, a name without a dot, a name ending in a dot, a default port written out (another port is fine)",
    bad: {
      [GREEN]: GREEN_STATE + lines(
        "  - publisher: Example Gazette",
        "    url: https://../",
        "  - publisher: Example Gazette",
        "    url: http://192.168.1.10/green",
        "  - publisher: Example Gazette",
        "    url: https://gazette.test/green",
        "  - publisher: Example Gazette",
        "    url: http://gazette/green",
        "  - publisher: Example Gazette",
        "    url: https://en.gazette.org./wiki/Green",
        "  - publisher: Example Gazette",
        "    url: https://en.gazette.org:443/wiki/Green",
        "  - publisher: Example Gazette",
        "    url: http://en.gazette.org:80?page=green",
        "  - publisher: Example Gazette",
        "    url: https://en.gazette.org:8443/wiki/Green",
      ),
    },
    fixed: { [GREEN]: GREEN_STATE },
    expected: [
      { file: GREEN, line: 10, col: 10, message: "empty" },
      { file: GREEN, line: 12, col: 10, message: "IP address" },
      { file: GREEN, line: 14, col: 10, message: "`.test`" },
      { file: GREEN, line: 16, col: 10, message: "no dot" },
      { file: GREEN, line: 18, col: 10, message: "ends its host name with a dot (`en.gazette.org.`)" },
      { file: GREEN, line: 20, col: 10, message: "writes out its scheme's default port (`:443`)" },
      { file: GREEN, line: 22, col: 10, message: "writes out its scheme's default port (`:80`)" },
    ],
  },
  {
    code: "TEXT003",
    name: "notes and a summary that point at a fact sheet and an item number (weapon names are fine)",
    bad: { [GREEN]: GREEN_STATE + lines("summary: Its capital is given in the fact sheet.", "notes:", "  - text: Citizenship is from the recall list (P-17).", "unverified:", "  - country (see item FO-1)") },
    fixed: { [GREEN]: GREEN_STATE + lines("summary: It bought the S-400 (S-400) and the Su-35 and J-20 (J-20s).", "notes:", "  - text: Citizenship is not given by a cited source.", "unverified:", "  - country") },
    expected: [
      { file: GREEN, line: 9, col: 10, message: "a fact sheet" },
      { file: GREEN, line: 11, col: 11, message: "a recall list" },
      { file: GREEN, line: 13, col: 5, message: "an item number" },
    ],
  },
];

const ALL_CASES = [...LOADER_CASES, ...SCHEMA_CASES, ...CHECK_CASES];

for (const [stage, cases] of [
  ["loader", LOADER_CASES],
  ["schema", SCHEMA_CASES],
  ["checks", CHECK_CASES],
] as const) {
  describe(`${stage} codes`, () => {
    for (const c of cases) {
      it.skipIf(Boolean(c.skip))(`${c.code}: ${c.name}${c.skip ? ` (skipped: ${c.skip})` : ""}`, async () => {
        const declaredSeverity = declared.get(c.code)?.severity;
        expect(declaredSeverity, `${c.code} is not a declared code`).toBeDefined();

        const bad = await validateFiles(withOverrides(BASE, c.bad), c.setup, { strict: c.strict === true });
        const got = bad.diagnostics.filter((d) => d.code === c.code);
        expect(got.map(where)).toEqual(c.expected.map((e) => ({ file: e.file, line: e.line, col: e.col, severity: e.severity ?? declaredSeverity, code: c.code })));
        for (const [i, e] of c.expected.entries()) {
          expect(got[i]!.severity).toBe(declaredSeverity);
          if (e.message !== undefined) expect(got[i]!.message).toMatch(typeof e.message === "string" ? new RegExp(e.message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : e.message);
        }

        const fixed = await validateFiles(withOverrides(BASE, c.fixed), c.fixedSetup, { strict: c.strict === true });
        expect(fixed.diagnostics, "the corrected dataset validates clean").toEqual([]);
      });
    }
  });
}

describe("the publishers registry", () => {
  it("PUB004 runs only in strict runs", async () => {
    const files = withOverrides(BASE, { [PUBLISHERS]: REGISTRY, [GREEN]: greenWith(7, "    url: https://unlisted-news.net/green-state") });
    expect((await validateFiles(files)).diagnostics).toEqual([]);
    expect((await validateFiles(files, undefined, { strict: true })).diagnostics.map((d) => d.code)).toEqual(["PUB004"]);
  });

  it("is no record: it gets its own verdict, and a broken registry leaves the registry checks with no hosts", async () => {
    const result = await validateFiles(withOverrides(BASE, { [PUBLISHERS]: lines("hosts:", "  farm-rewrites.net: {publisher: x"), [GREEN]: greenWith(7, "    url: https://farm-rewrites.net/green-state") }));
    expect(result.diagnostics.map(where)).toEqual([{ file: PUBLISHERS, line: 3, col: 1, severity: "error", code: "YAML001" }]);
    expect(result.filesChecked).toBe(Object.keys(BASE).length + 2);
  });
});

describe("the base dataset", () => {
  it("validates with no diagnostics and checks every file", async () => {
    const result = await validateFiles(BASE);
    expect(result.diagnostics).toEqual([]);
    expect(result.filesChecked).toBe(Object.keys(BASE).length);
    expect(result.recordsChecked).toBe(Object.keys(BASE).length);
  });
});

describe("codes", () => {
  it("registry codes are unique and do not reuse loader or schema codes", () => {
    const checkCodes = CHECKS.map((c) => c.code);
    expect(new Set(checkCodes).size).toBe(checkCodes.length);
    for (const code of checkCodes) {
      expect(Object.hasOwn(LOADER_CODES, code) || Object.hasOwn(SCHEMA_CODES, code), code).toBe(false);
    }
    const all = allCodes().map((c) => c.code);
    expect(new Set(all).size).toBe(all.length);
  });

  it("every check has a code of the form ABC123, a severity and a one-line description", () => {
    for (const c of CHECKS) {
      expect(c.code).toMatch(/^[A-Z]+\d{3}$/);
      expect(["error", "warning"]).toContain(c.severity);
      expect(c.description.trim().length).toBeGreaterThan(10);
      expect(c.description).not.toMatch(/\n/);
    }
  });

  it("every code in codes.ts and the registry has at least one case here", () => {
    const tested = new Set(ALL_CASES.map((c) => c.code));
    const untested = allCodes().map((c) => c.code).filter((code) => !tested.has(code));
    expect(untested, "codes without a test case").toEqual([]);
    // And no case asserts a code that does not exist.
    const unknown = [...tested].filter((code) => !declared.has(code));
    expect(unknown, "cases for codes that are not declared").toEqual([]);
  });
});
