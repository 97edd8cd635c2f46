import type { CheckContext, IndexEntry, LoadedRecord } from "./types.ts";
import { valuesAt } from "../schema-paths.ts";
import { parsePartialDate, type PartialDate } from "../partial-date.ts";

/** Every partial date in a record with its pointer, parsed; malformed ones are left to the schema. */
export function datesOf(ctx: CheckContext, record: LoadedRecord): Array<{ pointer: string; date: PartialDate }> {
  const out: Array<{ pointer: string; date: PartialDate }> = [];
  for (const path of ctx.paths[record.type].dates) {
    for (const { pointer, value } of valuesAt(record.data, path)) {
      const date = typeof value === "string" ? parsePartialDate(value) : undefined;
      if (date) out.push({ pointer, date });
    }
  }
  return out;
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

export interface RefValue {
  pointer: string;
  value: unknown;
  /** The record types the field may point to (the schema's `x-refers-to`). */
  targets: readonly string[];
}

// Three checks (REF001–REF003) look at the same references; find them once per record.
const refCache = new WeakMap<LoadedRecord, RefValue[]>();

/** Every reference in a record, with the types its field may point to. */
export function refsOf(ctx: CheckContext, record: LoadedRecord): RefValue[] {
  let refs = refCache.get(record);
  if (!refs) {
    refs = [];
    for (const { path, targets } of ctx.paths[record.type].refs) for (const { pointer, value } of valuesAt(record.data, path)) refs.push({ pointer, value, targets });
    refCache.set(record, refs);
  }
  return refs;
}
