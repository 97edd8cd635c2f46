/**
 * `npm run release:archive -- [--dist <dir>] --out <dir>` — writes `sidelines-<version>.tar.gz`,
 * `sidelines-<version>.zip` (the release without site/) and their SHA256SUMS into the output folder,
 * for the release workflow to attach. Exit 2 on a usage error or a folder that holds no release.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT } from "./lib/paths.ts";
import { writeArchives } from "./lib/release/archive.ts";

let values: { dist?: string; out?: string };
try {
  ({ values } = parseArgs({ options: { dist: { type: "string" }, out: { type: "string" } }, strict: true }));
} catch (error) {
  console.error(`release:archive: ${(error as Error).message}`);
  process.exit(2);
}
if (!values.out) {
  console.error("Usage: npm run release:archive -- [--dist <dir>] --out <dir>");
  process.exit(2);
}
try {
  const { files } = writeArchives(values.dist ?? path.join(ROOT, "dist"), values.out);
  console.log(`release:archive: wrote ${files.join(", ")} in ${values.out}`);
} catch (error) {
  console.error(`release:archive: ${(error as Error).message}`);
  process.exit(2);
}
