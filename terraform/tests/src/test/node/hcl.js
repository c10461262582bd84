// Parses every .tf file under a directory with HashiCorp's own HCL parser and formatter (hcl and hclwrite,
// compiled to WebAssembly in @cdktf/hcl2json and @cdktf/hcl-tools), and prints one JSON object:
// { "<relative path>": { "body": <the file as HCL JSON>, "formatted": "<the file as terraform fmt writes it>" } }
// Usage: node hcl.js <directory>
"use strict";
const fs = require("fs");
const path = require("path");
const { parse } = require("@cdktf/hcl2json");
const { format } = require("@cdktf/hcl-tools");

function tfFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name.startsWith(".") ? [] : tfFiles(full);
    }
    return entry.name.endsWith(".tf") ? [full] : [];
  });
}

async function main(root) {
  const result = {};
  for (const file of tfFiles(root).sort()) {
    const text = fs.readFileSync(file, "utf8");
    const relative = path.relative(root, file).split(path.sep).join("/");
    result[relative] = { body: await parse(relative, text), formatted: await format(text) };
  }
  process.stdout.write(JSON.stringify(result));
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(1);
});
