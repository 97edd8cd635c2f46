/**
 * `npm run report` — how the dataset cites its sources, per record type and overall: citations, the
 * share with a URL and from official hosts, records resting on secondary copies or a single source,
 * `unverified` paths and recorded conflicts. `--format json` prints the figures as `quality.json` holds them.
 * Exit status: 0, or 2 on a usage or internal error.
 */
import { parseCommandLine, runCommand, UsageError } from "./lib/cli.ts";
import { measureDataset } from "./lib/quality/dataset.ts";
import { qualityMarkdown } from "./lib/quality/measure.ts";

const HELP = `Usage: npm run report -- [--format markdown|json]

Prints the sourcing figures of the records under data/ (the same as the release's quality.json).`;

async function main(argv: string[]): Promise<number> {
  const cli = parseCommandLine(argv, { options: { format: { type: "string" } }, help: HELP });
  if (!cli) return 0;
  const values = cli.values;
  const format = values.format ?? "markdown";
  if (format !== "markdown" && format !== "json") throw new UsageError(`--format must be markdown or json (got \`${format}\`)`);
  const quality = await measureDataset(process.cwd());
  console.log(format === "json" ? JSON.stringify({ overall: quality.overall, by_type: quality.by_type }, null, 2) : qualityMarkdown(quality));
  return 0;
}

runCommand("report", () => main(process.argv.slice(2)));
