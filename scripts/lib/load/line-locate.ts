/**
 * Positions for plain block YAML in one pass over the lines, without the positional parser: the files
 * the fast path reads (see fast-parse.ts) are almost all of this simple form, and a record with only a
 * warning (a source without its date) needs a position or two, which the positional `yaml` parser took
 * as long to give as parsing the whole dataset with js-yaml. The walk answers as the positional
 * locator does (parse-yaml.ts `locate`): it follows the pointer as far as it goes and gives the start of
 * the node (or key) it reached.
 *
 * It knows block mappings with plain keys, block sequences (indented or not), one-line scalars and plain
 * scalars continued on more-indented lines, and one-line flow sequences of plain items (an apostrophe
 * inside one is text) or whole quoted items (a comma inside one is text). For anything else it returns
 * undefined and the caller parses positionally; a test compares both on every pointer of every record
 * in data/, of the publishers registry and of the benchmark's corpora.
 */
import type { Locate } from "../check/schema-check.ts";
import { pointerSegments } from "../json-pointer.ts";

type LineNode = { kind: "map"; start: number; entries: Map<string, { key: number; value: LineNode }> } | { kind: "seq"; start: number; items: LineNode[] } | { kind: "scalar"; start: number };

interface Line {
  /** Offset of the line's first character in the text. */
  at: number;
  indent: number;
  content: string;
}

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

const KEY_LINE = /^([A-Za-z0-9_][\w.-]*):(?:[ ]+(.*))?$/;
/** A flow item that is one whole quoted scalar (a comma inside it is text), then spaces up to its end (sticky). */
const QUOTED_ITEM = /(?:'(?:[^']|'')*'|"(?:[^"\\]|\\.)*") *(?=,|$)/y;
/** Spaces before a flow item (sticky). */
const SPACES = / */y;

/** JavaScript's white space other than the space, which trimStart would take for indentation and YAML does not. */
const OTHER_SPACE = /\s/;

/**
 * The lines that hold more than white space or a comment, and the offset of every line's start. Read
 * with indexOf and character codes rather than by splitting the text: a located file's every line was
 * copied three times (split, trimStart, trimEnd), which cost more than the walk. A line indented by
 * white space other than spaces (which YAML does not take for indentation) is not of the simple form.
 */
function scanLines(text: string): { lines: Line[]; starts: number[] } {
  const lines: Line[] = [];
  const starts: number[] = [];
  let at = 0;
  for (;;) {
    starts.push(at);
    let end = text.indexOf("\n", at);
    if (end === -1) end = text.length;
    let first = at;
    while (first < end && text.charCodeAt(first) === 32) first++;
    if (first < end && text.charCodeAt(first) !== 35 /* # */) {
      if (OTHER_SPACE.test(text[first]!)) unsupported();
      let last = end;
      while (last > first && OTHER_SPACE.test(text[last - 1]!)) last--;
      lines.push({ at, indent: first - at, content: text.slice(first, last) });
    }
    if (end === text.length) return { lines, starts };
    at = end + 1;
  }
}

class Walker {
  private i = 0;
  constructor(private readonly lines: Line[]) {}

  private get line(): Line | undefined {
    return this.lines[this.i];
  }

  document(): LineNode {
    const first = this.line ?? unsupported();
    if (first.indent !== 0) unsupported();
    const node = this.block(first);
    if (this.line) unsupported();
    return node;
  }

  private block(line: Line): LineNode {
    if (line.content === "-" || line.content.startsWith("- ")) return this.seq(line.indent);
    if (KEY_LINE.test(line.content)) return this.map(line.indent);
    return unsupported();
  }

  /** A value written on its key's line (or after `- `): a scalar, or a one-line flow sequence. */
  private inline(text: string, at: number, indent: number): LineNode {
    let node: LineNode;
    if (text.startsWith("{") || /^[&*!|>%@`]/.test(text)) unsupported();
    if (text.startsWith("[")) {
      const close = text.indexOf("]");
      if (close === -1 || text.slice(close + 1).replace(/\s+#.*$/, "").trim() !== "") unsupported();
      const inner = text.slice(1, close);
      if (/[[\]{}#]/.test(inner)) unsupported();
      const items: LineNode[] = [];
      if (inner.trim() !== "") {
        // Item by item: a quote starts quoted text only at an item's start, and such an item must be one
        // whole quoted scalar (commas inside it are text); elsewhere (`People's`) a quote is text.
        for (let i = 0; ; ) {
          SPACES.lastIndex = i;
          SPACES.test(inner);
          const start = SPACES.lastIndex;
          if (OTHER_SPACE.test(inner[start] ?? "")) unsupported();
          let end: number;
          if (inner[start] === "'" || inner[start] === '"') {
            QUOTED_ITEM.lastIndex = start;
            if (!QUOTED_ITEM.test(inner)) unsupported();
            end = QUOTED_ITEM.lastIndex;
          } else {
            end = inner.indexOf(",", start);
            if (end === -1) end = inner.length;
            if (inner.slice(start, end).trim() === "") unsupported();
          }
          items.push({ kind: "scalar", start: at + 1 + start });
          const comma = inner.indexOf(",", end);
          if (comma === -1) break;
          i = comma + 1;
        }
      }
      node = { kind: "seq", start: at, items };
    } else node = { kind: "scalar", start: at };
    this.i++;
    // A plain scalar may go on over more-indented lines (quoted ones never do in fast-path files).
    while (this.line && this.line.indent > indent) {
      if (node.kind !== "scalar" || /^['"]/.test(text)) unsupported();
      this.i++;
    }
    return node;
  }

  private map(indent: number): LineNode {
    const node: LineNode = { kind: "map", start: this.line!.at + this.line!.indent, entries: new Map() };
    while (this.line && this.line.indent === indent) {
      const line = this.line;
      const m = KEY_LINE.exec(line.content);
      if (!m) {
        if (line.content === "-" || line.content.startsWith("- ")) break; // a sequence not indented under its key ends here
        unsupported();
      }
      const key = m![1]!;
      if (node.entries.has(key)) unsupported();
      const keyAt = line.at + line.indent;
      const rest = m![2] === undefined || m![2].startsWith("#") ? "" : m![2];
      let value: LineNode;
      if (rest !== "") value = this.inline(rest, keyAt + line.content.length - m![2]!.length, indent);
      else {
        this.i++;
        const next = this.line;
        if (next && next.indent > indent) value = this.block(next);
        else if (next && next.indent === indent && (next.content === "-" || next.content.startsWith("- "))) value = this.seq(indent);
        else return unsupported(); // an empty value: a null whose position the walk does not model
      }
      node.entries.set(key, { key: keyAt, value });
    }
    if (this.line && this.line.indent > indent) unsupported();
    return node;
  }

  private seq(indent: number): LineNode {
    const node: LineNode = { kind: "seq", start: this.line!.at + this.line!.indent, items: [] };
    while (this.line && this.line.indent === indent && this.line.content.startsWith("- ")) {
      const line = this.line;
      const after = line.content.slice(2);
      const lead = after.length - after.trimStart().length;
      const rest = after.trimStart();
      const col = indent + 2 + lead;
      if (rest === "" || rest.startsWith("#") || rest.startsWith("-")) unsupported();
      if (KEY_LINE.test(rest)) {
        // `- key: value`: a mapping whose keys stand at the item's column; read this line as one of its lines.
        this.lines[this.i] = { at: line.at, indent: col, content: rest };
        node.items.push(this.map(col));
      } else node.items.push(this.inline(rest, line.at + col, indent));
    }
    if (this.line && this.line.indent === indent && this.line.content === "-") unsupported();
    if (this.line && this.line.indent > indent) unsupported();
    return node;
  }
}

/** A locator for `text`, or undefined when the text is not of the simple form the walk knows. */
export function lineLocator(text: string): Locate | undefined {
  if (text.includes("\r") || text.includes("\t")) return undefined;
  let root: LineNode;
  let lineStarts: number[];
  try {
    const { lines, starts } = scanLines(text);
    lineStarts = starts;
    root = new Walker(lines).document();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const position = (offset: number): { line: number; col: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - lineStarts[lo]! + 1 };
  };
  return (pointer, options) => {
    let node = root;
    let keyAt: number | undefined;
    for (const segment of pointerSegments(pointer)) {
      if (node.kind === "map") {
        const entry = node.entries.get(segment);
        if (!entry) break;
        keyAt = entry.key;
        node = entry.value;
      } else if (node.kind === "seq") {
        const item = /^\d+$/.test(segment) ? node.items[Number(segment)] : undefined;
        if (item === undefined) break;
        keyAt = item.start;
        node = item;
      } else break;
    }
    return position(options?.key && keyAt !== undefined ? keyAt : node.start);
  };
}
