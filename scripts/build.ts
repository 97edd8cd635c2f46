/**
 * `npm run build` — validates the dataset and writes the release to dist/: json/, ndjson/, csv/ with
 * datapackage.json, schemas/ (public), lib/ (the compiled package), dataset.json, manifest.json and
 * SHA256SUMS. Refuses to build when the data has errors. Exit status: 0 built, 1 data errors,
 * 2 usage or internal error.
 */
import { parseCommandLine, runCommand, userPath } from "./lib/cli.ts";
import { build } from "./lib/publish/pipeline.ts";
import { DataErrors } from "./lib/publish/collect.ts";
import { formatHuman } from "./lib/report/format-human.ts";
import { visible } from "./lib/report/visible.ts";

const HELP = `Usage: npm run build -- [options]

Validates data/ and writes the release to dist/, replacing the previous one only when the new one is complete.

Options:
  --root <dir>  the folder holding data/ (default: the current directory)
  --out <dir>   where the release goes (default: <root>/dist)
  -q, --quiet   print nothing but errors
  -h, --help    show this help

Environment: SOURCE_DATE_EPOCH sets the release time when the data is not a clean git checkout.

Exit status: 0 built, 1 data errors (nothing written), 2 usage or internal error.`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { options: { root: { type: "string" }, out: { type: "string" }, quiet: { type: "boolean", short: "q" } }, help: HELP });
  if (!parsed) return 0;
  const root = parsed.values.root === undefined ? process.cwd() : userPath(parsed.values.root);
  const quiet = parsed.values.quiet === true;
  const started = process.hrtime.bigint();
  try {
    const result = await build({ root, ...(parsed.values.out === undefined ? {} : { out: userPath(parsed.values.out) }), log: (line) => quiet || console.log(line) });
    const { warnings } = result;
    if (!quiet) {
      if (warnings > 0) console.log(`${warnings} validation warning${warnings === 1 ? "" : "s"} (npm run validate shows them)`);
      console.log(`done in ${Number((process.hrtime.bigint() - started) / 1_000_000n)} ms`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DataErrors) {
      console.error(formatHuman(error.diagnostics, { root, color: process.stderr.isTTY === true && !process.env.NO_COLOR, filesChecked: new Set(error.diagnostics.map((d) => d.file)).size }));
      console.error(`build: ${visible(error.message)}; the previous release was left as it was`);
      return 1;
    }
    throw error;
  }
}

runCommand("build", () => main(process.argv.slice(2)));
