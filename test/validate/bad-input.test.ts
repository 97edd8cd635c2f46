/**
 * Hostile and malformed input: every class of bad file yields a located diagnostic (code, file, line,
 * column) and never a crash, a hang, a huge allocation or a polluted prototype. Files saved with a
 * byte-order mark or CRLF line endings are accepted.
 */
import "../loaded-machine.ts";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../scripts/lib/load/limits.ts";
import { parseRecordYaml } from "../../scripts/lib/load/parse-yaml.ts";
import { decodeRecordBytes, readRecordFile } from "../../scripts/lib/load/read-file.ts";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { BLUE_STATE, caseSensitiveFs, GREEN_STATE, isRoot, isWindows, lines, removeTrees, runCli, validateFiles, where, type Files } from "./helpers.ts";

afterAll(removeTrees);

const F = "data/actors/green-state.yaml";

/** Validates one record file (plus any others) and returns every diagnostic. */
async function diagnosticsFor(content: string | Buffer, others: Files = {}): Promise<Diagnostic[]> {
  return (await validateFiles({ [F]: content, ...others })).diagnostics;
}

const at = (code: string, line: number, col: number, file = F) => ({ file, line, col, severity: "error", code });

/** Asserts the exact located diagnostics (code, file, line, column, severity). */
function expectOnly(diagnostics: Diagnostic[], ...expected: Array<ReturnType<typeof at>>): void {
  expect(diagnostics.map(where)).toEqual(expected);
}

describe("YAML syntax", () => {
  it.each([
    ["an unclosed double quote (reported at the opening quote)", lines("id: green-state", "kind: state", 'name: "Green State', "country: GB"), 3, 7],
    ["an unclosed single quote", lines("id: green-state", "kind: state", "name: 'Green State", "country: GB"), 3, 7],
    ["a mapping value where none may start", lines("id: green-state", "name: Green: State"), 2, 7],
    ["an unclosed flow list", lines("id: green-state", "aliases: [Green", "kind: state"), 3, 1],
    ["a stray closing bracket", lines("id: green-state", "]"), 2, 1],
    ["a list item inside a mapping", lines("id: green-state", "kind: state", "- x"), 3, 1],
  ])("%s → YAML001", async (_name, text, line, col) => {
    expectOnly(await diagnosticsFor(text), at("YAML001", line, col));
  });

  it.each([
    ["at the top level", lines("id: green-state", "kind: state", "kind: person"), 3, 1, "kind"],
    ["in a nested mapping", lines("id: green-state", "sources:", "  - publisher: A", "    publisher: B"), 4, 5, "publisher"],
    ["in a flow mapping", lines("id: green-state", "name: {en: Green, en: Vert}"), 2, 19, "en"],
  ])("a duplicate key %s → YAML002", async (_name, text, line, col, key) => {
    const diagnostics = await diagnosticsFor(text);
    expectOnly(diagnostics, at("YAML002", line, col));
    expect(diagnostics[0]!.message).toContain(`\`${key}\``);
  });

  it("a tab used for indentation → YAML009", async () => {
    expectOnly(await diagnosticsFor(lines("id: green-state", "sources:", "\t- publisher: A")), at("YAML009", 3, 1));
  });

  it.each([
    ["after a --- marker", `${GREEN_STATE}---\n${GREEN_STATE}`, 9, 1],
    ["after a ... marker", lines("id: green-state", "...", "id: other"), 3, 1],
    ["three documents (only the second is reported)", lines("id: a", "---", "id: b", "---", "id: c"), 2, 1],
  ])("several documents %s → YAML003", async (_name, text, line, col) => {
    expectOnly(await diagnosticsFor(text), at("YAML003", line, col));
  });

  it("a list or mapping used as a key → SCH002 unknown field, and yaml prints no process warning", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on("warning", onWarning);
    try {
      const diagnostics = await diagnosticsFor(GREEN_STATE + lines("? [a, b]", ": x"));
      await new Promise((resolve) => setImmediate(resolve));
      expect(diagnostics.map((d) => [d.file, d.code, d.message])).toEqual([[F, "SCH002", "unknown field `[ a, b ]`"]]);
      expect(warnings).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("a leading --- marker and a closing ... are one document, accepted", async () => {
    expect(await diagnosticsFor(`---\n${GREEN_STATE}...\n`)).toEqual([]);
  });

  it.each([
    ["a list", lines("- id: green-state", "- kind: state"), 1, 1, "a list"],
    ["a scalar", lines("green-state"), 1, 1, "a single value"],
    ["a scalar after a comment", lines("# the record", "green-state"), 2, 1, "a single value"],
    ["an explicit null", lines("~"), 1, 1, "a single value"],
  ])("the top level is %s → YAML004", async (_name, text, line, col, what) => {
    const diagnostics = await diagnosticsFor(text);
    expectOnly(diagnostics, at("YAML004", line, col));
    expect(diagnostics[0]!.message).toContain(what);
  });

  it.each([
    ["an empty file", ""],
    ["a file of comments", lines("# id: green-state", "# kind: state")],
    ["a file of blank lines", "\n\n   \n"],
    ["a file with only a document marker", lines("---", "# nothing yet")],
    ["a file with only a byte-order mark", Buffer.from([0xef, 0xbb, 0xbf])],
  ])("%s → YAML005", async (_name, content) => {
    expectOnly(await diagnosticsFor(content), at("YAML005", 1, 1));
  });
});

describe("text encoding", () => {
  it.each([
    ["an invalid byte in a value", Buffer.concat([Buffer.from("id: green-state\nname: Gr"), Buffer.from([0xff]), Buffer.from("en\n")]), 2, 9, "0xff"],
    ["a truncated multi-byte sequence at the end", Buffer.concat([Buffer.from("id: green-state\nname: Gr"), Buffer.from([0xe2, 0x82])]), 2, 9, "0xe2"],
    ["an overlong encoding of /", Buffer.concat([Buffer.from("id: x"), Buffer.from([0xc0, 0xaf])]), 1, 6, "0xc0"],
    ["a UTF-16 file", Buffer.from("\ufeffid: green-state\n", "utf16le"), 1, 1, "0xff"],
    ["invalid bytes after a multi-byte character (column counts characters)", Buffer.concat([Buffer.from("name: Zürich "), Buffer.from([0xfe])]), 1, 14, "0xfe"],
  ])("%s → FILE005 at the byte", async (_name, bytes, line, col, shown) => {
    const diagnostics = await diagnosticsFor(bytes);
    expectOnly(diagnostics, at("FILE005", line, col));
    expect(diagnostics[0]!.message).toContain(shown);
  });

  const crlf = (s: string) => s.replace(/\n/g, "\r\n");
  const bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]);
  // A record with a block scalar and a multi-line quoted value, so that line-break handling is exercised.
  const VALID = GREEN_STATE + lines("summary: |", "  Green State is a test fixture.", "  It has two lines.", 'aliases:', '  - "The Green', '    State"');
  const BROKEN = VALID.replace("kind: state", "kind: stat");

  it.each([
    ["a byte-order mark", bom(VALID)],
    ["CRLF line endings", crlf(VALID)],
    ["a byte-order mark and CRLF line endings", bom(crlf(VALID))],
  ])("a valid record saved with %s validates clean", async (_name, content) => {
    expect(await diagnosticsFor(content)).toEqual([]);
  });

  it.each([
    ["LF", BROKEN],
    ["a byte-order mark", bom(BROKEN)],
    ["CRLF line endings", crlf(BROKEN)],
    ["a byte-order mark and CRLF line endings", bom(crlf(BROKEN))],
  ])("with %s, an error on line 2 is still at 2:7, and one on line 3 at 3:7", async (_name, content) => {
    expectOnly(await diagnosticsFor(content), at("SCH004", 2, 7));
    const third = Buffer.from(content).toString("utf8").replace("kind: stat", "kind: state").replace("name: Green State", 'name: "Green State');
    expectOnly(await diagnosticsFor(third.startsWith("\ufeff") ? bom(third.slice(1)) : third), at("YAML001", 3, 7));
  });

  it("a CRLF line of exactly the length limit is accepted, like the same LF line", async () => {
    const record = (eol: string) => GREEN_STATE.replace(/\n/g, eol) + `summary: ${"x".repeat(LIMITS.maxLineLength - "summary: ".length)}${eol}`;
    expect(await diagnosticsFor(record("\n"))).toEqual([]);
    expect(await diagnosticsFor(record("\r\n"))).toEqual([]);
  });

  it.each([
    ["NUL", "\u0000", "U+0000"],
    ["BEL", "\u0007", "U+0007"],
    ["ESC (terminal escape sequences)", "\u001b[31m", "U+001B"],
    ["DEL", "\u007f", "U+007F"],
    ["a C1 control (NEL)", "\u0085", "U+0085"],
    ["right-to-left override U+202E", "\u202e", "U+202E"],
    ["left-to-right embedding U+202A", "\u202a", "U+202A"],
    ["first strong isolate U+2068", "\u2068", "U+2068"],
  ])("%s in a value → FILE005 at the character", async (_name, char, shown) => {
    const diagnostics = await diagnosticsFor(GREEN_STATE.replace("name: Green State", `name: Green${char}State`));
    expectOnly(diagnostics, at("FILE005", 3, 12));
    expect(diagnostics[0]!.message).toContain(shown);
  });

  it("a bidi override in a comment is refused too (it can hide what a line says)", async () => {
    expectOnly(await diagnosticsFor(GREEN_STATE + lines("# note \u202e")), at("FILE005", 9, 8));
  });

  it("tabs inside values are allowed", async () => {
    expect(await diagnosticsFor(GREEN_STATE + lines("summary: Green\tState"))).toEqual([]);
  });
});

describe("tags", () => {
  it.each([
    ["!!js/function", lines("id: green-state", "name: !!js/function 'function () { return 1 }'"), 2, 7],
    ["!!python/object", lines("id: green-state", "name: !!python/object:os.system ls"), 2, 7],
    ["!!python/object/apply", lines("id: green-state", "name: !!python/object/apply:os.system [ls]"), 2, 7],
    ["!custom", lines("id: green-state", "kind: !custom state"), 2, 7],
    ["!!str (a known tag is still not allowed)", lines("id: green-state", "name: !!str Green"), 2, 7],
    ["!!seq on a block list (reported at the tag, not on the next line)", lines("id: green-state", "sources: !!seq", "  - publisher: A"), 2, 10],
    ["!!map on the top level", lines("!!map", "id: green-state"), 1, 1],
    ["a verbatim tag", lines("id: green-state", "name: !<tag:yaml.org,2002:str> Green"), 2, 7],
  ])("%s → YAML006 at the tag", async (_name, text, line, col) => {
    expectOnly(await diagnosticsFor(text), at("YAML006", line, col));
  });
});

describe("anchors, aliases and merge keys", () => {
  it.each([
    ["an anchor on a value", lines("id: green-state", "name: &n Green State"), [[2, 7]]],
    ["an anchor on a block mapping (reported on its own line)", lines("id: green-state", "sources:", "  - &src", "    publisher: A"), [[3, 5]]],
    ["an anchor and an alias", lines("id: green-state", "name: &n Green", "aliases:", "  - *n"), [[2, 7], [4, 5]]],
    ["an alias used as a key", lines("id: &i green-state", "*i : b"), [[1, 5], [2, 1]]],
    ["a merge key", lines("id: green-state", "sources:", "  - <<: {publisher: A}", "    url: https://example.org/"), [[3, 5]]],
    ["a merge key in a flow mapping", lines("id: green-state", "source: {<<: {a: 1}}"), [[2, 10]]],
  ])("%s → YAML007", async (_name, text, positions) => {
    expectOnly(await diagnosticsFor(text), ...positions.map(([l, c]) => at("YAML007", l!, c!)));
  });

  it("a billion-laughs alias bomb (9 levels) is refused quickly, without expanding", async () => {
    const levels = "abcdefghi".split("");
    const bomb = lines(
      `${levels[0]}: &${levels[0]} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`,
      ...levels.slice(1).map((l, i) => `${l}: &${l} [${Array(9).fill(`*${levels[i]}`).join(",")}]`),
    );
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const diagnostics = await diagnosticsFor(bomb);
    const elapsed = performance.now() - started;
    const grown = process.memoryUsage().heapUsed - heapBefore;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.code === "YAML007")).toBe(true);
    // The first problem in the file is the first one reported: the anchor &a.
    expect(where(diagnostics[0]!)).toEqual(at("YAML007", 1, 4));
    expect(diagnostics.length).toBeLessThanOrEqual(50);
    expect(elapsed).toBeLessThan(2_000);
    // Expanded, the bomb holds 9^9 (387 million) strings; refused, it costs next to nothing.
    expect(grown).toBeLessThan(100 * 1024 * 1024);
  });
});

describe("prototype pollution", () => {
  const polluted = () => ({}) as Record<string, unknown>;

  it.each([
    ["__proto__ at the top level", GREEN_STATE + lines("__proto__:", "  polluted: yes"), 9, 1, "__proto__"],
    ["constructor.prototype at the top level", GREEN_STATE + lines("constructor:", "  prototype:", "    polluted: yes"), 9, 1, "constructor"],
    ["__proto__ in a flow mapping inside a source", GREEN_STATE + lines("  - {publisher: B, url: 'https://example.org/b', published: 2021-01-01, __proto__: {polluted: yes}}"), 9, 73, "__proto__"],
    ["__proto__ in a nested block mapping", GREEN_STATE.replace("  - publisher: Example Gazette", "  - publisher: Example Gazette\n    __proto__:\n      polluted: yes"), 7, 5, "__proto__"],
  ])("%s → SCH002 unknown field, and Object.prototype untouched", async (_name, text, line, col, key) => {
    const diagnostics = await diagnosticsFor(text);
    expectOnly(diagnostics, at("SCH002", line, col));
    expect(diagnostics[0]!.message).toContain(`unknown field \`${key}\``);
    expect(polluted().polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as { constructor: unknown }).constructor).toBe(Object);
  });

  it("the parsed data holds __proto__ as an own key and keeps the ordinary prototype", () => {
    const result = parseRecordYaml(F, lines("id: x", "__proto__:", "  polluted: yes"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.parsed.data)).toBe(Object.prototype);
    expect(Object.hasOwn(result.parsed.data, "__proto__")).toBe(true);
    expect((result.parsed.data as { polluted?: unknown }).polluted).toBeUndefined();
    expect(polluted().polluted).toBeUndefined();
  });
});

describe("nesting", () => {
  it("50 levels of block mappings → YAML008 at the first mapping past the limit", async () => {
    const text = lines(...Array.from({ length: 50 }, (_, i) => `${"  ".repeat(i)}k${i}:`), `${"  ".repeat(50)}v`);
    // The root mapping is level 1; the mapping holding key k32 (line 33, column 65) is level 33.
    expectOnly(await diagnosticsFor(text), at("YAML008", LIMITS.maxDepth + 1, 2 * LIMITS.maxDepth + 1));
  });

  it("50 levels of flow lists → YAML008 at the bracket past the limit", async () => {
    expectOnly(await diagnosticsFor(lines("id: green-state", `aliases: ${"[".repeat(50)}${"]".repeat(50)}`)), at("YAML008", 2, 10 + LIMITS.maxDepth));
  });

  it("nesting just within the limit is not refused as too deep", async () => {
    const diagnostics = await diagnosticsFor(lines("id: green-state", `aliases: ${"[".repeat(LIMITS.maxDepth - 1)}${"]".repeat(LIMITS.maxDepth - 1)}`));
    expect(diagnostics.some((d) => d.code === "YAML008")).toBe(false);
    expect(diagnostics.length).toBeGreaterThan(0); // still not a valid record
  });

  it("100,000 levels of [ in a file (one per line, under the size limit) → YAML008, no crash", async () => {
    const started = performance.now();
    expectOnly(await diagnosticsFor(`aliases:\n${"[\n".repeat(100_000)}`), at("YAML008", 2 + LIMITS.maxDepth, 1));
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("100,000 levels of [ on one line, given straight to the parser → YAML008, no crash", () => {
    const result = parseRecordYaml(F, "[".repeat(100_000));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map(where)).toEqual([at("YAML008", 1, LIMITS.maxDepth + 1)]);
  });

  it.each([
    ["compact block lists (- - - …)", `${"- ".repeat(4_990)}x`],
    ["compact block lists given to the parser without the line limit", `${"- ".repeat(100_000)}x`],
    ["flow lists hidden from the pre-scan behind an unbalanced quote", `note: 5" tall\nx: ${"[".repeat(50_000)}`],
  ])("%s → YAML008 with a position, no crash", (_name, text) => {
    const result = parseRecordYaml(F, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ file: F, code: "YAML008", severity: "error" });
    expect(result.diagnostics[0]!.line).toBeGreaterThanOrEqual(1);
    expect(result.diagnostics[0]!.col).toBeGreaterThanOrEqual(1);
  });
});

describe("limits", () => {
  const ofSize = (bytes: number): string => {
    const head = `${GREEN_STATE}summary: |\n`;
    let body = "";
    while (head.length + body.length + 100 <= bytes) body += `  ${"x".repeat(97)}\n`;
    const rest = bytes - head.length - body.length;
    return head + body + (rest > 0 ? `  ${"y".repeat(Math.max(0, rest - 3))}\n`.slice(0, rest) : "");
  };

  it("a file of exactly the size limit is read; one byte more → FILE004", async () => {
    const exact = ofSize(LIMITS.maxFileBytes);
    expect(Buffer.byteLength(exact)).toBe(LIMITS.maxFileBytes);
    // Longer than the schema allows for a summary, but not refused as too big.
    expect((await diagnosticsFor(exact)).map((d) => d.code)).not.toContain("FILE004");
    const over = `${exact}\n`;
    const diagnostics = await diagnosticsFor(over);
    expectOnly(diagnostics, at("FILE004", 1, 1));
    expect(diagnostics[0]!.message).toContain(`${LIMITS.maxFileBytes + 1} bytes`);
  });

  it("a line of exactly the limit is accepted; one character more → FILE008 at the first character past it", async () => {
    const line = (n: number) => `summary: ${"x".repeat(n - "summary: ".length)}`;
    expect(await diagnosticsFor(GREEN_STATE + lines(line(LIMITS.maxLineLength)))).toEqual([]);
    expectOnly(await diagnosticsFor(GREEN_STATE + lines(line(LIMITS.maxLineLength + 1))), at("FILE008", 9, LIMITS.maxLineLength + 1));
  });

  it("a file that is one line: of the limit, accepted; one character more → FILE008 (the whole text only just over the limit)", () => {
    const one = (n: number) => decodeRecordBytes(F, new TextEncoder().encode(`summary: ${"x".repeat(n - "summary: ".length)}`));
    expect(one(LIMITS.maxLineLength).ok).toBe(true);
    const over = one(LIMITS.maxLineLength + 1);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(where(over.diagnostic)).toEqual(at("FILE008", 1, LIMITS.maxLineLength + 1));
  });

  it("decodeRecordBytes enforces the size limit on its own", () => {
    const result = decodeRecordBytes(F, new Uint8Array(LIMITS.maxFileBytes + 1));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(where(result.diagnostic)).toEqual(at("FILE004", 1, 1));
  });
});

describe("files that are not records", () => {
  it.each([
    [".yml", "data/actors/green-state.yml"],
    [".json", "data/actors/green-state.json"],
    [".txt", "data/meetings/notes.txt"],
    ["upper-case .YAML", "data/actors/green-state.YAML"],
    ["no extension", "data/forums/README"],
    ["a dot file", "data/sanctions/.gitkeep"],
  ])("a %s file in a record folder → FILE001", async (_name, file) => {
    const { diagnostics } = await validateFiles({ [file]: GREEN_STATE });
    expectOnly(diagnostics, at("FILE001", 1, 1, file));
  });

  it("a .yml file gets a tip to rename it", async () => {
    const { diagnostics } = await validateFiles({ "data/actors/green-state.yml": GREEN_STATE });
    expect(diagnostics[0]!.tip).toBe("rename it to green-state.yaml");
  });

  it.each([
    ["an unknown folder", "data/people/green-state.yaml"],
    ["a folder nested in a record folder", "data/actors/europe/green-state.yaml"],
    ["directly in data/", "data/green-state.yaml"],
    ["deeply nested", "data/a/b/c/d/green-state.yaml"],
  ])("a record in %s → FILE002", async (_name, file) => {
    const { diagnostics } = await validateFiles({ [file]: GREEN_STATE });
    expectOnly(diagnostics, at("FILE002", 1, 1, file));
  });

  describe.skipIf(isWindows)("symbolic links", () => {
    const SECRET = "TOP-SECRET-CONTENT-7f3a";
    // Broken on purpose: if the validator followed a link, it would report this file with a code frame.
    const SECRET_FILE = lines("id: green-state", `name: ${SECRET}`, "kind: [broken");

    it.each([
      ["a link to a file outside the dataset", F, (root: string) => fs.symlinkSync(path.join(root, "outside/secret.yaml"), path.join(root, F))],
      ["a link to a folder outside the dataset", "data/actors/linked", (root: string) => fs.symlinkSync(path.join(root, "outside"), path.join(root, "data/actors/linked"))],
      ["a link replacing a whole record folder", "data/actors", (root: string) => fs.symlinkSync(path.join(root, "outside"), path.join(root, "data/actors"))],
    ])("%s → FILE003 at the link, and the target is never read or shown", async (_name, linkFile, link) => {
      const { diagnostics, root } = await validateFiles({ "outside/secret.yaml": SECRET_FILE }, (r) => {
        fs.mkdirSync(path.join(r, "data"), { recursive: true });
        if (linkFile !== "data/actors") fs.mkdirSync(path.join(r, "data/actors"), { recursive: true });
        link(r);
      });
      expectOnly(diagnostics, at("FILE003", 1, 1, linkFile));
      expect(diagnostics[0]!.message).toBe("symbolic links are not followed");
      // The JSON and GitHub reports are the diagnostics above; the human one also prints code frames.
      expect(JSON.stringify(diagnostics)).not.toContain(SECRET);
      const cli = await runCli(root, []);
      expect(cli.status).toBe(1);
      expect(cli.stdout).toContain(`${linkFile}:1:1  error    FILE003`);
      expect(cli.stdout + cli.stderr).not.toContain(SECRET);
    }, 30_000);

    it("a link to a valid record inside data/ → FILE003 for the link only", async () => {
      const { diagnostics } = await validateFiles({ "data/actors/blue-state.yaml": BLUE_STATE }, (root) => fs.symlinkSync("blue-state.yaml", path.join(root, F)));
      expectOnly(diagnostics, at("FILE003", 1, 1));
    });
  });

  it.skipIf(!caseSensitiveFs())("two names differing only in case → FILE007", async () => {
    const { diagnostics } = await validateFiles({ "data/actors/Green-State.yaml": GREEN_STATE, [F]: GREEN_STATE });
    const clash = diagnostics.filter((d) => d.code === "FILE007");
    expect(clash.map(where)).toEqual([at("FILE007", 1, 1)]);
    expect(clash[0]!.message).toContain("data/actors/Green-State.yaml");
  });

  // chmod 000 does not stop root from reading, so this case cannot be produced when the tests run as root.
  it.skipIf(isRoot || isWindows)("an unreadable file (chmod 000) → FILE006", async () => {
    const { diagnostics } = await validateFiles({ [F]: GREEN_STATE }, (root) => fs.chmodSync(path.join(root, F), 0o000));
    expectOnly(diagnostics, at("FILE006", 1, 1));
    expect(diagnostics[0]!.message).toContain("permission denied");
  });

  it.skipIf(isWindows)("a FIFO in a record folder → FILE006 (not a regular file), without blocking on it", async () => {
    const { diagnostics } = await validateFiles({}, (root) => {
      fs.mkdirSync(path.join(root, "data/actors"), { recursive: true });
      execFileSync("mkfifo", [path.join(root, F)]);
    });
    expectOnly(diagnostics, at("FILE006", 1, 1));
  });

  it("a file that vanished before it was read → FILE006 in plain words", () => {
    const result = readRecordFile(F, path.join(path.sep, "nonexistent-sidelines", "green-state.yaml"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(where(result.diagnostic)).toEqual(at("FILE006", 1, 1));
    expect(result.diagnostic.message).toBe("could not be read: the file no longer exists (deleted while the check ran?)");
  });
});
