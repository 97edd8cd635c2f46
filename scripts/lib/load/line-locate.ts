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
 * inside one is text) or quoted items without commas inside. For anything else it returns undefined and
 * the caller parses positionally; a test compares both on every pointer of every record in data/, of the
 * publishers registry and of the benchmark's corpora.
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
/** A flow item that is one whole quoted scalar with no comma in it. */
const QUOTED_ITEM = /^(?:'(?:[^',]|'')*'|"(?:[^"\\,]|\\[^,])*")$/;

function significantLines(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const raw of text.split("\n")) {
    const content = raw.trimStart();
    if (content !== "" && !content.startsWith("#")) out.push({ at, indent: raw.length - content.length, content: content.trimEnd() });
    at += raw.length + 1;
  }
  return out;
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
      let offset = at + 1;
      if (inner.trim() !== "") {
        for (const part of inner.split(",")) {
          const lead = part.length - part.trimStart().length;
          // A quote starts quoted text only at an item's start (a comma inside it would split it here):
          // such an item must be one whole quoted scalar; elsewhere (`People's`) it is text.
          const item = part.trim();
          if (item === "" || (/^['"]/.test(item) && !QUOTED_ITEM.test(item))) unsupported();
          items.push({ kind: "scalar", start: offset + lead });
          offset += part.length + 1;
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
  try {
    root = new Walker(significantLines(text)).document();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  let lineStarts: number[] | undefined;
  const position = (offset: number): { line: number; col: number } => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    }
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
