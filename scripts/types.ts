/**
 * `npm run types` — regenerates the code made from the schemas: scripts/lib/types.generated.ts (types of
 * the source and public records) and scripts/lib/validators.generated.cjs (the precompiled validators).
 * `npm run types -- --check` changes nothing and exits 1 when either is out of date.
 */
import { syncGenerated } from "./lib/generated-files.ts";
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
  const stale = syncGenerated(
    outputs.map(({ file, text }) => ({ file, render: () => text })),
    argv.includes("--check"),
    {
      upToDate: (file) => console.log(`${file} is up to date`),
      stale: (file) => console.error(`${file} is out of date with schemas/; run \`npm run types\` and commit the result`),
      written: (file) => console.log(`wrote ${file}`),
    },
  );
  return stale > 0 ? 1 : 0;
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
