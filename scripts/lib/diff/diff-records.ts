/**
 * Compares two versions of the dataset record by record and field by field, and suggests the version
 * bump the written semver policy (CONTRIBUTING.md, "Releases") asks for.
 */
import { escapeSegment } from "../json-pointer.ts";
export type RecordsByType = Record<string, ReadonlyArray<Record<string, unknown>>>;

export interface FieldChange {
  /** JSON pointer inside the record. */
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface RecordChange {
  type: string;
  id: string;
  changes: FieldChange[];
}

export interface Redirect {
  type: string;
  id: string;
  change: string;
  to: string[];
}

export interface SchemaChange {
  schema: string;
  path: string;
  breaking: boolean;
  description: string;
}

export type Bump = "major" | "minor" | "patch" | "none";

export interface DatasetDiff {
  added: Array<{ type: string; id: string }>;
  /** Ids that disappeared without a tombstone: a breaking change for consumers. */
  removed: Array<{ type: string; id: string }>;
  /** Ids that disappeared and left a tombstone (renamed, split or withdrawn on purpose). */
  retired: Redirect[];
  changed: RecordChange[];
  schemaChanges: SchemaChange[];
  bump: Bump;
  reasons: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** Field-level differences between two JSON values, as pointers. Lists compare item by item. */
export function diffValues(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffValues(before[k], after[k], `${path}/${escapeSegment(k)}`));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: FieldChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) out.push(...diffValues(before[i], after[i], `${path}/${i}`));
    return out;
  }
  return [{ path, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) }];
}

const TOMBSTONES = "tombstones";

export function diffRecords(before: RecordsByType, after: RecordsByType, schemaChanges: SchemaChange[] = []): DatasetDiff {
  const added: DatasetDiff["added"] = [];
  const removed: DatasetDiff["removed"] = [];
  const retired: Redirect[] = [];
  const changed: RecordChange[] = [];
  const tombstones = new Map((after[TOMBSTONES] ?? []).map((t) => [String(t.id), t]));
  const types = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => t !== TOMBSTONES).sort();
  for (const type of types) {
    const old = new Map((before[type] ?? []).map((r) => [String(r.id), r]));
    const cur = new Map((after[type] ?? []).map((r) => [String(r.id), r]));
    for (const [id, r] of cur) {
      const prev = old.get(id);
      if (!prev) added.push({ type, id });
      else {
        const changes = diffValues(prev, r);
        if (changes.length > 0) changed.push({ type, id, changes });
      }
    }
    for (const id of old.keys()) {
      if (cur.has(id)) continue;
      const t = tombstones.get(id);
      if (t) retired.push({ type, id, change: String(t.change), to: Array.isArray(t.to) ? t.to.map(String) : [] });
      else removed.push({ type, id });
    }
  }
  const sortById = <T extends { type: string; id: string }>(xs: T[]): T[] => xs.sort((a, b) => (a.type + a.id < b.type + b.id ? -1 : a.type + a.id > b.type + b.id ? 1 : 0));
  const reasons: string[] = [];
  let bump: Bump = "none";
  const raise = (to: Bump, why: string): void => {
    reasons.push(why);
    const order: Bump[] = ["none", "patch", "minor", "major"];
    if (order.indexOf(to) > order.indexOf(bump)) bump = to;
  };
  if (removed.length > 0) raise("major", `${removed.length} id${removed.length === 1 ? "" : "s"} removed without a tombstone`);
  const breaking = schemaChanges.filter((c) => c.breaking);
  if (breaking.length > 0) raise("major", `${breaking.length} breaking public schema change${breaking.length === 1 ? "" : "s"}`);
  if (added.length > 0) raise("minor", `${added.length} record${added.length === 1 ? "" : "s"} added`);
  if (retired.length > 0) raise("minor", `${retired.length} id${retired.length === 1 ? "" : "s"} retired with a tombstone`);
  if (schemaChanges.length > breaking.length) raise("minor", `${schemaChanges.length - breaking.length} compatible schema addition${schemaChanges.length - breaking.length === 1 ? "" : "s"}`);
  if (changed.length > 0) raise("patch", `${changed.length} record${changed.length === 1 ? "" : "s"} corrected`);
  return { added: sortById(added), removed: sortById(removed), retired: sortById(retired), changed: sortById(changed), schemaChanges, bump, reasons };
}

/**
 * Changes between two versions of one JSON Schema that matter to consumers: a property removed, a
 * property newly required, an enum value removed, a type changed (breaking); a property or enum value
 * added (compatible).
 */
export function diffSchemas(name: string, before: unknown, after: unknown, path = ""): SchemaChange[] {
  if (!isObject(before) || !isObject(after)) return [];
  const out: SchemaChange[] = [];
  const bp = (isObject(before.properties) ? before.properties : {}) as Record<string, unknown>;
  const ap = (isObject(after.properties) ? after.properties : {}) as Record<string, unknown>;
  for (const k of Object.keys(bp)) if (!(k in ap)) out.push({ schema: name, path: `${path}/properties/${k}`, breaking: true, description: `property \`${k}\` removed` });
  for (const k of Object.keys(ap)) if (!(k in bp)) out.push({ schema: name, path: `${path}/properties/${k}`, breaking: false, description: `property \`${k}\` added` });
  const br = new Set(Array.isArray(before.required) ? before.required : []);
  for (const k of Array.isArray(after.required) ? after.required : []) if (!br.has(k)) out.push({ schema: name, path: `${path}/required`, breaking: true, description: `\`${String(k)}\` is now required` });
  if (Array.isArray(before.enum) && Array.isArray(after.enum)) {
    for (const v of before.enum) if (!after.enum.includes(v)) out.push({ schema: name, path: `${path}/enum`, breaking: true, description: `value \`${String(v)}\` removed` });
    for (const v of after.enum) if (!before.enum.includes(v)) out.push({ schema: name, path: `${path}/enum`, breaking: false, description: `value \`${String(v)}\` added` });
  }
  if (JSON.stringify(before.type) !== JSON.stringify(after.type) && before.type !== undefined) out.push({ schema: name, path: `${path}/type`, breaking: true, description: `type changed from ${JSON.stringify(before.type)} to ${JSON.stringify(after.type)}` });
  for (const k of Object.keys(bp)) if (k in ap) out.push(...diffSchemas(name, bp[k], ap[k], `${path}/properties/${k}`));
  for (const key of ["items", "$defs"] as const) {
    if (key === "items") out.push(...diffSchemas(name, before.items, after.items, `${path}/items`));
    else if (isObject(before.$defs) && isObject(after.$defs)) for (const d of Object.keys(before.$defs)) out.push(...diffSchemas(name, (before.$defs as Record<string, unknown>)[d], (after.$defs as Record<string, unknown>)[d], `${path}/$defs/${d}`));
  }
  return out;
}
