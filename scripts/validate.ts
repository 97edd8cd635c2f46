/**
 * `npm run validate` — checks records and reports every problem at file:line:col.
 * Exit status: 0 clean, 1 data errors (or warnings with --strict), 2 usage or internal error.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { validate } from "./lib/validate.ts";
import { exitCodeFor } from "./lib/exit-code.ts";
import { formatHuman } from "./lib/report/format-human.ts";
import { formatJson } from "./lib/report/format-json.ts";
import { formatGithub } from "./lib/report/format-github.ts";
import { formatMarkdown } from "./lib/report/format-markdown.ts";
import { changesSince, filesMentioning, referringFolders, UsageError } from "./lib/load/changed.ts";
import { loadSchemaSet } from "./lib/schemas.ts";
import { checkEnv } from "./lib/check/run-checks.ts";
import { visible } from "./lib/report/visible.ts";
// The dataset is the one in the working directory (npm runs scripts from the package root), so tests can
// point the CLI at a fixture tree; schemas always come from this package.
const ROOT = process.cwd();

const HELP = `Usage: npm run validate -- [options] [files…]

Checks records under data/ against the schemas and the checks beyond them.

Options:
  --format <human|json|github>  output format (default: human; github when GITHUB_ACTIONS=true)
  --changed [<git-ref>]         check only records changed since the ref (default HEAD), plus
                                every record that references a changed id
  --strict                      fail on warnings too, and list source hosts missing from
                                data/publishers.yaml (PUB004)
  --summary <file>              also append every problem as a Markdown table to <file> (in CI:
                                "$GITHUB_STEP_SUMMARY", since GitHub shows only ten annotations)
  -h, --help                    show this help

Exit status: 0 no errors, 1 data errors (or warnings with --strict), 2 usage or internal error.`;

async function main(argv: string[]): Promise<number> {
  // `--changed` takes an optional value: take the next argument when it is not an option or a file.
  const args = [...argv];
  const changedAt = args.indexOf("--changed");
  let changedRef: string | undefined;
  if (changedAt !== -1) {
    const next = args[changedAt + 1];
    changedRef = next && !next.startsWith("-") && !next.startsWith("data/") && !next.endsWith(".yaml") ? next : "HEAD";
    args.splice(changedAt, next === changedRef ? 2 : 1);
  }
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: "string" }, summary: { type: "string" }, strict: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) {
    console.log(HELP);
    return 0;
  }
  const format = parsed.values.format ?? (process.env.GITHUB_ACTIONS === "true" ? "github" : "human");
  if (!["human", "json", "github"].includes(format)) throw new UsageError(`--format must be human, json or github (got \`${format}\`)`);

  let only: string[] | undefined;
  if (parsed.positionals.length > 0) {
    only = parsed.positionals.map((p) => path.relative(ROOT, path.resolve(p)).split(path.sep).join("/"));
    for (const [i, file] of only.entries()) {
      if (!fs.existsSync(path.join(ROOT, file))) throw new UsageError(`no such file: ${parsed.positionals[i]}`);
      if (!file.startsWith("data/")) throw new UsageError(`${parsed.positionals[i]} is not under data/`);
    }
  }
  if (parsed.values.summary !== undefined) {
    const target = path.resolve(parsed.values.summary);
    for (const guarded of ["data", "schemas"].map((d) => path.join(ROOT, d)))
      if (target === guarded || target.startsWith(guarded + path.sep)) throw new UsageError(`--summary must not write inside ${path.relative(ROOT, guarded)}/ (got ${parsed.values.summary})`);
  }
  const schemaSet = loadSchemaSet();
  if (changedRef !== undefined) {
    const changes = changesSince(ROOT, changedRef);
    // Records mentioning an id that appeared or disappeared are searched for everywhere; those that
    // may point to a record edited in place, only where a field can point to its type.
    const referrers = [...filesMentioning(ROOT, changes.newOrGoneIds), ...filesMentioning(ROOT, changes.editedIds, referringFolders(changes.editedTypes, checkEnv(schemaSet).paths))];
    only = [...new Set([...(only ?? []), ...changes.changedFiles, ...referrers])].sort();
  }

  const strict = parsed.values.strict === true;
  const result = await validate({ root: ROOT, schemaSet, strict, ...(only ? { only } : {}) });
  if (format === "json") console.log(formatJson(result.diagnostics, result.filesChecked));
  else if (format === "github") console.log(formatGithub(result.diagnostics, result.filesChecked));
  else console.log(formatHuman(result.diagnostics, { root: ROOT, color: process.stdout.isTTY === true && !process.env.NO_COLOR, filesChecked: result.filesChecked }));
  if (parsed.values.summary) fs.appendFileSync(parsed.values.summary, formatMarkdown(result.diagnostics, result.filesChecked));
  return exitCodeFor(result.diagnostics, strict);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`validate: ${visible(error.message)}\nRun with --help for usage.`);
    else console.error(`validate: internal error: ${visible(error instanceof Error ? error.message : String(error))}${process.env.SIDELINES_DEBUG ? `\n${(error as Error).stack}` : "\n(set SIDELINES_DEBUG=1 for details)"}`);
    process.exitCode = 2;
  },
);
