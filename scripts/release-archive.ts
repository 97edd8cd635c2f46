/**
 * `npm run release:archive -- [--dist <dir>] --out <dir>` — writes `sidelines-<version>.tar.gz`,
 * `sidelines-<version>.zip` (the release without site/) and their SHA256SUMS into the output folder,
 * for the release workflow to attach. Exit 2 on a usage error or a folder that holds no release.
 */
import path from "node:path";
import { parseCommandLine, runCommand, UsageError, userPath } from "./lib/cli.ts";
import { checkOutput, repositoryFolders } from "./lib/output-guard.ts";
import { ROOT } from "./lib/paths.ts";
import { writeArchives } from "./lib/release/archive.ts";

const HELP = `Usage: npm run release:archive -- [--dist <dir>] --out <dir>

Writes sidelines-<version>.tar.gz and .zip of the release (without site/) and their SHA256SUMS into
--out: a new or empty folder, or one this command made before.`;

function main(argv: string[]): number {
  const cli = parseCommandLine(argv, { options: { dist: { type: "string" }, out: { type: "string" } }, help: HELP });
  if (!cli) return 0;
  if (cli.values.out === undefined) throw new UsageError("--out <dir> is required (run with --help for usage)");
  const dist = cli.values.dist === undefined ? path.join(ROOT, "dist") : userPath(cli.values.dist);
  // Checked before anything is created: never the release read, the data or the repository.
  const out = checkOutput(userPath(cli.values.out), { kind: "archives", protect: [{ path: dist, what: "the release it reads", noneInside: true }, ...repositoryFolders(ROOT, process.cwd())] });
  try {
    const { files } = writeArchives(dist, out);
    console.log(`release:archive: wrote ${files.join(", ")} in ${cli.values.out}`);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return 0;
}

runCommand("release:archive", () => main(process.argv.slice(2)));
