/**
 * `npm run release:check -- <tag>` — exit 0 when the tag is `v` + package.json's version (and
 * CITATION.cff agrees), else one line saying why and exit 2. The release workflow runs it first.
 */
import { ROOT } from "./lib/paths.ts";
import { tagProblem } from "./lib/release/tag.ts";
import { parseCommandLine, runCommand, UsageError } from "./lib/cli.ts";

const HELP = "Usage: npm run release:check -- <tag>   (e.g. v1.2.3)\n\nExit 0 when the tag is v + package.json's version (and CITATION.cff agrees), else one line saying why and exit 2.";

function main(argv: string[]): number {
  const cli = parseCommandLine(argv, { options: {}, help: HELP, positionals: [1, 1] });
  if (!cli) return 0;
  const tag = cli.positionals[0]!;
  const problem = tagProblem(tag, ROOT);
  if (problem) throw new UsageError(problem);
  console.log(`release:check: ${tag} matches package.json's version`);
  return 0;
}

runCommand("release:check", () => main(process.argv.slice(2)));
