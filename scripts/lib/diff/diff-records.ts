/**
 * Compares two versions of the dataset record by record and field by field, and suggests the version
 * bump the written semver policy (CONTRIBUTING.md, "Releases") asks for.
 */
import { escapeSegment } from "../json-pointer.ts";
import { followRefs, type JsonSchema } from "../schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../record-types.ts";
import { append } from "../collections.ts";
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
  /** Changes to fields a contributor writes (derived fields are in `derived`). */
  changes: FieldChange[];
}

/**
 * A derived field (computed by the build: `meeting_ids`, `participant_sanctioned`…) that changed,
 * because records it is derived from changed. Lists compare as sets.
 */
export interface DerivedChange {
  type: string;
  id: string;
  field: string;
  added?: unknown[];
  removed?: unknown[];
  before?: unknown;
  after?: unknown;
  /** In words: "+1 meeting", "participant_sanctioned: false → true". */
  summary: string;
}

/** A tombstone that a published release had and that was removed or now points elsewhere: breaking. */
export interface TombstoneChange {
  id: string;
  type: string;
  change: "removed" | "re-pointed";
  before: { change: string; to: string[] };
  after?: { change: string; to: string[] };
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
  /** Derived fields that changed, record by record. */
  derived: DerivedChange[];
  /** Published tombstones removed or re-pointed (breaking: consumers follow them). */
  tombstones: TombstoneChange[];
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
    for (let i = 0; i < Math.max(before.length, after.length); i++) append(out, diffValues(before[i], after[i], `${path}/${i}`));
    return out;
  }
  return [{ path, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) }];
}

const TOMBSTONES = "tombstones";

/** Derived field paths by record type (plural), as JSON pointers where `*` stands for any list index. */
export type DerivedFields = Record<string, readonly string[]>;

/** Whether a pointer lies at or under a pattern (`/status_history/∗/cameo`). */
const under = (pointer: string, pattern: string): boolean => {
  const p = pointer.split("/");
  const q = pattern.split("/");
  return p.length >= q.length && q.every((seg, i) => seg === "*" || seg === p[i]);
};

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;
/** The noun for the items of a derived list: `meeting_ids` → meeting, `sanctioned_participants` → sanctioned participant. */
const itemNoun = (field: string): string => field.replace(/_ids$/, "").replace(/s$/, "").replace(/_/g, " ");

/** The derived changes of one record, lists compared as sets. */
function derivedChanges(type: string, id: string, prev: Record<string, unknown>, cur: Record<string, unknown>, changes: FieldChange[], patterns: readonly string[]): DerivedChange[] {
  const out: DerivedChange[] = [];
  for (const pattern of patterns) {
    const top = pattern.split("/")[1]!;
    if (!pattern.includes("*") && pattern === `/${top}` && (Array.isArray(prev[top]) || Array.isArray(cur[top]))) {
      const key = (v: unknown): string => JSON.stringify(v);
      const before = new Map(((prev[top] as unknown[] | undefined) ?? []).map((v) => [key(v), v]));
      const after = new Map(((cur[top] as unknown[] | undefined) ?? []).map((v) => [key(v), v]));
      const added = [...after].filter(([k]) => !before.has(k)).map(([, v]) => v);
      const removed = [...before].filter(([k]) => !after.has(k)).map(([, v]) => v);
      if (added.length + removed.length === 0) continue; // the same set in another order
      const words = [...(added.length ? [`+${plural(added.length, itemNoun(top))}`] : []), ...(removed.length ? [`-${plural(removed.length, itemNoun(top))}`] : [])];
      out.push({ type, id, field: top, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}), summary: words.join(", ") });
      continue;
    }
    for (const c of changes.filter((x) => under(x.path, pattern))) {
      const show = (v: unknown): string => (v === undefined ? "none" : JSON.stringify(v));
      out.push({ type, id, field: c.path.slice(1), before: c.before ?? null, after: c.after ?? null, summary: `${c.path.slice(1)}: ${show(c.before)} → ${show(c.after)}` });
    }
  }
  return out;
}

/** Tombstones are part of the public contract: removing one, or pointing it elsewhere, breaks consumers that follow it. */
function diffTombstones(before: ReadonlyArray<Record<string, unknown>>, after: ReadonlyArray<Record<string, unknown>>): { broken: TombstoneChange[]; corrected: RecordChange[] } {
  const redirect = (t: Record<string, unknown>): { change: string; to: string[] } => ({ change: String(t.change), to: Array.isArray(t.to) ? t.to.map(String) : [] });
  const cur = new Map(after.map((t) => [String(t.id), t]));
  const broken: TombstoneChange[] = [];
  const corrected: RecordChange[] = [];
  for (const old of before) {
    const id = String(old.id);
    const now = cur.get(id);
    if (!now) broken.push({ id, type: String(old.type), change: "removed", before: redirect(old) });
    else if (JSON.stringify(redirect(old)) !== JSON.stringify(redirect(now)) || old.type !== now.type) broken.push({ id, type: String(old.type), change: "re-pointed", before: redirect(old), after: redirect(now) });
    else {
      const changes = diffValues(old, now);
      if (changes.length > 0) corrected.push({ type: TOMBSTONES, id, changes });
    }
  }
  return { broken, corrected };
}

export function diffRecords(before: RecordsByType, after: RecordsByType, schemaChanges: SchemaChange[] = [], derivedFields: DerivedFields = {}): DatasetDiff {
  const added: DatasetDiff["added"] = [];
  const removed: DatasetDiff["removed"] = [];
  const retired: Redirect[] = [];
  const changed: RecordChange[] = [];
  const derived: DerivedChange[] = [];
  const tombstones = new Map((after[TOMBSTONES] ?? []).map((t) => [String(t.id), t]));
  const types = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => t !== TOMBSTONES).sort();
  for (const type of types) {
    const old = new Map((before[type] ?? []).map((r) => [String(r.id), r]));
    const cur = new Map((after[type] ?? []).map((r) => [String(r.id), r]));
    const patterns = derivedFields[type] ?? [];
    for (const [id, r] of cur) {
      const prev = old.get(id);
      if (!prev) added.push({ type, id });
      else {
        const all = diffValues(prev, r);
        const written = all.filter((c) => !patterns.some((p) => under(c.path, p)));
        if (written.length > 0) changed.push({ type, id, changes: written });
        if (written.length < all.length) append(derived, derivedChanges(type, id, prev, r, all, patterns));
      }
    }
    for (const id of old.keys()) {
      if (cur.has(id)) continue;
      const t = tombstones.get(id);
      if (t) retired.push({ type, id, change: String(t.change), to: Array.isArray(t.to) ? t.to.map(String) : [] });
      else removed.push({ type, id });
    }
  }
  const { broken, corrected } = diffTombstones(before[TOMBSTONES] ?? [], after[TOMBSTONES] ?? []);
  append(changed, corrected);
  const sortById = <T extends { type: string; id: string }>(xs: T[]): T[] => xs.sort((a, b) => (a.type + a.id < b.type + b.id ? -1 : a.type + a.id > b.type + b.id ? 1 : 0));
  const reasons: string[] = [];
  let bump: Bump = "none";
  const raise = (to: Bump, why: string): void => {
    reasons.push(why);
    const order: Bump[] = ["none", "patch", "minor", "major"];
    if (order.indexOf(to) > order.indexOf(bump)) bump = to;
  };
  if (removed.length > 0) raise("major", `${removed.length} id${removed.length === 1 ? "" : "s"} removed without a tombstone`);
  if (broken.length > 0) raise("major", `${plural(broken.length, "published tombstone")} removed or re-pointed`);
  const breaking = schemaChanges.filter((c) => c.breaking);
  if (breaking.length > 0) raise("major", `${breaking.length} breaking public schema change${breaking.length === 1 ? "" : "s"}`);
  if (added.length > 0) raise("minor", `${added.length} record${added.length === 1 ? "" : "s"} added`);
  if (retired.length > 0) raise("minor", `${retired.length} id${retired.length === 1 ? "" : "s"} retired with a tombstone`);
  if (schemaChanges.length > breaking.length) raise("minor", `${schemaChanges.length - breaking.length} compatible schema addition${schemaChanges.length - breaking.length === 1 ? "" : "s"}`);
  if (changed.length > 0) raise("patch", `${changed.length} record${changed.length === 1 ? "" : "s"} corrected`);
  // Derived fields follow from the changes above; on their own (a change of how they are computed) they are a correction.
  if (derived.length > 0 && bump === "none") raise("patch", `derived fields of ${plural(new Set(derived.map((d) => `${d.type}/${d.id}`)).size, "record")} updated`);
  return { added: sortById(added), removed: sortById(removed), retired: sortById(retired), changed: sortById(changed), derived: sortById(derived), tombstones: broken.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), schemaChanges, bump, reasons };
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
  for (const k of Object.keys(bp)) if (k in ap) append(out, diffSchemas(name, bp[k], ap[k], `${path}/properties/${k}`));
  for (const key of ["items", "$defs"] as const) {
    if (key === "items") append(out, diffSchemas(name, before.items, after.items, `${path}/items`));
    else if (isObject(before.$defs) && isObject(after.$defs)) for (const d of Object.keys(before.$defs)) append(out, diffSchemas(name, (before.$defs as Record<string, unknown>)[d], (after.$defs as Record<string, unknown>)[d], `${path}/$defs/${d}`));
  }
  return out;
}

/**
 * The derived fields of each record type, read from public schemas (`"x-derived": true`): pointers
 * such as `/meeting_ids` and `/status_history/∗/cameo` (`*` for any list index).
 */
export function derivedFields(schemas: ReadonlyMap<string, unknown>): DerivedFields {
  const map = schemas as ReadonlyMap<string, JsonSchema>;
  const out: Record<string, string[]> = {};
  const walk = (node: JsonSchema, file: string, pointer: string, found: string[], depth: number): void => {
    if (node["x-derived"] === true) return void found.push(pointer);
    const { schema, file: at, unresolved } = followRefs(node, file, map);
    if (unresolved || depth > 8) return;
    if (schema["x-derived"] === true) return void found.push(pointer);
    if (isObject(schema.properties)) for (const [k, v] of Object.entries(schema.properties)) walk(v as JsonSchema, at, `${pointer}/${escapeSegment(k)}`, found, depth + 1);
    if (isObject(schema.items)) walk(schema.items as JsonSchema, at, `${pointer}/*`, found, depth + 1);
  };
  for (const type of RECORD_TYPE_NAMES) {
    const { schema: file, plural } = RECORD_TYPES[type];
    const root = map.get(file);
    if (!root) continue;
    const found: string[] = [];
    walk(root, file, "", found, 0);
    out[plural] = found;
  }
  return out;
}
