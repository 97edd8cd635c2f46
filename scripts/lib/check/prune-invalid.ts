/**
 * The well-formed part of a record that fails its schema, so that the checks beyond the schema can run
 * on it in the same run: a bad date must not hide a misspelled reference. The parts the schema refuses
 * are cut away (a value, the list item or object holding a missing required field, an unknown key),
 * and validation is repeated until what is left passes. Checks then run on the remainder, and every
 * pointer they report is translated back to the record as written.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { escapeSegment, pointerSegments as parsePointer } from "../json-pointer.ts";

export interface Pruned {
  data: Record<string, unknown>;
  /** The pointer in the written record of a pointer into `data`. */
  toOriginal(pointer: string): string;
}

/** Rounds of cutting: each round removes at least one value, and a record nests only a few levels deep. */
const MAX_ROUNDS = 12;
/** Past this many schema errors a record is not pruned: its schema errors are its verdict. */
const MAX_ERRORS = 1_000;

type Path = readonly string[];

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === "object" && v !== null;

/** The path to remove for one schema error, or undefined when the error names no removable part. */
function pathToCut(e: ErrorObject): Path | undefined {
  const at = parsePointer(e.instancePath);
  // Errors about an `if` or a branch are explained by their sub-errors, which point at the values.
  if (e.keyword === "if" || e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "allOf" || e.keyword === "not") return undefined;
  if (e.keyword === "additionalProperties") return [...at, String((e.params as { additionalProperty: string }).additionalProperty)];
  if (e.keyword === "unevaluatedProperties") return [...at, String((e.params as { unevaluatedProperty: string }).unevaluatedProperty)];
  // A missing field (or one the rule forbids by `false`) makes its holder unusable: cut the holder.
  if (e.keyword === "required" || e.keyword === "dependentRequired") return at;
  if (e.keyword === "false schema") return at;
  return at;
}

/** Whether every error at the record's top is a missing field (or the `if` that demanded it). */
function atTop(errors: readonly ErrorObject[]): boolean {
  const top = errors.filter((e) => e.instancePath === "");
  return top.length > 0 && top.every((e) => e.keyword === "required" || e.keyword === "if" || e.keyword === "dependentRequired");
}

/** The cuts as a tree of keys: `true` where a value is cut whole. Built once, so cutting is linear. */
type CutTree = Map<string, CutTree | true>;

function cutTree(cuts: readonly Path[]): CutTree {
  const root: CutTree = new Map();
  for (const cut of cuts) {
    let node = root;
    for (let i = 0; i < cut.length; i++) {
      const key = cut[i]!;
      const here = node.get(key);
      if (here === true) break; // an ancestor is cut whole already
      if (i === cut.length - 1) {
        node.set(key, true);
        break;
      }
      let next = here;
      if (next === undefined) node.set(key, (next = new Map()));
      node = next;
    }
  }
  return root;
}

/** A deep copy without the values the tree cuts; list items are removed, and their original indexes kept. */
function without(value: unknown, cuts: CutTree | undefined, indexMaps: Map<unknown, number[]>): unknown {
  if (!isContainer(value) || cuts === undefined || cuts.size === 0) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    const map: number[] = [];
    value.forEach((item, i) => {
      const sub = cuts.get(String(i));
      if (sub === true) return;
      map.push(i);
      out.push(without(item, sub, indexMaps));
    });
    indexMaps.set(out, map);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const sub = cuts.get(k);
    if (sub !== true) out[k] = without(v, sub, indexMaps);
  }
  return out;
}

/**
 * The part of `data` that passes `validate`, or undefined when nothing usable is left (the record's
 * root itself is refused). `validate` must report all errors (ajv's `allErrors`).
 */
export function pruneInvalid(data: Record<string, unknown>, validate: ValidateFunction): Pruned | undefined {
  // values[r] is the input of round r; maps[r] maps each list of values[r + 1] to its indexes in values[r].
  const values: unknown[] = [data];
  const maps: Array<Map<unknown, number[]>> = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const current = values[round] as Record<string, unknown>;
    // Without its id a record cannot be referred to or reported on by any check.
    const done = (): Pruned | undefined => (typeof current.id === "string" ? { data: current, toOriginal: (pointer) => translate(pointer, values, maps) } : undefined);
    if (validate(current)) return done();
    // A record refused in thousands of places has nothing left worth checking beyond its schema errors.
    if ((validate.errors?.length ?? 0) > MAX_ERRORS) return undefined;
    // A field missing at the top (it was never written, or it was cut) leaves the rest checkable: checks
    // on a partial record run guarded (run-checks.ts), so they may meet its absence.
    const cuts = (validate.errors ?? []).map(pathToCut).filter((p): p is Path => p !== undefined && !(p.length === 0 && atTop(validate.errors!)));
    if (cuts.length === 0) return atTop(validate.errors ?? []) ? done() : undefined;
    if (cuts.some((c) => c.length === 0)) return undefined;
    const map = new Map<unknown, number[]>();
    values.push(without(current, cutTree(cuts), map));
    maps.push(map);
  }
  return undefined;
}


/** A pointer into the last round's value, as a pointer into the written record: list indexes mapped back round by round. */
function translate(pointer: string, values: readonly unknown[], maps: ReadonlyArray<Map<unknown, number[]>>): string {
  let segments = parsePointer(pointer);
  for (let r = maps.length - 1; r >= 0; r--) {
    const out: string[] = [];
    let node: unknown = values[r + 1];
    for (const seg of segments) {
      const map = Array.isArray(node) ? maps[r]!.get(node) : undefined;
      out.push(map && /^\d+$/.test(seg) ? String(map[Number(seg)] ?? seg) : seg);
      node = isContainer(node) ? (node as Record<string, unknown>)[seg] : undefined;
    }
    segments = out;
  }
  return segments.length ? `/${segments.map(escapeSegment).join("/")}` : "";
}
