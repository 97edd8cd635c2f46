// The floor: only read every record file and parse it with the fastest YAML parser available
// (js-yaml). Nothing else. Usage: node floor.mjs <data-dir>
import fs from "node:fs";
import path from "node:path";
import jsYaml from "js-yaml";

let n = 0;
for (const folder of fs.readdirSync(process.argv[2])) {
  const dir = path.join(process.argv[2], folder);
  for (const f of fs.readdirSync(dir)) {
    jsYaml.load(fs.readFileSync(path.join(dir, f), "utf8"), { schema: jsYaml.CORE_SCHEMA });
    n++;
  }
}
console.log(`${n} files parsed`);
