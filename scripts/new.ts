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

const USAGE = `Usage: npm run new -- <type> <id> [--dry-run]
       npm run new -- edition <forum-id> <edition-id> [--dry-run]
  type: ${RECORD_TYPE_NAMES.join(", ")}
  id:   lowercase letters and digits joined by single hyphens, e.g. austin-dong-jun-2024-05-31
  edition: adds an edition to data/forums/<forum-id>.yaml in date order, e.g. edition admm-plus admm-plus-2024`;

function main(argv: string[]): number {
  const dryRun = argv.includes("--dry-run");
  const [type, id, ...rest] = argv.filter((a) => a !== "--dry-run");
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  if (type === "edition") {
    if (!id || rest.length !== 1) return fail("expected a forum id and an edition id");
    const schemas = readSchemas();
    if (!isValidId(rest[0]!, schemas)) return fail(`\`${rest[0]}\` is not a valid id: use 2 to 100 lowercase letters and digits, in words joined by single hyphens`);
    const result = newEdition(process.cwd(), id, rest[0]!, dryRun, schemas);
    if (result.error) return fail(result.error);
    console.log(result.out);
    return result.code;
  }
  if (!type || !id || rest.length > 0) return fail(`expected a type and an id`);
  if (!RECORD_TYPE_NAMES.includes(type as RecordType)) return fail(`unknown type \`${type}\`; use one of: ${RECORD_TYPE_NAMES.join(", ")}`);
  const schemas = readSchemas();
  if (!isValidId(id, schemas)) return fail(`\`${id}\` is not a valid id: use 2 to 100 lowercase letters and digits, in words joined by single hyphens`);
  const rel = `data/${RECORD_TYPES[type as RecordType].folder}/${id}.yaml`;
  const abs = path.join(process.cwd(), rel);
  const text = skeleton(type as RecordType, id, schemas);
  if (fs.existsSync(abs)) return fail(`${rel} already exists; edit it instead (nothing was written)`);
  if (dryRun) {
    console.log(`would write ${rel}:\n\n${text}`);
    return 0;
  }
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  // "wx" fails if the file appeared meanwhile: never overwrite.
  fs.writeFileSync(abs, text, { flag: "wx" });
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

function fail(message: string): number {
  console.error(`new: ${message}\n\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
