// Validates azure.yaml against infra/azure.yaml.schema.json (azd itself cannot be installed here).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { parse } from "yaml";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const schema = JSON.parse(readFileSync(resolve(root, "infra/azure.yaml.schema.json"), "utf8"));
const document = parse(readFileSync(resolve(root, process.argv[2] ?? "azure.yaml"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);
if (!validate(document)) {
  for (const error of validate.errors) {
    console.error(`azure.yaml${error.instancePath || ""}: ${error.message}`);
  }
  process.exit(1);
}
console.log("azure.yaml is valid");
