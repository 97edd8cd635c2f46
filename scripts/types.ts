/**
 * `npm run types` — regenerates scripts/lib/types.generated.ts from the schemas (source and public).
 * `npm run types -- --check` changes nothing and exits 1 when the file is out of date.
 */
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/paths.ts";
import { readSchemas } from "./lib/schemas.ts";
import { publicSchemas } from "./lib/build/public-schemas.ts";
import { GENERATED_TYPES_FILE, generateTypes } from "./lib/build/typegen.ts";

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== "--check");
  if (unknown.length > 0) {
    console.error(`types: unknown argument ${unknown[0]}\nUsage: npm run types [-- --check]`);
    return 2;
  }
  const source = readSchemas();
  const next = await generateTypes(source, publicSchemas(source));
  const file = path.join(ROOT, GENERATED_TYPES_FILE);
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  if (argv.includes("--check")) {
    if (current === next) {
      console.log(`${GENERATED_TYPES_FILE} is up to date`);
      return 0;
    }
    console.error(`${GENERATED_TYPES_FILE} is out of date with schemas/; run \`npm run types\` and commit the result`);
    return 1;
  }
  if (current === next) console.log(`${GENERATED_TYPES_FILE} is up to date`);
  else {
    fs.writeFileSync(file, next);
    console.log(`wrote ${GENERATED_TYPES_FILE}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`types: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
