/**
 * `npm run new -- edition <forum-id> <edition-id> [--dry-run]`: adds an edition to data/forums/<forum-id>.yaml
 * (see edition.ts), after checking that no record, edition or tombstone already has the id. The forum
 * file is replaced in one step, and only if nobody changed it meanwhile.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../record-types.ts";
import type { JsonSchema } from "../schemas.ts";
import { RECORD_PARSE_OPTIONS } from "../format/format-record.ts";
import { addEdition, editionHelp } from "./edition.ts";
import { recordPath } from "../record-write.ts";
import { readRecordFile } from "../load/read-file.ts";

export interface CommandOutput {
  code: number;
  /** What goes to stdout on success, or the one-line reason to stderr on failure. */
  out?: string;
  error?: string;
}

/** Where an id is already used under `data/`: a record file, or an edition inside a forum file. */
function whereUsed(dataDir: string, id: string): string | undefined {
  for (const t of RECORD_TYPE_NAMES) {
    const rel = `data/${RECORD_TYPES[t].folder}/${id}.yaml`;
    if (fs.existsSync(path.join(dataDir, "..", rel))) return rel;
  }
  const forums = path.join(dataDir, RECORD_TYPES.forum.folder);
  for (const name of fs.existsSync(forums) ? fs.readdirSync(forums).filter((f) => f.endsWith(".yaml")).sort() : []) {
    let data: unknown;
    try {
      data = parse(fs.readFileSync(path.join(forums, name), "utf8"), RECORD_PARSE_OPTIONS);
    } catch {
      continue; // a forum that does not parse is the validator's to report
    }
    const editions = (data as { editions?: unknown } | null)?.editions;
    const i = Array.isArray(editions) ? editions.findIndex((e) => (e as { id?: unknown } | null)?.id === id) : -1;
    if (i !== -1) return `data/forums/${name} (editions/${i})`;
  }
  return undefined;
}

export function newEdition(root: string, forumId: string, editionId: string, dryRun: boolean, schemas: Map<string, JsonSchema>): CommandOutput {
  const rel = `data/${RECORD_TYPES.forum.folder}/${forumId}.yaml`;
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return { code: 2, error: `there is no forum \`${forumId}\` (${rel}); create it first with npm run new -- forum ${forumId}` };
  if (!editionId.startsWith(`${forumId}-`)) return { code: 2, error: `an edition id starts with its forum's id: \`${forumId}-<year>\`, such as \`${forumId}-2024\` (nothing was written)` };
  const used = whereUsed(path.join(root, "data"), editionId);
  if (used) return { code: 2, error: `\`${editionId}\` is already used by ${used}; edit it there instead (nothing was written)` };
  // Only a regular record file in the real data/ folder, read as the validator reads it: a file it
  // cannot read (encoding, limits) is reported, never rewritten.
  try {
    recordPath(root, rel);
  } catch (error) {
    return { code: 2, error: `cannot write ${rel}: ${(error as Error).message}; nothing was written` };
  }
  const read = readRecordFile(rel, abs);
  if (!read.ok) return { code: 2, error: `${rel}:${read.diagnostic.line}:${read.diagnostic.col}: ${read.diagnostic.message}; nothing was written (npm run validate -- ${rel})` };
  const before = fs.readFileSync(abs, "utf8");
  const result = addEdition(read.text, editionId, schemas);
  if (!result.ok) return { code: 2, error: `cannot add \`${editionId}\` to ${rel}: ${result.message}${result.message.includes("parse") ? ` (npm run validate -- ${rel} says where)` : ""}; nothing was written` };
  const added = `edition \`${editionId}\` in ${rel}, ${result.where}`;
  if (dryRun) return { code: 0, out: `would add ${added}; the file would read:\n\n${result.text}` };
  const tmp = path.join(path.dirname(abs), `.${forumId}.yaml.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, result.text, { flag: "wx" });
    if (fs.readFileSync(abs, "utf8") !== before) return { code: 2, error: `${rel} changed while the edition was being added; nothing was written, run the command again` };
    fs.renameSync(tmp, abs);
  } catch (error) {
    return { code: 2, error: `cannot write ${rel}: ${(error as Error).message}; nothing was written` };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return {
    code: 0,
    out: `added ${added}

What goes in each field of an edition (schemas/README.md has every field and rule):
${editionHelp(schemas)
  .map((l) => `  ${l}`)
  .join("\n")}

Next:
  1. fill in every '' of the new edition in ${rel}, and add what the sources say (number, end, venue, delegations, sources)
  2. npm run validate -- ${rel}
  3. npm run format -- ${rel}
  4. commit and open a pull request`,
  };
}
