/**
 * `npm run types` — regenerates the code made from the schemas: scripts/lib/types.generated.ts (types of
 * the source and public records) and scripts/lib/validators.generated.cjs (the precompiled validators).
 * `npm run types -- --check` changes nothing and exits 1 when either is out of date.
 */
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/paths.ts";
import { GENERATED_VALIDATORS_FILE, readSchemas, standaloneValidators } from "./lib/schemas.ts";
import { publicSchemas } from "./lib/build/public-schemas.ts";
import { GENERATED_TYPES_FILE, generateTypes } from "./lib/build/typegen.ts";

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== "--check");
  if (unknown.length > 0) {
    console.error(`types: unknown argument ${unknown[0]}\nUsage: npm run types [-- --check]`);
    return 2;
  }
  const source = readSchemas();
  const outputs = [
    { file: GENERATED_TYPES_FILE, text: await generateTypes(source, publicSchemas(source)) },
    { file: GENERATED_VALIDATORS_FILE, text: standaloneValidators(source) },
  ];
  let stale = 0;
  for (const { file, text } of outputs) {
    const abs = path.join(ROOT, file);
    const current = fs.existsSync(abs) ? fs.readFileSync(abs, "utf8") : undefined;
    if (current === text) console.log(`${file} is up to date`);
    else if (argv.includes("--check")) {
      console.error(`${file} is out of date with schemas/; run \`npm run types\` and commit the result`);
      stale++;
    } else {
      fs.writeFileSync(abs, text);
      console.log(`wrote ${file}`);
    }
  }
  if (stale > 0) return 1;
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
