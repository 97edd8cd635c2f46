/**
 * `npm run release:pack -- [--dist <dir>] [--out <dir>]` — packs the npm package (package.json, the
 * licences, the citation file and a copy of the release) into `sidelines-<version>.tgz` in --out
 * (default: the current folder). `npm pack` itself cannot: dist/ is a link to the release in use.
 * With `--refuse-bare` (the package's `prepack` step, so a bare `npm pack` or `npm publish` in the
 * repository) it only explains that, with exit 2, rather than let npm ship a package without the release.
 */
import path from "node:path";
import { parseCommandLine, runCommand, UsageError, userPath } from "./lib/cli.ts";
import { ROOT } from "./lib/paths.ts";
import { distIsLink, packRelease } from "./lib/release/pack.ts";

const HELP = `Usage: npm run release:pack -- [--dist <dir>] [--out <dir>]

Packs the npm package with the release in --dist (default dist/) into sidelines-<version>.tgz in
--out (default: the current folder). Build first: npm run build.`;

function main(argv: string[]): number {
  const cli = parseCommandLine(argv, { options: { dist: { type: "string" }, out: { type: "string" }, "refuse-bare": { type: "boolean" } }, help: HELP });
  if (!cli) return 0;
  const dist = cli.values.dist === undefined ? path.join(ROOT, "dist") : userPath(cli.values.dist);
  if (cli.values["refuse-bare"]) {
    const why = distIsLink(dist) ? "dist/ is a link to the release in use, and npm leaves links out" : "it would not build the release first";
    throw new UsageError(`npm pack in the repository would ship no release (${why}): run \`npm run build && npm run release:pack\` instead`);
  }
  try {
    const { tarball, files } = packRelease(ROOT, dist, userPath(cli.values.out ?? "."));
    const shown = path.relative(process.cwd(), tarball);
    console.log(`release:pack: wrote ${shown.startsWith("..") ? tarball : shown} (${files.length} files)`);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return 0;
}

runCommand("release:pack", () => main(process.argv.slice(2)));
