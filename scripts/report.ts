/**
 * `npm run report` — how the dataset cites its sources, per record type and overall: citations, the
 * share with a URL and from official hosts, records resting on secondary copies or a single source,
 * `unverified` paths and recorded conflicts. `--format json` prints the figures as `quality.json` holds them.
 * Exit status: 0, or 2 on a usage or internal error.
 */
import { parseArgs } from "node:util";
import { measureDataset } from "./lib/quality/dataset.ts";
import { qualityMarkdown } from "./lib/quality/measure.ts";

const HELP = `Usage: npm run report -- [--format markdown|json]

Prints the sourcing figures of the records under data/ (the same as the release's quality.json).`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { format: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const format = values.format ?? "markdown";
  if (format !== "markdown" && format !== "json") throw new Error(`--format must be markdown or json (got \`${format}\`)`);
  const quality = await measureDataset(process.cwd());
  console.log(format === "json" ? JSON.stringify({ overall: quality.overall, by_type: quality.by_type }, null, 2) : qualityMarkdown(quality));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`report: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
