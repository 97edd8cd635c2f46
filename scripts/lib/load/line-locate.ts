/**
 * Positions for plain block YAML from its lines, without the positional parser: the files the fast path
 * reads (see fast-parse.ts) are almost all of this simple form, and a record with only a warning (a
 * source without its date) needs a position or two, which the positional `yaml` parser took as long to
 * give as parsing the whole dataset with js-yaml. The walk answers as the positional locator does
 * (parse-yaml.ts `locate`): it follows the pointer as far as it goes and gives the start of the node (or
 * key) it reached.
 *
 * The walk reads only the levels the pointer passes through: a mapping's keys, or a sequence's dashes,
 * each level once per file (it is kept for the next pointer); lines more indented than a level belong
 * to its values and are skipped by their indentation. Three warnings on one source read the top level,
 * the `sources` dashes and that source's keys, not every line of the file.
 *
 * It knows block mappings with plain keys, block sequences (indented or not), one-line scalars and plain
 * scalars continued on more-indented lines, and one-line flow sequences of plain items (an apostrophe
 * inside one is text) or whole quoted items (a comma inside one is text). A file whose top level holds
 * anything else gets no locator; a pointer whose way passes a deeper level that does gets undefined.
 * Either way the caller parses positionally; a test compares both on every pointer
 * of every record in data/, of the publishers registry, of the benchmark's corpora and of the YAML test
 * suite's cases the fast path admits.
 */
import { pointerSegments } from "../json-pointer.ts";

/** A position, or undefined where the walk reached something it does not model. */
export type LineLocate = (pointer: string, options?: { key?: boolean }) => { line: number; col: number } | undefined;

interface Line {
  /** Offset of the line's first character in the text. */
  at: number;
  indent: number;
  /** Where the line's text after its indentation starts, and where the line ends. */
  first: number;
  end: number;
  /** The line's text from `first` to its last character that is not white space; cut when first read. */
  content?: string;
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
/** What an inline value may not start with: a flow mapping, an anchor, alias or tag, a block scalar, reserved characters. */
const UNMODELLED_START = /^[{&*!|>%@`]/;

/** JavaScript's white space other than the space, which trimStart would take for indentation and YAML does not. */
const OTHER_SPACE = /\s/;

/** Whether text[i] is white space to JavaScript's `\s` (tested only off printable ASCII, which but for the space never is). */
function spaceAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (code <= 32 || code >= 127) && OTHER_SPACE.test(text[i]!);
}

/**
 * The lines that hold more than white space or a comment, and the offset of every line's start. Read
 * with indexOf and character codes, and a line's text is cut only when the walk reads it (most lines
 * are more indented than the levels a pointer passes through). A line indented by white space other
 * than spaces (which YAML does not take for indentation) is not of the simple form.
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
      if (spaceAt(text, first)) unsupported();
      lines.push({ at, indent: first - at, first, end });
    }
    if (end === text.length) return { lines, starts };
    at = end + 1;
  }
}

const isDashLine = (content: string): boolean => content === "-" || content.startsWith("- ");

/** A node on a pointer's way; a collection's level is read when the walk first steps into it. */
type PathNode =
  | { kind: "scalar"; start: number }
  | { kind: "flow"; start: number; items: Entry[] }
  | { kind: "map"; start: number; indent: number; from: number; first: Line; entries?: Map<string, Entry> }
  /** `underKey`: a sequence not indented under its key, which a key at its indentation ends. */
  | { kind: "seq"; start: number; indent: number; from: number; underKey: boolean; items?: Entry[] };

/** A key or item: where it starts, and how to make its value (once). */
interface Entry {
  key: number;
  value: () => PathNode;
}

class Walker {
  constructor(
    private readonly text: string,
    private readonly lines: Line[],
  ) {}

  /** A line's text after its indentation, without the white space that ends it. */
  private content(line: Line): string {
    if (line.content === undefined) {
      let last = line.end;
      while (last > line.first && spaceAt(this.text, last - 1)) last--;
      line.content = this.text.slice(line.first, last);
    }
    return line.content;
  }

  root(): PathNode {
    const first = this.lines[0] ?? unsupported();
    if (first.indent !== 0) unsupported();
    const node = this.block(0);
    // A document is one collection: its level must account for every line at the left margin.
    if (node.kind === "map") this.entries(node);
    else if (node.kind === "seq") this.items(node);
    return node;
  }

  /** The collection whose first line is lines[i]. */
  private block(i: number, first: Line = this.lines[i]!): PathNode {
    const content = this.content(first);
    if (isDashLine(content)) return { kind: "seq", start: first.at + first.indent, indent: first.indent, from: i, underKey: false };
    if (KEY_LINE.test(content)) return { kind: "map", start: first.at + first.indent, indent: first.indent, from: i, first };
    return unsupported();
  }

  /** The line after lines[i] when it is more indented than `indent`. */
  private deeper(i: number, indent: number): boolean {
    const next = this.lines[i + 1];
    return next !== undefined && next.indent > indent;
  }

  /**
   * A value written on its key's line (or after `- `), on lines[i]: a scalar, or a one-line flow
   * sequence. Checked wherever its level is read, so that a level holding what the walk does not model
   * is refused whichever of its values a pointer goes to.
   */
  private inline(text: string, at: number, indent: number, i: number): PathNode {
    if (UNMODELLED_START.test(text)) unsupported();
    let node: PathNode;
    if (text.startsWith("[")) {
      const close = text.indexOf("]");
      if (close === -1 || text.slice(close + 1).replace(/\s+#.*$/, "").trim() !== "") unsupported();
      const inner = text.slice(1, close);
      if (/[[\]{}#]/.test(inner)) unsupported();
      const items: Entry[] = [];
      if (inner.trim() !== "") {
        // Item by item: a quote starts quoted text only at an item's start, and such an item must be one
        // whole quoted scalar (commas inside it are text); elsewhere (`People's`) a quote is text.
        for (let j = 0; ; ) {
          SPACES.lastIndex = j;
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
          const item: PathNode = { kind: "scalar", start: at + 1 + start };
          items.push({ key: item.start, value: () => item });
          const comma = inner.indexOf(",", end);
          if (comma === -1) break;
          j = comma + 1;
        }
      }
      node = { kind: "flow", start: at, items };
    } else node = { kind: "scalar", start: at };
    // A plain scalar may go on over more-indented lines (quoted ones never do in fast-path files).
    if (this.deeper(i, indent) && (node.kind !== "scalar" || text.startsWith("'") || text.startsWith('"'))) unsupported();
    return node;
  }

  /** A mapping's keys: its lines at its indentation, from its first (which may be the rest of a `- ` line). */
  entries(node: Extract<PathNode, { kind: "map" }>): Map<string, Entry> {
    if (node.entries) return node.entries;
    const entries = new Map<string, Entry>();
    const { indent } = node;
    /** Whether dash lines at this indentation are the value of the key above (a sequence not indented under it). */
    let inSequence = false;
    for (let i = node.from; i < this.lines.length; i++) {
      const line = i === node.from ? node.first : this.lines[i]!;
      if (line.indent < indent) break;
      if (line.indent > indent) continue;
      const content = this.content(line);
      const m = KEY_LINE.exec(content);
      if (!m) {
        if (content === "-" || !content.startsWith("- ") || !inSequence) unsupported();
        continue;
      }
      inSequence = false;
      const key = m[1]!;
      if (entries.has(key)) unsupported();
      const keyAt = line.at + line.indent;
      const raw = m[2];
      const rest = raw === undefined || raw.startsWith("#") ? "" : raw;
      let value: () => PathNode;
      if (rest !== "") {
        const inline = this.inline(rest, keyAt + content.length - raw!.length, indent, i);
        value = () => inline;
      } else {
        const next = this.lines[i + 1];
        const at = i + 1;
        if (next && next.indent > indent) value = once(() => this.block(at));
        else if (next && next.indent === indent && isDashLine(this.content(next))) {
          inSequence = true;
          value = once((): PathNode => ({ kind: "seq", start: next.at + next.indent, indent, from: at, underKey: true }));
        } else return unsupported(); // an empty value: a null whose position the walk does not model
      }
      entries.set(key, { key: keyAt, value });
    }
    node.entries = entries;
    return entries;
  }

  /** A sequence's items: its dash lines, up to a line less indented or a key at its indentation. */
  items(node: Extract<PathNode, { kind: "seq" }>): Entry[] {
    if (node.items) return node.items;
    const items: Entry[] = [];
    const { indent } = node;
    for (let i = node.from; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (line.indent < indent) break;
      if (line.indent > indent) continue;
      const content = this.content(line);
      if (content === "-") unsupported();
      if (!content.startsWith("- ")) {
        if (node.underKey) break; // the next key of the mapping this sequence is a value of
        unsupported();
      }
      const after = content.slice(2);
      const rest = after.trimStart();
      const col = indent + 2 + (after.length - rest.length);
      if (rest === "" || rest.startsWith("#") || rest.startsWith("-")) unsupported();
      if (KEY_LINE.test(rest)) {
        // `- key: value`: a mapping whose keys stand at the item's column, this line's rest its first.
        const first: Line = { at: line.at, indent: col, first: line.first, end: line.end, content: rest };
        const from = i;
        items.push({ key: line.at + col, value: once(() => this.block(from, first)) });
      } else {
        const inline = this.inline(rest, line.at + col, indent, i);
        items.push({ key: inline.start, value: () => inline });
      }
    }
    node.items = items;
    return items;
  }
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * A locator for `text`: undefined when the text is not of the simple form the walk knows; otherwise a
 * function that answers undefined for a pointer whose way goes through a level it does not model.
 */
export function lineLocator(text: string): LineLocate | undefined {
  if (text.includes("\r") || text.includes("\t")) return undefined;
  let walker: Walker;
  let root: PathNode;
  let lineStarts: number[];
  try {
    const { lines, starts } = scanLines(text);
    lineStarts = starts;
    walker = new Walker(text, lines);
    root = walker.root();
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
    try {
      for (const segment of pointerSegments(pointer)) {
        let entry: Entry | undefined;
        if (node.kind === "map") entry = walker.entries(node).get(segment);
        else if (node.kind !== "scalar" && /^\d+$/.test(segment)) entry = (node.kind === "seq" ? walker.items(node) : node.items)[Number(segment)];
        if (!entry) break;
        keyAt = entry.key;
        node = entry.value();
      }
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
    return position(options?.key && keyAt !== undefined ? keyAt : node.start);
  };
}
