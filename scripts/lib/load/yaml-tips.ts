/**
 * Plain words for the YAML mistakes contributors make, read off the lines around a parser error: the
 * parser's own message names its state ("Nested mappings are not allowed in compact mappings"), often
 * on the line above the mistake. Each diagnosis says what is wrong, how to fix it, and where: the line
 * to change. Undefined when the lines do not show one of these mistakes (the parser's message stands).
 */
export interface YamlTip {
  /** 1-based line and column of the mistake. */
  line: number;
  col: number;
  message: string;
  tip: string;
}

/** A `key: value` or `key:` line, possibly a list item: indentation, the `- ` part, key, and value. */
const KEY_LINE = /^( *)((?:- +)*)([^\s#'"{[\]}:,-][^:#]*?|'[^']*'|"[^"]*"):(?:( +)(.*))?$/;
/** `key:value`: a key glued to its value. */
const GLUED = /^( *)((?:- +)*)([A-Za-z_][\w-]*):(\S.*)$/;

const indentOf = (line: string): number => /^ */.exec(line)![0].length;
const isBlank = (line: string): boolean => /^\s*(?:#.*)?$/.test(line);

/** Quotes a value for YAML in single quotes (a quote inside is doubled). */
const singleQuoted = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** Where keys of the mapping that `line` (a key line) belongs to start: after the indentation and any `- `. */
function keyColumn(line: string): number | undefined {
  const m = KEY_LINE.exec(line);
  return m ? m[1]!.length + m[2]!.length : undefined;
}

export function yamlTip(lines: readonly string[], errorLine: number, parserCode: string, parserMessage: string): YamlTip | undefined {
  const here = lines[errorLine - 1] ?? "";
  const nextIndex = lines.findIndex((l, i) => i >= errorLine && !isBlank(l));
  const next = nextIndex === -1 ? undefined : lines[nextIndex]!;
  let prevIndex = errorLine - 2;
  while (prevIndex >= 0 && isBlank(lines[prevIndex]!)) prevIndex--;
  const prev = prevIndex >= 0 ? lines[prevIndex] : undefined;

  // `kind:state`: a key glued to its value reads as one word, not as a key.
  const glued = GLUED.exec(here);
  if (glued && !/^\/\//.test(glued[4]!) && /MULTILINE_IMPLICIT_KEY|MISSING_CHAR|BLOCK_AS_IMPLICIT_KEY/.test(parserCode)) {
    return { line: errorLine, col: glued[1]!.length + glued[2]!.length + glued[3]!.length + 1, message: `\`${glued[3]}:${glued[4]}\` has no space after the colon, so YAML does not read \`${glued[3]}\` as a key`, tip: `put a space after the colon: \`${glued[3]}: ${glued[4]}\`` };
  }

  // A `- item` where the mapping it sits in expects `key: value` lines.
  const item = /^( *)- /.exec(here);
  if (item && prev !== undefined && !/^ *- /.test(prev) && indentOf(prev) <= item[1]!.length && KEY_LINE.exec(prev)?.[5]?.trim() && /BLOCK_AS_IMPLICIT_KEY|MULTILINE_IMPLICIT_KEY|UNEXPECTED_TOKEN|MISSING_CHAR/.test(parserCode)) {
    return { line: errorLine, col: item[1]!.length + 1, message: "a list item (`- `) where the mapping around it expects `key: value` lines", tip: "remove the `- `, or start the list on its own key (`key:` followed by indented `- ` items)" };
  }

  if (parserCode === "BLOCK_AS_IMPLICIT_KEY" && /^Nested mappings/.test(parserMessage)) {
    const m = KEY_LINE.exec(here);
    // The next line is indented deeper than the keys of this mapping, though this key already has a value:
    // the mistake is the next line's indentation, not this line.
    if (m && m[5] && next !== undefined && nextIndex === errorLine && keyColumn(next) !== undefined) {
      const expected = m[1]!.length + m[2]!.length;
      const got = keyColumn(next)!;
      if (got > expected) {
        const key = KEY_LINE.exec(next)![3];
        return { line: nextIndex + 1, col: 1, message: `\`${key}\` is indented ${got} space${got === 1 ? "" : "s"}, ${got - expected} more than \`${m[3]}\` on the line above, so YAML reads it as part of that value`, tip: `indent \`${key}\` by ${expected} space${expected === 1 ? "" : "s"}, like \`${m[3]}\`` };
      }
    }
    // `reason: China said: no`: a colon and a space inside a value start another key.
    if (m && m[5] && /: /.test(m[5])) {
      const valueCol = m[1]!.length + m[2]!.length + m[3]!.length + 1 + m[4]!.length + 1;
      return { line: errorLine, col: valueCol, message: `the value of \`${m[3]}\` contains \`: \` (a colon and a space), which YAML reads as the start of another key`, tip: `quote the whole value: ${m[1]}${m[2]}${m[3]}: ${singleQuoted(m[5].replace(/\s+#.*$/, ""))}` };
    }
  }

  // A key indented less than the keys of the list item above it.
  if (parserCode === "MISSING_CHAR" && /without - indicator/.test(parserMessage) && prev !== undefined) {
    const got = keyColumn(here);
    const expected = keyColumn(prev);
    if (got !== undefined && expected !== undefined && got < expected) {
      const key = KEY_LINE.exec(here)![3];
      return { line: errorLine, col: 1, message: `\`${key}\` is indented ${got} space${got === 1 ? "" : "s"}, ${expected - got} fewer than the keys of the list item above (${expected})`, tip: `indent \`${key}\` by ${expected} spaces, like the keys above it` };
    }
  }
  return undefined;
}
