/**
 * One wide record: a single actor file of about `bytes` bytes made of very many short keys and list
 * items (unknown top-level keys, a flow mapping, aliases, `unverified` paths, predecessors). Each part
 * once cost time quadratic in its length (yaml's duplicate-key scan, locating keys, ajv's pairwise
 * `uniqueItems`); the hostile tests and the benchmark use it to show the cost is linear.
 */
export interface WideRecord {
  text: string;
  /** How many items each part holds. */
  counts: { topKeys: number; flowKeys: number; aliases: number; unverified: number; predecessors: number };
}

export function wideRecord(bytes: number): WideRecord {
  const head = ["id: wide", "kind: state", "name: Wide", "country: US", "sources:", "  - publisher: Example Gazette", "    url: https://example.org/wide"];
  const share = Math.floor(bytes / 5);
  const part = (first: string | undefined, item: (i: number) => string, last?: string): { lines: string[]; n: number } => {
    const lines = first === undefined ? [] : [first];
    let size = 0;
    let n = 0;
    while (size < share) {
      const line = item(n++);
      lines.push(line);
      size += line.length + 1;
    }
    if (last !== undefined) lines.push(last);
    return { lines, n };
  };
  const id = (i: number): string => i.toString(36);
  const top = part(undefined, (i) => `x${id(i)}: 1`);
  const flow = part("identifiers: {", (i) => `  f${id(i)}: 1,`, "  }");
  const aliases = part("aliases:", (i) => `  - a${id(i)}`);
  const unverified = part("unverified:", (i) => `  - u${id(i)}`);
  const predecessors = part("predecessors:", (i) => `  - p${id(i)}`);
  const text = `${[...head, ...top.lines, ...flow.lines, ...aliases.lines, ...unverified.lines, ...predecessors.lines].join("\n")}\n`;
  return { text, counts: { topKeys: top.n, flowKeys: flow.n, aliases: aliases.n, unverified: unverified.n, predecessors: predecessors.n } };
}
