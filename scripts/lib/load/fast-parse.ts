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
 * tags (`!`), anchors and aliases (`&`, `*`) where a node starts, directives (`%` at a line's start),
 * merge keys (`<<`), tabs, explicit keys (`?`), document markers, flow collections used as keys, block
 * scalars, comments glued to a value, numbers in forms beyond plain decimals, and escapes of UTF-16
 * surrogates (refused as YAML010). A test checks that both parsers give the same data for every record
 * in data/ and every case of the YAML test suite the screen admits.
 */
/** Where a plain scalar ends: the end of the line, a flow separator, a comment, or the colon of a key. */
const SCALAR_END = "\\s*(?:$|[,\\]}]|\\s#|:\\s|:$)";
/**
 * Numbers beyond plain decimals (js-yaml and the YAML 1.2 core schema read `+.5`, `1_000`, `0o17`,
 * `.inf`, `-0` differently): a whole plain scalar — value, key, list or flow item — that starts like
 * a number but is neither a plain unsigned integer, a plain unsigned decimal fraction (`1.5`, as a
 * forum's track) nor a date. After a first digit, only what either parser's numbers are made of (digits,
 * `_`, `.`, `e`, `E`, signs; `0x`, `0o`, `0b` apart): a scalar such as `24.kg` (a host of the publishers
 * registry) or `2nd` is text to both. Prose and URLs holding digits pass.
 */
const NUMBER_LIKE = `(?!(?:\\d+|(?:0|[1-9]\\d*)\\.\\d+|\\d{4}(?:-\\d\\d){1,2})${SCALAR_END})[-+]?(?:0[xob]\\w*|\\.\\w+|\\d[\\d_.eE+-]*)${SCALAR_END}`;
/** A null key (`~:`, `null:`): js-yaml names it "null", the positional parser "". */
const NULL_KEY = "(?:~|null|Null|NULL)\\s*:";

/**
 * The screen, as a few scans each looking for one kind of place (one alternation of them all cost as
 * much as parsing with js-yaml). A node starts at the start of a line (after list dashes), after `: `
 * and after a flow bracket; there it must not be an anchor, alias or tag (`&`, `*`, `!` elsewhere are
 * text, as in a URL's query or "R&D"), an explicit key (`?`), a flow collection at the start of a line
 * (possibly a key), a null key or a number beyond plain decimals.
 */
const SCREENS = [
  // At the start of a line: directives (`%`; elsewhere `%` is text, as in a URL), document markers, the
  // node starts above, and a quoted value that goes on past its line (the two parsers differ on how its
  // next lines are indented; `[^#"'\n]`: the line's own text only, so the scan stays linear; lazy
  // (`*?`), which finds the same lines as greedy but tries each colon or dash as it reaches it instead
  // of running to the line's end and backing up: 16 µs a realistic file instead of 21).
  new RegExp(`^(?:%|---|\\.\\.\\.|\\s*(?:-\\s+)*(?:[&*!?[{]|${NULL_KEY}|${NUMBER_LIKE})|[^#"'\\n]*?(?::|-)\\s+["'](?:[^"'\\n]|\\\\.)*$)`, "im"),
  // After a key's colon.
  new RegExp(`:\\s+(?:[&*!]|${NUMBER_LIKE})`, "im"),
  // Inside flow collections: collections in collections (possibly keys), null keys, the node starts above.
  new RegExp(`[[{,]\\s*(?:[[{]|${NULL_KEY})|[[{]\\s*(?:[&*!]|${NUMBER_LIKE})`, "im"),
  // Anywhere: tabs, merge keys, comments not separated by a space, block scalars (indentation rules differ).
  /\t|<<|["']#|[|>][-+0-9]*\s*(?:#.*)?$/m,
];
/** A node start after a flow collection's comma, tested at that comma only (sticky). */
const AFTER_FLOW_COMMA = new RegExp(`,\\s*(?:[&*!]|${NUMBER_LIKE})`, "my");

/**
 * Whether a flow collection's item after a comma starts with what the screens refuse at a node start.
 * Outside flow collections a comma is text ("on May 26, 2021."), so the commas tested are those inside
 * brackets, found in one pass: depth counts `[`/`{` and `]`/`}` (a bracket in prose only makes the test
 * stricter), and inside brackets a quote opens quoted text only where a node starts (after `[`, `{`,
 * `,` or `:`), so that an apostrophe in a plain item hides nothing.
 */
const FLOW_OPEN = /[[{]/g;

function flowItemRefused(text: string): boolean {
  let depth = 0;
  let quote = "";
  let last = "";
  for (let i = 0; i < text.length; i++) {
    // Outside brackets (where no quote is open) only the next `[` or `{` matters: it sets `last` itself.
    if (depth === 0) {
      FLOW_OPEN.lastIndex = i;
      if (!FLOW_OPEN.test(text)) return false;
      i = FLOW_OPEN.lastIndex - 1;
    }
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = quote === "'" && text[i + 1] === "'" ? (i++, quote) : "";
      else if (c === "\\" && quote === '"') i++;
      continue;
    }
    if (c === "[" || c === "{") depth++;
    else if ((c === "]" || c === "}") && depth > 0) depth--;
    else if (depth > 0 && (c === '"' || c === "'") && (last === "" || "[{,:".includes(last))) quote = c;
    else if (depth > 0 && c === ",") {
      AFTER_FLOW_COMMA.lastIndex = i;
      if (AFTER_FLOW_COMMA.test(text)) return true;
    }
    if (c !== " " && c !== "\n") last = c;
  }
  return false;
}

/** Whether the text is of the plain block form the fast path (and the line locator) may read. */
export function fastPathAdmits(text: string): boolean {
  if (SCREENS.some((screen) => screen.test(text)) || SURROGATE_ESCAPE.test(text) || deepFlowNesting(text) !== undefined) return false;
  return !((text.includes("[") || text.includes("{")) && flowItemRefused(text));
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
