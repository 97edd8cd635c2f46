import type { FieldPaths } from "../schema-paths.ts";
import type { CheckContext, IndexEntry, LoadedRecord } from "./types.ts";
import { visitValuesAt } from "../schema-paths.ts";
import { escapeSegment } from "../json-pointer.ts";
import { certainlyBefore, isRealDate, parsePartialDate, type PartialDate } from "../partial-date.ts";
import { publisherOf, type Publisher } from "../publishers/registry.ts";

/**
 * Calls `visit` for every value in a record at the paths the schemas give for one kind of special value
 * (dates, URLs, country codes), with its JSON pointer built only when asked for.
 */
export function forEachValueOf(ctx: CheckContext, record: LoadedRecord, kind: "dates" | "urls" | "countries", visit: (value: unknown, pointer: () => string) => void): void {
  visitValuesAt(record.data, ctx.paths[record.type][kind], (value, _path, pointer) => visit(value, pointer));
}

/** Calls `visit` for every partial date in a record, parsed; malformed ones are left to the schema. */
export function forEachDate(ctx: CheckContext, record: LoadedRecord, visit: (date: PartialDate, pointer: () => string) => void): void {
  forEachValueOf(ctx, record, "dates", (value, pointer) => {
    const date = typeof value === "string" ? parsePartialDate(value) : undefined;
    if (date) visit(date, pointer);
  });
}

/** Whether `a` is certainly before `b`, both being real dates: a date the calendar lacks is DATE001's to report. */
export function knownBefore(a: PartialDate, b: PartialDate): boolean {
  return isRealDate(a) && isRealDate(b) && certainlyBefore(a, b);
}

export function dateField(value: unknown): PartialDate | undefined {
  return typeof value === "string" ? parsePartialDate(value) : undefined;
}

/** The single entry for an id, or undefined if none or ambiguous (ambiguity is reported by ID003). */
export function lookup(ctx: CheckContext, id: string): IndexEntry | undefined {
  const entries = ctx.index.get(id);
  return entries && entries.length === 1 ? entries[0] : undefined;
}

export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

const refPathLists = new WeakMap<FieldPaths["refs"], string[][]>();
const refPaths = (specs: FieldPaths["refs"]): string[][] => {
  let paths = refPathLists.get(specs);
  if (!paths) refPathLists.set(specs, (paths = specs.map((s) => s.path)));
  return paths;
};

/** A reference in a record, with the types its field may point to. */
export interface RefAt {
  record: LoadedRecord;
  pointer: string;
  value: string;
  targets: readonly string[];
}

const unusualCache = new WeakMap<readonly LoadedRecord[], RefAt[]>();

/**
 * The references the three reference checks (REF001–REF003) may have something to say about: those
 * that do not name exactly a live record of a type the field allows. Found in one walk shared by the
 * three, since nearly every reference is usual and a walk over every record is their main cost.
 */
export function unusualRefs(ctx: CheckContext): RefAt[] {
  let found = unusualCache.get(ctx.records);
  if (!found) {
    found = [];
    for (const record of ctx.records) {
      const specs = ctx.paths[record.type].refs;
      visitValuesAt(record.data, refPaths(specs), (value, path, pointer) => {
        if (typeof value !== "string") return;
        const targets = specs[path]!.targets;
        const entries = ctx.index.get(value);
        if (entries?.length === 1 && targets.includes(entries[0]!.type)) return;
        found!.push({ record, pointer: pointer(), value, targets });
      });
    }
    unusualCache.set(ctx.records, found);
  }
  return found;
}

/**
 * Calls `visit` for every text in a record — each string value and each key — with its JSON pointer
 * (for a key, the pointer of the value it names). Iterative, so depth costs no stack.
 */
export function forEachText(record: LoadedRecord, visit: (text: string, pointer: string, isKey: boolean) => void): void {
  const stack: Array<{ value: unknown; pointer: string }> = [{ value: record.data, pointer: "" }];
  while (stack.length > 0) {
    const { value, pointer } = stack.pop()!;
    if (typeof value === "string") visit(value, pointer, false);
    else if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, pointer: `${pointer}/${i}` }));
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        const p = `${pointer}/${escapeSegment(k)}`;
        visit(k, p, true);
        stack.push({ value: v, pointer: p });
      }
    }
  }
}

/** Calls `visit` for every source of a record (its own and its editions'), with its JSON pointer. */
export function forEachSource(record: LoadedRecord, visit: (source: Record<string, unknown>, pointer: string) => void): void {
  asArray(record.data.sources).forEach((s, i) => visit(asObject(s), `/sources/${i}`));
  asArray(record.data.editions).forEach((e, i) => asArray(asObject(e).sources).forEach((s, j) => visit(asObject(s), `/editions/${i}/sources/${j}`)));
}

/** Calls `visit` for every source of a record whose URL is on a host `data/publishers.yaml` lists, with that host's entry. */
export function forEachRegisteredSource(ctx: CheckContext, record: LoadedRecord, visit: (source: Record<string, unknown>, pointer: string, entry: Publisher) => void): void {
  forEachSource(record, (source, pointer) => {
    const entry = publisherOf(ctx.publishers, source.url);
    if (entry) visit(source, pointer, entry);
  });
}

/** The value at a field path of keys and list indexes joined by `/` (as `claims` and `unverified` write them). */
export function valueAtPath(data: unknown, path: string): unknown {
  let node: unknown = data;
  for (const seg of path.split("/")) {
    if (node === null || typeof node !== "object") return undefined;
    node = Array.isArray(node) ? (/^\d+$/.test(seg) ? node[Number(seg)] : undefined) : Object.hasOwn(node, seg) ? (node as Record<string, unknown>)[seg] : undefined;
  }
  return node;
}
