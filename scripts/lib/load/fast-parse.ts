import jsYaml from "js-yaml";
import { LIMITS } from "./limits.ts";
import { deepFlowNesting, SURROGATE_ESCAPE } from "./parse-yaml.ts";

/**
 * The fast path for the bulk of records: js-yaml (about ten times faster than the positional `yaml`
 * parser) for files that use nothing but plain block YAML. Anything else — or anything js-yaml rejects —
 * returns undefined and goes through `parseRecordYaml`, which gives the located diagnostics. Positions
 * are only needed for files with problems, so those are parsed again positionally on demand.
 *
 * The screen sends to the positional parser every file that could behave differently in the two:
 * tags (`!`), anchors and aliases (`&`, `*`), directives (`%`), merge keys (`<<`), tabs, explicit keys
 * (`?`), document markers, flow collections used as keys, block scalars, comments glued to a value,
 * numbers in forms beyond plain decimals, and escapes of UTF-16 surrogates (refused as YAML010). A test checks that both parsers
 * give the same data for every record in data/ and every case of the YAML test suite the screen admits.
 */
/** Where a plain scalar starts: a key at the start of a line (or of a list item), a value, a flow item. */
const SCALAR_START = "(?:^\\s*(?:-\\s+)*|:\\s+|[[{,]\\s*)";
/** Where it ends: the end of the line, a flow separator, a comment, or the colon of a key. */
const SCALAR_END = "\\s*(?:$|[,\\]}]|\\s#|:\\s|:$)";

const SCREEN = new RegExp(
  [
    "[&*!%\\t]", // anchors, aliases, tags, directives, tabs
    "<<", // merge keys
    "^(?:---|\\.\\.\\.)", // document markers
    "^\\s*\\?", // explicit keys
    "^\\s*(?:-\\s+)*[[{]", // flow collections at the start of a line (possibly keys)
    "[,{[]\\s*[[{]", // flow collections inside flow collections (possibly keys)
    "[|>][-+0-9]*\\s*(?:#.*)?$", // block scalars: indentation rules differ between parsers
    "[\"']#", // comments not separated by a space
    // Numbers beyond plain decimals (js-yaml and the YAML 1.2 core schema read `+.5`, `1_000`, `0o17`,
    // `.inf`, `-0` differently): a whole plain scalar — value, key, list or flow item — that starts like
    // a number but is neither a plain unsigned integer nor a date. Prose and URLs holding digits pass.
    `${SCALAR_START}(?!(?:\\d+|\\d{4}(?:-\\d\\d){1,2})${SCALAR_END})[-+]?(?:0[xob]\\w*|\\.\\w+|\\d[\\w.+-]*)${SCALAR_END}`,
    // A null key (`~:`, `null:`): js-yaml names it "null", the positional parser "".
    "(?:^\\s*(?:-\\s+)*|[{,]\\s*)(?:~|null|Null|NULL)\\s*:",
    // A quoted value that goes on past its line: the two parsers differ on how its next lines are indented.
    // (`[^#"'\n]`: the line's own text only, so the screen stays linear in the file's size.)
    "^[^#\"'\\n]*(?::|-)\\s+[\"'](?:[^\"'\\n]|\\\\.)*$",
  ].join("|"),
  "im",
);

/** Whether the text is of the plain block form the fast path (and the one-pass locator) may read. */
export function fastPathAdmits(text: string): boolean {
  return !SCREEN.test(text) && !SURROGATE_ESCAPE.test(text) && deepFlowNesting(text) === undefined;
}

export function fastParse(text: string): Record<string, unknown> | undefined {
  if (!fastPathAdmits(text)) return undefined;
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (!data || typeof data !== "object" || Array.isArray(data) || Object.getPrototypeOf(data) !== Object.prototype) return undefined;
  // Depth is bounded for the positional parser's sake; keep the same bound here.
  if (!withinDepth(data, 0)) return undefined;
  return data as Record<string, unknown>;
}

/**
 * True when no value nests deeper than the limit and every number is finite. Recursion stops at the
 * limit, so it is bounded; it allocates nothing, which matters when it runs over every record.
 */
function withinDepth(value: unknown, depth: number): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value === null || typeof value !== "object") return true;
  if (depth >= LIMITS.maxDepth) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!withinDepth(item, depth + 1)) return false;
  } else {
    for (const key in value) if (!withinDepth((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}
