/**
 * The shape of a set of records, per type: how many, file size, sources, claims, notes, status steps,
 * text and nesting. The benchmark prints it for the real records and for each corpus it generates, so
 * a reader sees how close a corpus is to the data it stands for.
 */
import { parseDocument } from "yaml";
import { RECORD_PARSE_OPTIONS } from "../format/format-record.ts";
import { TYPE_BY_FOLDER, RECORD_TYPE_NAMES, type RecordType } from "../record-types.ts";

export interface TypeShape {
  records: number;
  /** Mean and 90th percentile of the file size, bytes. */
  bytes: { mean: number; p90: number };
  /** Means per record. */
  sources: number;
  claims: number;
  notes: number;
  steps: number;
  /** Characters of text (every string value), mean per record. */
  text: number;
  /** The deepest nesting of values in any record (the top-level mapping is 1). */
  depth: number;
}

const depthOf = (v: unknown): number => (v && typeof v === "object" ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
const textOf = (v: unknown): number => (typeof v === "string" ? v.length : v && typeof v === "object" ? Object.values(v).reduce<number>((a, x) => a + textOf(x), 0) : 0);
const lengthOf = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

/** Shapes of the record files among `files` (paths `data/<folder>/<id>.yaml` to their text). */
export function shapeOf(files: Iterable<[string, string]>): Map<RecordType, TypeShape> {
  const acc = new Map<RecordType, { bytes: number[]; sources: number; claims: number; notes: number; steps: number; text: number; depth: number }>();
  for (const [file, text] of files) {
    const type = TYPE_BY_FOLDER.get(file.split("/").at(-2) ?? "");
    if (!type) continue;
    const data = parseDocument(text, RECORD_PARSE_OPTIONS).toJS() as Record<string, unknown>;
    let a = acc.get(type);
    if (!a) acc.set(type, (a = { bytes: [], sources: 0, claims: 0, notes: 0, steps: 0, text: 0, depth: 0 }));
    a.bytes.push(Buffer.byteLength(text));
    // Forum editions carry sources of their own.
    a.sources += lengthOf(data.sources) + ((data.editions as Array<Record<string, unknown>> | undefined) ?? []).reduce((n, e) => n + lengthOf(e.sources), 0);
    a.claims += lengthOf(data.claims);
    a.notes += lengthOf(data.notes);
    a.steps += lengthOf(data.status_history);
    a.text += textOf(data);
    a.depth = Math.max(a.depth, depthOf(data));
  }
  const out = new Map<RecordType, TypeShape>();
  for (const type of RECORD_TYPE_NAMES) {
    const a = acc.get(type);
    if (!a) continue;
    const n = a.bytes.length;
    const sortedBytes = [...a.bytes].sort((x, y) => x - y);
    out.set(type, { records: n, bytes: { mean: a.bytes.reduce((x, y) => x + y, 0) / n, p90: sortedBytes[Math.min(n - 1, Math.floor(n * 0.9))]! }, sources: a.sources / n, claims: a.claims / n, notes: a.notes / n, steps: a.steps / n, text: a.text / n, depth: a.depth });
  }
  return out;
}

/** A Markdown table of shapes side by side: one row per type and corpus. */
export function shapeTable(shapes: ReadonlyArray<{ name: string; shape: Map<RecordType, TypeShape> }>): string[] {
  const rows = ["| type | corpus | records | share | bytes mean | bytes p90 | sources | claims | notes | status steps | text chars | depth |", "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"];
  const f = (n: number): string => n.toFixed(2);
  for (const type of RECORD_TYPE_NAMES) {
    for (const { name, shape } of shapes) {
      const s = shape.get(type);
      if (!s) continue;
      const total = [...shape.values()].reduce((a, x) => a + x.records, 0);
      rows.push(`| ${type} | ${name} | ${s.records} | ${((100 * s.records) / total).toFixed(1)} % | ${Math.round(s.bytes.mean)} | ${s.bytes.p90} | ${f(s.sources)} | ${f(s.claims)} | ${f(s.notes)} | ${f(s.steps)} | ${Math.round(s.text)} | ${s.depth} |`);
    }
  }
  return rows;
}
