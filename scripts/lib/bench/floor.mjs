// The floor: only read every YAML file under the data folder (the record folders and the files beside
// them, such as publishers.yaml) and parse it with the fastest YAML parser available (js-yaml), on one
// thread. Nothing else. Usage: node floor.mjs <data-dir>
import fs from "node:fs";
import path from "node:path";
import jsYaml from "js-yaml";

let n = 0;
const parse = (file) => {
  jsYaml.load(fs.readFileSync(file, "utf8"), { schema: jsYaml.CORE_SCHEMA });
  n++;
};
for (const entry of fs.readdirSync(process.argv[2], { withFileTypes: true })) {
  const at = path.join(process.argv[2], entry.name);
  if (entry.isDirectory()) for (const f of fs.readdirSync(at)) parse(path.join(at, f));
  else if (entry.name.endsWith(".yaml")) parse(at);
}
console.log(`${n} files parsed`);
