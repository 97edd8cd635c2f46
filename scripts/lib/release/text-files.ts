/** The licence and citation files every release carries at its top, next to the data. */
import fs from "node:fs";
import path from "node:path";
import { CITATION_FILE, type Citation } from "./citation.ts";
import { RELEASE_TEXT_FILES } from "./licences.ts";

/** Each file's text by release path: the licences as they are, CITATION.cff with the release's version and date. */
export function releaseTextFiles(repoRoot: string, citation: Citation): Map<string, string> {
  return new Map(RELEASE_TEXT_FILES.map((file) => [file, file === CITATION_FILE ? citation.cff : fs.readFileSync(path.join(repoRoot, file), "utf8")]));
}
