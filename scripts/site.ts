/**
 * `npm run site` — renders the browsable site of the release in dist/ into dist/site/: static HTML and
 * CSS, SVG timeline, a little JavaScript for search, and the release files for download. Run it after
 * `npm run build` (which replaces dist/ whole, site included). Exit status: 0 written, 2 error.
 */
import path from "node:path";
import { parseCommandLine, runCommand, userPath } from "./lib/cli.ts";
import { buildSite } from "./lib/site/index.ts";
import { ReleaseError } from "./lib/site/read.ts";
import { visible } from "./lib/report/visible.ts";

const HELP = `Usage: npm run site -- [options]

Renders the browsable site of a built release. Open <out>/index.html from disk or serve <out> from any static host.

Options:
  --dist <dir>  the release folder (default: dist)
  --out <dir>   where the site goes (default: <dist>/site)
  -q, --quiet   print nothing but errors
  -h, --help    show this help

Exit status: 0 written, 2 no release, or another error.`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { options: { dist: { type: "string" }, out: { type: "string" }, quiet: { type: "boolean", short: "q" } }, help: HELP });
  if (!parsed) return 0;
  try {
    const result = await buildSite({ dist: parsed.values.dist === undefined ? "dist" : userPath(parsed.values.dist), ...(parsed.values.out === undefined ? {} : { out: userPath(parsed.values.out) }) });
    if (!parsed.values.quiet) console.log(`site ${path.relative(process.cwd(), result.out) || "."}: ${result.pages} pages, ${result.files} files (${result.kept} unchanged, kept), ${result.bytes} bytes; home page ${result.homeBytes} bytes`);
    return 0;
  } catch (error) {
    const hint = error instanceof ReleaseError ? "" : process.env.SIDELINES_DEBUG && error instanceof Error ? `\n${error.stack}` : "";
    console.error(`site: ${visible(error instanceof Error ? error.message : String(error))}${hint}`);
    return 2;
  }
}

runCommand("site", () => main(process.argv.slice(2)));
