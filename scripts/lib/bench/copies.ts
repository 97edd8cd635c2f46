/**
 * Benchmark corpora made from the real records of `data/`, read at generation time, so that the files
 * have the real distribution of every measure at once (file size, sources, claims, notes, status steps,
 * text lengths, nesting), never a guess of it. The corpus is made of copies of the real dataset with
 * fresh ids (`c<k>-<id>`), every reference rewritten to point at a record of the corpus:
 *
 * - `realistic`: each copy refers to its own copies (independent datasets); states are shared by all
 *   copies, as there is one record per state, so every state is named by a copy of each meeting that
 *   names it;
 * - `hub`: the copies also share the people, so that one person is the target of about one sanction per
 *   copy and takes part in a copy of each of their meetings: the fan-ins of a dataset that covers many
 *   sanctions regimes (about 1,000 sanctions on one person at 100,000 records).
 *
 * The last copy holds a seeded sample of the records (in the real proportions of types); a reference to
 * a record it left out points at that record's first copy. The same data, seed and size give the same files.
 */
import fs from "node:fs";
import path from "node:path";
import { parseDocument, type Document } from "yaml";
import { CANONICAL_STYLE, RECORD_PARSE_OPTIONS, editorLine } from "../format/format-record.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../record-types.ts";
import { fieldPaths, visitValuesAt, type FieldPaths } from "../schema-paths.ts";
import type { JsonSchema } from "../schemas.ts";
import { compareStrings } from "../publish/json.ts";
import { rng, type GeneratedCorpus } from "./generate.ts";

export type CopiesProfile = "realistic" | "hub";

export interface RealRecord {
  type: RecordType;
  id: string;
  text: string;
  data: Record<string, unknown>;
}

/** Every record file of `dataDir`, parsed as the formatter parses it (dates stay text), in file-name order. */
export function readRealRecords(dataDir: string): RealRecord[] {
  const out: RealRecord[] = [];
  for (const type of RECORD_TYPE_NAMES) {
    const dir = path.join(dataDir, RECORD_TYPES[type].folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".yaml")).sort(compareStrings)) {
      const text = fs.readFileSync(path.join(dir, name), "utf8");
      const data = parseDocument(text, RECORD_PARSE_OPTIONS).toJS() as Record<string, unknown>;
      out.push({ type, id: String(data.id), text, data });
    }
  }
  return out;
}

/** Whether all copies share one record instead of each having its own. */
function shared(profile: CopiesProfile, r: RealRecord): boolean {
  if (r.type !== "actor") return false;
  return r.data.kind === "state" || (profile === "hub" && r.data.kind === "person");
}

/** A reference path (keys with `*`) as the segments of each value it reaches in `data`. */
function pointersAt(data: unknown, paths: readonly (readonly string[])[]): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  visitValuesAt(data, paths, (value, _i, pointer) => {
    if (typeof value !== "string") return;
    out.push(pointer().split("/").slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
  });
  return out;
}

// Plain dates in quotes, so that ajv-cli (whose js-yaml 3 reads them as timestamps) sees text as we do.
const quoteDates = (text: string): string => text.replace(/^(\s*(?:- |[\w-]+: ))((?:early |mid |late |circa |before |after )?\d{4}-\d{2}(?:-\d{2})?)$/gm, "$1'$2'");

/**
 * A corpus of `total` records made of copies of `real`. `total` below one copy's size takes a sample
 * is one whole copy.
 */
export function copiesCorpus(real: readonly RealRecord[], total: number, profile: CopiesProfile, schemas: Map<string, JsonSchema>, seed = 1, publishers?: string): GeneratedCorpus & { copies: number } {
  const r = rng(seed);
  const paths = new Map<RecordType, FieldPaths["refs"]>(RECORD_TYPE_NAMES.map((t) => [t, fieldPaths(RECORD_TYPES[t].schema, schemas).refs]));
  const sharedIds = new Set(real.filter((x) => shared(profile, x)).map((x) => x.id));
  const own = real.filter((x) => !sharedIds.has(x.id));
  // Edition ids live inside forum files and are referred to like record ids.
  const editionIds = (x: RealRecord): string[] => (x.type === "forum" ? ((x.data.editions as Array<{ id: string }> | undefined) ?? []).map((e) => e.id) : []);
  const copies = Math.max(1, Math.ceil((total - sharedIds.size) / Math.max(1, own.length)));
  // The last copy keeps a seeded sample, so that the corpus has exactly `total` records.
  // (With a single copy every record is kept: a sampled first copy would leave references dangling.)
  const lastCount = copies === 1 ? own.length : total - sharedIds.size - (copies - 1) * own.length;
  const order = own.map((x, i) => ({ x, key: r(), i })).sort((a, b) => a.key - b.key);
  const inLast = new Set(order.slice(0, Math.max(0, lastCount)).map((o) => o.x.id));
  const firstCopyIds = new Set(own.flatMap((x) => [x.id, ...editionIds(x)]));
  const files = new Map<string, string>();
  const counts = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, 0])) as Record<RecordType, number>;
  const lastIdsPresent = new Set(own.filter((x) => inLast.has(x.id)).flatMap((x) => [x.id, ...editionIds(x)]));
  const emit = (x: RealRecord, k: number | undefined): void => {
    const rename = (id: string): string => {
      if (sharedIds.has(id) || !firstCopyIds.has(id)) return id;
      const copy = k === undefined ? 0 : k === copies - 1 && !lastIdsPresent.has(id) ? 0 : k;
      return `c${copy}-${id}`;
    };
    const doc: Document = parseDocument(x.text, RECORD_PARSE_OPTIONS);
    if (k !== undefined) {
      doc.set("id", rename(x.id));
      for (const [i, e] of ((x.data.editions as Array<{ id: string }> | undefined) ?? []).entries()) doc.setIn(["editions", i, "id"], rename(e.id));
    }
    for (const at of pointersAt(x.data, paths.get(x.type)!.map((p) => p.path))) {
      const value = doc.getIn(at) as string;
      doc.setIn(at, rename(value));
    }
    const text = quoteDates(doc.toString(CANONICAL_STYLE).replace(/^(#\s*yaml-language-server:[^\n]*\n)+/, ""));
    const id = k === undefined ? x.id : rename(x.id);
    files.set(`data/${RECORD_TYPES[x.type].folder}/${id}.yaml`, `${editorLine(x.type)}\n${text}`);
    counts[x.type]++;
  };
  for (const x of real) if (sharedIds.has(x.id)) emit(x, undefined);
  for (let k = 0; k < copies; k++) for (const x of own) if (k < copies - 1 || inLast.has(x.id)) emit(x, k);
  if (publishers !== undefined) files.set("data/publishers.yaml", publishers);
  return { files, counts, copies };
}
