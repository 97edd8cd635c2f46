/**
 * `npm run format` rewrites record files into canonical form (see lib/format/format-record.ts).
 * `--check` only lists the files that differ and exits 1 if any do. Files that do not parse are left
 * alone and listed: `npm run validate` says what is wrong with them.
 */
import fs from "node:fs";
import path from "node:path";
import { discover } from "./lib/load/discover.ts";
import { formatRecord } from "./lib/format/format-record.ts";
import { readSchemas } from "./lib/schemas.ts";

async function main(argv: string[]): Promise<number> {
  const check = argv.includes("--check");
  const root = process.cwd();
  const schemas = readSchemas();
  const { records } = await discover(root);
  const only = argv.filter((a) => !a.startsWith("--")).map((p) => path.relative(root, path.resolve(p)).split(path.sep).join("/"));
  let differing = 0;
  let unparsable = 0;
  for (const rf of records) {
    if (only.length > 0 && !only.includes(rf.file)) continue;
    const text = fs.readFileSync(rf.abs, "utf8");
    const formatted = formatRecord(text, rf.type, schemas);
    if (formatted === undefined) {
      console.error(`${rf.file}: not formatted, it does not parse (run npm run validate)`);
      unparsable++;
      continue;
    }
    if (formatted === text) continue;
    differing++;
    if (check) console.log(`${rf.file}: not in canonical form`);
    else {
      fs.writeFileSync(rf.abs, formatted);
      console.log(`formatted ${rf.file}`);
    }
  }
  if (check) {
    console.log(differing === 0 ? `all ${records.length} records are formatted` : `${differing} file${differing === 1 ? "" : "s"} to format: run npm run format`);
    return differing > 0 || unparsable > 0 ? 1 : 0;
  }
  return unparsable > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`format: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
