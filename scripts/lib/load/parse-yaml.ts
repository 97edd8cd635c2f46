import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import type { Document, DocumentOptions, Node, Pair, YAMLMap, ParseOptions, SchemaOptions, YAMLError } from "yaml";
import type { Diagnostic, Position } from "../diagnostics.ts";
import { loaderDiagnostic, type LoaderCode } from "../codes.ts";
import { LIMITS } from "./limits.ts";
import { positionAt as positionAtOffset } from "./text-position.ts";
import { pointerSegments } from "../json-pointer.ts";
import { yamlTip } from "./yaml-tips.ts";
import { append, maxOf } from "../collections.ts";

// The yaml package (CommonJS here) is loaded when a text is first parsed with positions: most records
// only go through js-yaml's fast path (see fast-parse.ts), and loading it took about 25 ms of start-up.
// Its nodes never leave this module, and its type tests read a global symbol, not a class.
const requireHere = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= requireHere("yaml") as typeof Yaml);

export interface ParsedYaml {
  data: Record<string, unknown>;
  /** Finds where the value (or, with `key`, the key) at a JSON pointer is written. */
  locate(pointer: string, options?: { key?: boolean }): Position;
}

export type ParseResult = { ok: true; parsed: ParsedYaml } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parser options. The YAML 1.2 core schema, so `2023-05-29` stays text and `yes` is not a boolean;
 * no merge keys; no custom tags resolved; duplicate keys are errors.
 */
// `uniqueKeys: false`: yaml compares each new key with every earlier key of its mapping, which is
// quadratic (a 256 KiB file of 44,000 keys took half a minute); `duplicateKeys` finds them in one pass.
// `logLevel: "error"`: yaml would otherwise print a process warning (on stderr, outside our report) when a
// key is a list or mapping; such keys are reported as unknown fields by the schema instead.
const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { version: "1.2", schema: "core", merge: false, uniqueKeys: false, strict: true, prettyErrors: false, customTags: [], keepSourceTokens: false, logLevel: "error" };

const YAML_ERROR_CODES: Partial<Record<YAMLError["code"], LoaderCode>> = {
  TAB_AS_INDENT: "YAML009",
  TAG_RESOLVE_FAILED: "YAML006",
  BAD_ALIAS: "YAML007",
  ALIAS_PROPS: "YAML007",
};

const diag = (file: string, code: LoaderCode, pos: Position, message: string, tip?: string): Diagnostic => loaderDiagnostic(file, code, message, pos, tip);

/**
 * Where to report a parse error. yaml places a missing closing quote at the end of the file, where the
 * runaway quoted value ends; the place to fix is the opening quote, which is where that value starts.
 */
function errorOffset(error: YAMLError, doc: Document.Parsed): number {
  if (error.code !== "MISSING_CHAR" || !/quote/.test(error.message)) return error.pos[0];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (yaml().isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && node.range?.[1] === error.pos[0]) return node.range[0];
    if (yaml().isCollection(node)) for (const item of node.items) append(stack, yaml().isPair(item) ? [item.key, item.value] : [item]);
  }
  return error.pos[0];
}

/** yaml's messages, shortened and in plain words where we know better ones. */
function explainYamlError(error: YAMLError, text: string): { message: string; tip?: string } {
  const raw = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "");
  switch (error.code) {
    case "TAB_AS_INDENT":
      return { message: "a tab is used for indentation; YAML needs spaces", tip: "replace the tab with spaces" };
    case "MISSING_CHAR":
      return /quote/.test(error.message) ? { message: "the quoted text that starts here is never closed", tip: "add the closing quote" } : { message: raw };
    case "TAG_RESOLVE_FAILED":
      return { message: `unknown YAML tag (${raw})`, tip: "remove the tag; records use plain values only" };
    default:
      return { message: raw };
  }
}

/**
 * Parses record text. Rejects, with a located diagnostic each, everything that is not a single plain
 * mapping: syntax errors, several documents, tags, anchors and aliases, merge keys, deep nesting.
 * Aliases are rejected before any value is built, so an alias bomb never expands.
 */
export function parseRecordYaml(file: string, text: string): ParseResult {
  const tooDeep = deepFlowNesting(text);
  if (tooDeep !== undefined) {
    const pos = positionAtOffset(text, tooDeep);
    return { ok: false, diagnostics: [diag(file, "YAML008", pos, `values are nested more than ${LIMITS.maxDepth} levels deep`)] };
  }
  const lineCounter = new (yaml().LineCounter)();
  const at = (offset: number): Position => lineCounter.linePos(offset);
  let docs: Document.Parsed[];
  try {
    docs = yaml().parseAllDocuments(text, { ...OPTIONS, lineCounter }) as Document.Parsed[];
  } catch (error) {
    // The composer recurses; pathological nesting can exhaust the stack before our depth check runs.
    const message = error instanceof RangeError ? `values are nested too deeply to read (limit ${LIMITS.maxDepth} levels)` : `could not be parsed (${String(error)})`;
    return { ok: false, diagnostics: [diag(file, error instanceof RangeError ? "YAML008" : "YAML001", { line: 1, col: 1 }, message)] };
  }
  if (!Array.isArray(docs) || docs.length === 0 || (docs.length === 1 && isEmptyContent(docs[0]!.contents) && docs[0]!.errors.length === 0)) {
    return { ok: false, diagnostics: [diag(file, "YAML005", { line: 1, col: 1 }, "the file holds no record (it is empty or only comments)", "start from `npm run new -- <type> <id>`")] };
  }
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const explained = new Set<number>();
  let lines: string[] | undefined;
  for (const [index, doc] of docs.entries()) {
    if (index > 0) {
      diagnostics.push(diag(file, "YAML003", at(doc.range[0]), "a second YAML document starts here; a file holds exactly one record", "split it into one file per record"));
      break;
    }
    for (const error of [...doc.errors, ...doc.warnings]) {
      if (error.message.includes("Maximum call stack size exceeded")) {
        // Nesting the pre-scan cannot see (such as compact block lists) still ends here, as one diagnostic.
        return { ok: false, diagnostics: [diag(file, "YAML008", { line: 1, col: 1 }, `values are nested too deeply to read (limit ${LIMITS.maxDepth} levels)`)] };
      }
      const code = YAML_ERROR_CODES[error.code] ?? "YAML001";
      const pos = at(errorOffset(error, doc));
      // One diagnosis in plain words per line: the parser often reports one mistake several ways.
      if (explained.has(pos.line)) continue;
      const plain = yamlTip((lines ??= text.split("\n")), pos.line, error.code, error.message);
      if (plain) {
        explained.add(pos.line).add(plain.line);
        const k = `${code}:${plain.line}:${plain.col}`;
        if (!seen.has(k)) diagnostics.push(diag(file, code, { line: plain.line, col: plain.col }, plain.message, plain.tip));
        seen.add(k);
        continue;
      }
      const key = `${code}:${pos.line}:${pos.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { message, tip } = explainYamlError(error, text);
      diagnostics.push(diag(file, code, pos, message, tip));
      // What follows a tab on its line is the parser losing its place, not another mistake.
      if (code === "YAML009") explained.add(pos.line);
    }
  }
  const doc = docs[0]!;
  for (const d of duplicateKeys(file, text, doc, at)) {
    const key = `${d.code}:${d.line}:${d.col}`;
    if (!seen.has(key)) diagnostics.push(d);
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.col - b.col) };

  append(diagnostics, structuralProblems(file, text, doc, at));
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  if (!yaml().isMap(doc.contents)) {
    const where = doc.contents ? at(doc.contents.range[0]) : { line: 1, col: 1 };
    const what = yaml().isSeq(doc.contents) ? "a list" : "a single value";
    return { ok: false, diagnostics: [diag(file, "YAML004", where, `the top level is ${what}; a record is a mapping of keys to values`, "write `id: …` and the other fields as `key: value` lines")] };
  }
  const data = doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
  return { ok: true, parsed: { data, locate: (pointer, options) => locate(doc, at, pointer, options?.key ?? false) } };
}

/**
 * A `\u` or `\U` escape of a UTF-16 surrogate (U+D800–U+DFFF). A superset: a backslash written as `\\`
 * before `u` matches too; `surrogateEscapes` reads the escapes properly. Also screens the fast parser.
 */
export const SURROGATE_ESCAPE = /\\(?:u|U0000)[dD][89a-fA-F]/;

/**
 * YAML010: surrogate escapes in a double-quoted scalar (text[from, to)). A surrogate is not a character:
 * alone it makes text that is not Unicode (UTF-8 cannot hold it; DuckDB and Python refuse it), and as a
 * pair written in two escapes it depends on the parser whether it becomes one character or two errors.
 */
function surrogateEscapes(file: string, text: string, from: number, to: number, at: (offset: number) => Position): Diagnostic[] {
  const out: Diagnostic[] = [];
  const escapeAt = (i: number): { cp: number; length: number } | undefined => {
    const m = /^\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))/.exec(text.slice(i, i + 10));
    return m ? { cp: parseInt(m[1] ?? m[2]!, 16), length: m[0].length } : undefined;
  };
  const isHigh = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdbff;
  const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;
  for (let i = from; i < to; i++) {
    if (text[i] !== "\\") continue;
    const esc = escapeAt(i);
    if (!esc) {
      i++; // any other escape, such as `\\` or `\"`: skip the escaped character
      continue;
    }
    if (isSurrogate(esc.cp)) {
      const next = isHigh(esc.cp) ? escapeAt(i + esc.length) : undefined;
      const written = text.slice(i, i + esc.length + (next ? next.length : 0));
      if (next && next.cp >= 0xdc00 && next.cp <= 0xdfff) {
        const cp = 0x10000 + ((esc.cp - 0xd800) << 10) + (next.cp - 0xdc00);
        const u = `\\U${cp.toString(16).toUpperCase().padStart(8, "0")}`;
        out.push(diag(file, "YAML010", at(i), `\`${written}\` writes one character as two UTF-16 halves (surrogates)`, `write the character itself, or as one escape: ${u}`));
        i += written.length - 1;
        continue;
      }
      const hex = esc.cp.toString(16).toUpperCase();
      out.push(diag(file, "YAML010", at(i), `\`${text.slice(i, i + esc.length)}\` is a lone UTF-16 surrogate (U+${hex}), not a character; text must be well-formed Unicode`, "delete it, or write the character it was meant to be"));
    }
    i += esc.length - 1;
  }
  return out;
}

/**
 * Keys written twice in one mapping (YAML002), found with one set of keys per mapping: linear in the
 * number of keys. Keys are equal as yaml's own check has them: the same scalar value.
 */
function duplicateKeys(file: string, text: string, doc: Document.Parsed, at: (offset: number) => Position): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!yaml().isCollection(node)) continue;
    const keys = new Set<unknown>();
    for (const item of node.items) {
      if (yaml().isPair(item)) {
        if (yaml().isScalar(item.key)) {
          if (keys.has(item.key.value)) {
            const offset = item.key.range?.[0] ?? 0;
            const written = /^[^\s:]+/.exec(text.slice(offset, offset + 200))?.[0];
            out.push(diag(file, "YAML002", at(offset), written ? `key \`${written}\` appears more than once in the same mapping` : "a key appears more than once in the same mapping", "keep one of them"));
          } else keys.add(item.key.value);
        }
        stack.push(item.key, item.value);
      } else stack.push(item);
    }
  }
  return out;
}

/** No content at all: a file of comments, or only a `---` marker (which yields an empty null scalar). */
function isEmptyContent(contents: unknown): boolean {
  if (contents === null || contents === undefined) return true;
  return yaml().isScalar(contents) && contents.value === null && contents.source === "" && !contents.tag && !contents.anchor;
}

/**
 * Offset where a node's anchor or tag is written. yaml keeps no position for them; they precede the node
 * (on its line, or on the line before for a block collection), so the nearest earlier occurrence is it.
 */
function propOffset(text: string, node: Node, written: readonly string[]): number {
  const start = node.range?.[0] ?? 0;
  const found = maxOf(written.map((w) => text.lastIndexOf(w, start)));
  return found >= 0 ? found : start;
}

/** The ways a resolved tag can be written: `!!str` for `tag:yaml.org,2002:str`, `!local`, `!<verbatim>`. */
function tagSpellings(tag: string): string[] {
  const core = "tag:yaml.org,2002:";
  return tag.startsWith(core) ? [`!!${tag.slice(core.length)}`, `!<${tag}>`] : [tag, `!<${tag}>`];
}

/**
 * Walks the syntax tree (iteratively, so depth cannot overflow the stack) for what a record may not use,
 * in document order so that, when the list is cut short, the first problems in the file are the ones kept.
 */
function structuralProblems(file: string, text: string, doc: Document.Parsed, at: (offset: number) => Position): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0 && out.length < 50) {
    const { node, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    if (yaml().isAlias(node)) {
      out.push(diag(file, "YAML007", at(node.range?.[0] ?? 0), `alias *${node.source} is not allowed; write the value out in full`));
      continue;
    }
    const n = node as Node;
    if (n.anchor) out.push(diag(file, "YAML007", at(propOffset(text, n, [`&${n.anchor}`])), `anchor &${n.anchor} is not allowed; records do not share values`));
    if (n.tag) {
      out.push(diag(file, "YAML006", at(propOffset(text, n, tagSpellings(n.tag))), `the tag ${n.tag} is not allowed; records use plain values only`, "remove the tag"));
    }
    if (yaml().isScalar(n) && n.type === "QUOTE_DOUBLE" && n.range && SURROGATE_ESCAPE.test(text.slice(n.range[0], n.range[1]))) {
      append(out, surrogateEscapes(file, text, n.range[0], n.range[1], at));
    }
    if (yaml().isCollection(n)) {
      if (depth >= LIMITS.maxDepth) {
        out.push(diag(file, "YAML008", at(n.range?.[0] ?? 0), `values are nested more than ${LIMITS.maxDepth} levels deep`));
        continue;
      }
      const children: Array<{ node: unknown; depth: number }> = [];
      for (const item of n.items) {
        if (yaml().isPair(item)) {
          if (yaml().isScalar(item.key) && item.key.value === "<<") {
            out.push(diag(file, "YAML007", at(item.key.range?.[0] ?? 0), "merge keys (<<) are not allowed; write the fields out in full"));
          }
          children.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
        } else children.push({ node: item, depth: depth + 1 });
      }
      append(stack, children.reverse());
    }
  }
  return out;
}

const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** A mapping's pairs by key, built once per mapping, so that locating every key of a mapping is linear. */
function keyIndex(map: YAMLMap): Map<string, Pair> {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) if (yaml().isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    keyIndexes.set(map, index);
  }
  return index;
}

/**
 * Position of the node at `pointer`; with `key`, of the key that names it. Walks down as far as the
 * path exists, so a missing field is reported at its parent.
 */
function locate(doc: Document.Parsed, at: (offset: number) => Position, pointer: string, wantKey: boolean): Position {
  let node: unknown = doc.contents;
  let keyNode: unknown = undefined;
  for (const segment of pointerSegments(pointer)) {
    if (yaml().isMap(node)) {
      const pair = keyIndex(node).get(segment);
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (yaml().isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined || !/^\d+$/.test(segment)) break;
      keyNode = item;
      node = item;
    } else break;
  }
  const target = (wantKey && keyNode ? keyNode : node) as Node | undefined;
  return at(target?.range?.[0] ?? 0);
}

/**
 * Offset where flow brackets (`[`, `{`) first nest deeper than the limit, or undefined. Runs before the
 * parser, whose composer recurses per level, so that hostile nesting costs one linear scan. Quotes and
 * comments are skipped roughly; a false alarm needs over 32 brackets inside quoted text.
 */
export function deepFlowNesting(text: string): number | undefined {
  // Fewer opening brackets than the limit cannot nest beyond it: skip the scan (the common case).
  let opening = 0;
  for (let i = text.indexOf("["); i !== -1 && opening <= LIMITS.maxDepth; i = text.indexOf("[", i + 1)) opening++;
  for (let i = text.indexOf("{"); i !== -1 && opening <= LIMITS.maxDepth; i = text.indexOf("{", i + 1)) opening++;
  if (opening <= LIMITS.maxDepth) return undefined;
  let depth = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
      else if (c === "\\" && quote === '"') i++;
      continue;
    }
    if (c === '"' || (c === "'" && depth > 0)) quote = c;
    else if (c === "#" && (i === 0 || text[i - 1] === " " || text[i - 1] === "\n")) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
    } else if (c === "[" || c === "{") {
      if (++depth > LIMITS.maxDepth) return i;
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);

  }
  return undefined;
}
