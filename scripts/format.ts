/**
 * `npm run format` rewrites record files into canonical form (see lib/format/format-record.ts).
 * `--check` only lists the files that differ and exits 1 if any do. A file the validator cannot read
 * as a record (encoding, limits, YAML) is never rewritten: it is reported at its line and column and
 * left byte for byte as it was. Only regular files inside data/ are written, never through a link.
 */
import fs from "node:fs";
import { parseCommandLine, runCommand, UsageError } from "./lib/cli.ts";
import { discover, type RecordFile } from "./lib/load/discover.ts";
import { readRecordFile } from "./lib/load/read-file.ts";
import { parseRecordText } from "./lib/load/load-record.ts";
import { formatRecord } from "./lib/format/format-record.ts";
import { readSchemas } from "./lib/schemas.ts";
import { selectRecords } from "./lib/load/select.ts";
import { writeRecordFile } from "./lib/record-write.ts";
import type { Diagnostic } from "./lib/diagnostics.ts";
import { visible } from "./lib/report/visible.ts";

const HELP = `Usage: npm run format -- [--check] [files or folders…]

Rewrites records under data/ into canonical form: keys in schema order, one quoting style, comments kept.
Files the validator cannot read (encoding, size, YAML errors) are reported and left as they are.
Paths are relative to the folder you run the command from.

Options:
  --check     change nothing; list the files that are not in canonical form
  -h, --help  show this help

Exit status: 0 done (or all formatted), 1 files to format or files that cannot be read, 2 usage error.`;

const located = (d: Diagnostic): string => `${visible(d.file)}:${d.line}:${d.col}  ${d.code}  ${visible(d.message)}; not formatted (run npm run validate)`;

async function main(argv: string[]): Promise<number> {
  const cli = parseCommandLine(argv, { options: { check: { type: "boolean" } }, help: HELP, positionals: [0, Infinity] });
  if (!cli) return 0;
  const check = cli.values.check === true;
  const root = process.cwd();
  const schemas = readSchemas();
  const found = await discover(root);
  // A data/ that is a link is not followed: say so rather than format nothing and report success.
  const dataRoot = found.diagnostics.find((d) => d.file === "data");
  if (dataRoot) {
    console.error(`${dataRoot.file}:${dataRoot.line}:${dataRoot.col}  ${dataRoot.code}  ${dataRoot.message}`);
    return 1;
  }
  const targets: RecordFile[] = cli.positionals.length > 0 ? selectRecords(root, found, cli.positionals) : found.records;
  let differing = 0;
  let unreadable = 0;
  // Entries that are not records (odd names, unreadable folders) get their verdict here too: the
  // formatter never passes over a file in silence.
  if (cli.positionals.length === 0) {
    for (const d of found.diagnostics) {
      console.error(located(d));
      unreadable++;
    }
  }
  for (const rf of targets) {
    // Read exactly as the validator reads: a file it cannot read as a record is never rewritten.
    const read = readRecordFile(rf.file, rf.abs);
    const parsed = read.ok ? parseRecordText(rf.file, read.text) : undefined;
    const problem = !read.ok ? read.diagnostic : parsed && !parsed.ok ? parsed.diagnostics[0] : undefined;
    const formatted = read.ok && !problem ? formatRecord(read.text, rf.type, schemas) : undefined;
    if (problem || formatted === undefined) {
      console.error(problem ? located(problem) : `${visible(rf.file)}: not formatted: the validator would not read the formatted text as the same data, so the file is left as it is`);
      unreadable++;
      continue;
    }
    if (Buffer.from(formatted).equals(fs.readFileSync(rf.abs))) continue;
    differing++;
    if (check) console.log(`${visible(rf.file)}: not in canonical form`);
    else {
      try {
        writeRecordFile(root, rf.file, formatted);
      } catch (error) {
        throw new UsageError(`${rf.file}: not written: ${error instanceof Error ? error.message : String(error)}`);
      }
      console.log(`formatted ${visible(rf.file)}`);
    }
  }
  const unreadableNote = unreadable > 0 ? `; ${unreadable} file${unreadable === 1 ? "" : "s"} could not be read and ${unreadable === 1 ? "was" : "were"} left as ${unreadable === 1 ? "it was" : "they were"}` : "";
  if (check) {
    console.log(differing === 0 ? (unreadable === 0 ? `all ${targets.length} records are formatted` : `the ${targets.length - unreadable} readable records are formatted${unreadableNote}`) : `${differing} file${differing === 1 ? "" : "s"} to format: run npm run format${unreadableNote}`);
    return differing > 0 || unreadable > 0 ? 1 : 0;
  }
  if (unreadable > 0) console.error(`format: ${unreadableNote.slice(2)}`);
  return unreadable > 0 ? 1 : 0;
}

runCommand("format", () => main(process.argv.slice(2)));
