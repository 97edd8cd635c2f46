/**
 * `npm run new -- <type> <id> [--dry-run]` writes a new record skeleton to data/<folder>/<id>.yaml with
 * the required fields and the editor line; it never overwrites a file.
 * `npm run new -- edition <forum-id> <edition-id> [--dry-run]` adds an edition to a forum file instead.
 */
import fs from "node:fs";
import path from "node:path";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "./lib/record-types.ts";
import { isValidId, readSchemas } from "./lib/schemas.ts";
import { skeleton, skeletonHelp } from "./lib/scaffold/skeleton.ts";
import { newEdition } from "./lib/scaffold/new-edition.ts";
import { parseCommandLine, runCommand, UsageError } from "./lib/cli.ts";
import { UnsafeRecordPath, writeRecordFile } from "./lib/record-write.ts";
import { describeIoError } from "./lib/load/read-file.ts";

const USAGE = `Usage: npm run new -- <type> <id> [--dry-run]
       npm run new -- edition <forum-id> <edition-id> [--dry-run]
  type: ${RECORD_TYPE_NAMES.join(", ")}
  id:   lowercase letters and digits joined by single hyphens, e.g. austin-dong-jun-2024-05-31
  edition: adds an edition to data/forums/<forum-id>.yaml in date order, e.g. edition admm-plus admm-plus-2024`;

function main(argv: string[]): number {
  const cli = parseCommandLine(argv, { options: { "dry-run": { type: "boolean" } }, help: USAGE, positionals: [0, 3] });
  if (!cli) return 0;
  const dryRun = cli.values["dry-run"] === true;
  const [type, id, ...rest] = cli.positionals;
  if (type === "edition") {
    if (!id || rest.length !== 1) throw new UsageError("expected a forum id and an edition id (run with --help for usage)");
    const schemas = readSchemas();
    if (!isValidId(rest[0]!, schemas)) throw new UsageError(`\`${rest[0]}\` is not a valid id: use 2 to 100 lowercase letters and digits, in words joined by single hyphens`);
    const result = newEdition(process.cwd(), id, rest[0]!, dryRun, schemas);
    if (result.error) throw new UsageError(result.error);
    console.log(result.out);
    return result.code;
  }
  if (!type || !id || rest.length > 0) throw new UsageError("expected a type and an id (run with --help for usage)");
  if (!RECORD_TYPE_NAMES.includes(type as RecordType)) throw new UsageError(`unknown type \`${type}\`; use one of: ${RECORD_TYPE_NAMES.join(", ")}`);
  const schemas = readSchemas();
  if (!isValidId(id, schemas)) throw new UsageError(`\`${id}\` is not a valid id: use 2 to 100 lowercase letters and digits, in words joined by single hyphens`);
  const rel = `data/${RECORD_TYPES[type as RecordType].folder}/${id}.yaml`;
  const root = process.cwd();
  const text = skeleton(type as RecordType, id, schemas);
  if (fs.existsSync(path.join(root, rel))) throw new UsageError(`${rel} already exists; edit it instead (nothing was written)`);
  if (dryRun) {
    console.log(`would write ${rel}:\n\n${text}`);
    return 0;
  }
  try {
    // Only a new, regular file in the real data/ folder: never through a link, never over a file.
    writeRecordFile(root, rel, text, { create: true });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = error instanceof UnsafeRecordPath ? e.message : e.code === "EEXIST" ? "it appeared meanwhile" : describeIoError(error);
    throw new UsageError(`could not write ${rel}: ${why} (nothing was written)`);
  }
  console.log(`wrote ${rel}

What goes in each field (schemas/README.md has every field and rule):
${skeletonHelp(type as RecordType, schemas).map((l) => `  ${l}`).join("\n")}

Next:
  1. fill in every '' in ${rel} (see CONTRIBUTING.md for sources and dates)
  2. npm run validate -- ${rel}
  3. npm run format -- ${rel}
  4. commit and open a pull request`);
  return 0;
}

runCommand("new", () => main(process.argv.slice(2)));
