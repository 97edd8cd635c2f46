/**
 * `npm run validate` — checks records and reports every problem at file:line:col.
 * Exit status: 0 clean, 1 data errors (or warnings with --strict), 2 usage or internal error.
 */
import fs from "node:fs";
import path from "node:path";
import { validate } from "./lib/validate.ts";
import { exitCodeFor } from "./lib/exit-code.ts";
import { humanPieces, type FrameLines } from "./lib/report/format-human.ts";
import { formatJson } from "./lib/report/format-json.ts";
import { formatGithub } from "./lib/report/format-github.ts";
import { formatMarkdown } from "./lib/report/format-markdown.ts";
import { changesSince, filesMentioning, referringFolders } from "./lib/load/changed.ts";
import { parseCommandLine, runCommand, UsageError, userPath, writeAll } from "./lib/cli.ts";
import { discover } from "./lib/load/discover.ts";
import { selectFiles } from "./lib/load/select.ts";
import { realLocation, repositoryFolders } from "./lib/output-guard.ts";
import { ROOT as PACKAGE_ROOT } from "./lib/paths.ts";
import { loadSchemaSet } from "./lib/schemas.ts";
import { phaseTimer } from "./lib/timings.ts";
import { checkEnv } from "./lib/check/run-checks.ts";
import { CACHE_FILE, cacheDisabledByEnv, NO_CACHE_VARIABLE } from "./lib/cache/validation-cache.ts";
// The dataset is the one in the working directory (npm runs scripts from the package root), so tests can
// point the CLI at a fixture tree; schemas always come from this package.
const ROOT = process.cwd();

const HELP = `Usage: npm run validate -- [options] [files…]

Checks records under data/ against the schemas and the checks beyond them. Files and folders named
(relative to the folder you run the command from) are checked against the whole dataset.

Options:
  --format <human|json|github>  output format (default: human; github when GITHUB_ACTIONS=true)
  --changed [<git-ref>]         check only records changed since the ref (default HEAD; also --changed=<ref>), plus
                                every record that references a changed id
  --strict                      fail on warnings too, and list source hosts missing from
                                data/publishers.yaml (PUB004)
  --summary <file>              also append every problem as a Markdown table to <file> (in CI:
                                "$GITHUB_STEP_SUMMARY", since GitHub shows only ten annotations)
  --no-cache                    check every file afresh, without reading or writing the validation
                                cache (.sidelines-cache/validation-cache); so does ${NO_CACHE_VARIABLE}=1
  -h, --help                    show this help

Exit status: 0 no errors, 1 data errors (or warnings with --strict), 2 usage or internal error.`;

/**
 * `--changed` takes an optional value (`--changed`, `--changed REF`, `--changed=REF`): the next argument
 * is the ref unless it is an option or names a file or folder. Rewritten to `--changed=REF` for the parser.
 */
function withChangedRef(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      for (const rest of argv.slice(i)) args.push(rest);
      break;
    }
    if (arg !== "--changed") {
      args.push(arg);
      continue;
    }
    const next = argv[i + 1];
    const isRef = next !== undefined && !next.startsWith("-") && !next.startsWith("data/") && !next.endsWith(".yaml") && !fs.existsSync(userPath(next));
    args.push(`--changed=${isRef ? next : "HEAD"}`);
    if (isRef) i++;
  }
  return args;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(withChangedRef(argv), {
    options: { format: { type: "string" }, summary: { type: "string" }, strict: { type: "boolean" }, changed: { type: "string" }, "no-cache": { type: "boolean" } },
    help: HELP,
    positionals: [0, Infinity],
  });
  if (!parsed) return 0;
  const changedRef = parsed.values.changed === "" ? "HEAD" : parsed.values.changed;
  const format = parsed.values.format ?? (process.env.GITHUB_ACTIONS === "true" ? "github" : "human");
  if (!["human", "json", "github"].includes(format)) throw new UsageError(`--format must be human, json or github (got \`${format}\`)`);

  // Files and folders named on the command line, from where the user ran the command; each must select something.
  // With --changed, git starts first and works on another core while the dataset is listed.
  const changing = changedRef === undefined ? undefined : changesSince(ROOT, changedRef);
  // A git failure is heard where it is awaited, below, not as an unhandled rejection meanwhile.
  changing?.catch(() => undefined);
  const discovered = parsed.positionals.length > 0 || changing ? await discover(ROOT) : undefined;
  let only: string[] | undefined = parsed.positionals.length > 0 ? selectFiles(ROOT, discovered!, parsed.positionals) : undefined;
  const summary = parsed.values.summary === undefined ? undefined : userPath(parsed.values.summary);
  // The report is appended to a file of the user's, never to one in the data, the schemas or .git.
  if (summary !== undefined) {
    const real = realLocation(summary);
    for (const guarded of repositoryFolders(ROOT, PACKAGE_ROOT).filter((f) => f.noneInside))
      if (fs.existsSync(guarded.path) && `${real}${path.sep}`.startsWith(`${realLocation(guarded.path)}${path.sep}`)) throw new UsageError(`--summary must not write inside ${guarded.what} (got ${parsed.values.summary})`);
  }
  const schemaSet = loadSchemaSet();
  if (changing) {
    const changes = await changing;
    // Records mentioning an id that appeared or disappeared are searched for everywhere; those that
    // may point to a record edited in place, only where a field can point to its type.
    const referrers = [...filesMentioning(ROOT, changes.newOrGoneIds), ...filesMentioning(ROOT, changes.editedIds, referringFolders(changes.editedTypes, checkEnv(schemaSet).paths))];
    only = [...new Set([...(only ?? []), ...changes.changedFiles, ...referrers])].sort();
  }

  const strict = parsed.values.strict === true;
  const cached = parsed.values["no-cache"] !== true && !cacheDisabledByEnv();
  // A human report shows code frames: the cache keeps the lines they show, so it is written after the report.
  const frames = format === "human";
  const result = await validate({ root: ROOT, schemaSet, strict, frames, ...(discovered ? { discovered } : {}), ...(only ? { only } : {}), ...(cached ? { cache: { file: path.join(ROOT, CACHE_FILE) } } : {}) });
  for (const notice of result.notices) console.error(`validate: ${notice}`);
  if (format === "json") console.log(formatJson(result.diagnostics, result.filesChecked));
  else if (format === "github") console.log(formatGithub(result.diagnostics, result.filesChecked));
  else {
    const time = phaseTimer("validate");
    const frameLines = result.frames;
    const read = new Map<string, FrameLines>();
    // Written as it is made, as fast as the reader takes it: a report of 100,000 problems is tens of megabytes.
    await writeAll(process.stdout, humanPieces(result.diagnostics, { root: ROOT, color: process.stdout.isTTY === true && !process.env.NO_COLOR, filesChecked: result.filesChecked, ...(frameLines ? { frames: { cached: (file) => frameLines.lines(file), read } } : {}) }));
    process.stdout.write("\n");
    time("report");
    const notice = frameLines?.save(read);
    time("cache saved");
    if (notice) console.error(`validate: ${notice}`);
  }
  if (summary) fs.appendFileSync(summary, formatMarkdown(result.diagnostics, result.filesChecked));
  return exitCodeFor(result.diagnostics, strict);
}

runCommand("validate", () => main(process.argv.slice(2)));
