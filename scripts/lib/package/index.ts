/**
 * The `sidelines` package: the published dataset with its types.
 *
 *     import { meetings, actors, loadDataset } from "sidelines";
 *
 * Compiled by the build (scripts/package/tsconfig.json) into dist/lib/; it reads the release files
 * beside it (dist/json/*.json, dist/dataset.json), which are also importable by path, for example
 * `sidelines/dist/json/meetings.json`.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type {
  Dataset,
  DatasetMetadata,
  PublishedActor,
  PublishedForum,
  PublishedIncident,
  PublishedMeeting,
  PublishedSanction,
  PublishedStatusChange,
  PublishedTombstone,
} from "../types.generated.js";

export type Actor = PublishedActor;
export type Sanction = PublishedSanction;
export type Incident = PublishedIncident;
export type Meeting = PublishedMeeting;
export type StatusChange = PublishedStatusChange;
export type Forum = PublishedForum;
export type Tombstone = PublishedTombstone;
export type { Dataset, DatasetMetadata };
export type {
  ExternalIdentifier,
  Claim,
  Delegation,
  ForumEdition,
  InvolvedActor,
  LegalBasis,
  Listing,
  Manifest,
  ManifestFile,
  Measure,
  Note,
  Participant,
  Place,
  Position,
  Readout,
  RecordCounts,
  Source,
  Target,
  Transaction,
} from "../types.generated.js";

/** The release folder (`dist/`), two levels above this file (dist/lib/package/index.js). */
const RELEASE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** Every actor, sorted by id. */
export const actors: readonly Actor[] = readJson(path.join(RELEASE_DIR, "json/actors.json"));
/** Every sanction, sorted by id. */
export const sanctions: readonly Sanction[] = readJson(path.join(RELEASE_DIR, "json/sanctions.json"));
/** Every incident cited as a cause of a refusal, postponement or cancellation, sorted by id. */
export const incidents: readonly Incident[] = readJson(path.join(RELEASE_DIR, "json/incidents.json"));
/** Every meeting (held or not), sorted by id. */
export const meetings: readonly Meeting[] = readJson(path.join(RELEASE_DIR, "json/meetings.json"));
/** Every forum with its editions, sorted by id. */
export const forums: readonly Forum[] = readJson(path.join(RELEASE_DIR, "json/forums.json"));
/** Every retired id, sorted by id. */
export const tombstones: readonly Tombstone[] = readJson(path.join(RELEASE_DIR, "json/tombstones.json"));

/**
 * The whole dataset with its metadata (version, source commit, record counts), read from `dataset.json`
 * in this package, or in `dir` — the folder of another release, such as an unpacked download.
 */
export function loadDataset(dir: string = RELEASE_DIR): Dataset {
  return readJson<Dataset>(path.join(dir, "dataset.json"));
}
