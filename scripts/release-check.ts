/**
 * `npm run release:check -- <tag>` — exit 0 when the tag is `v` + package.json's version (and
 * CITATION.cff agrees), else one line saying why and exit 2. The release workflow runs it first.
 */
import { ROOT } from "./lib/paths.ts";
import { tagProblem } from "./lib/release/tag.ts";

const args = process.argv.slice(2);
if (args.length !== 1 || args[0]!.startsWith("-")) {
  console.error("Usage: npm run release:check -- <tag>   (e.g. v1.2.3)");
  process.exit(2);
}
const problem = tagProblem(args[0]!, ROOT);
if (problem) {
  console.error(`release:check: ${problem}`);
  process.exit(2);
}
console.log(`release:check: ${args[0]} matches package.json's version`);
