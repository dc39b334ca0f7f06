// Azurite's table store finds an entity with LokiJS `findOne({ RowKey, PartitionKey })`, and LokiJS uses an index only for
// the first property of such a query, then compares the other one in every entity the index matched. Which key is the
// selective one depends on the table: Orleans' grain storage gives every grain of a type the same RowKey (the state name),
// the message log puts many conversations in each of a few partitions. So point reads and writes scanned thousands of
// entities (one read among 20,000 stream rendezvous rows took 1.5 ms of Azurite's one thread instead of 0.005 ms) and the
// system slowed as it grew. Azure Table storage finds an entity by its two keys directly; this gives Azurite the same shape
// by looking in the narrower of its two key indexes (Azurite made the same kind of fix for its blob and queue stores in
// its PR #2588). A query of one partition (a conjunction with `PartitionKey eq '…'`, as the SDK writes it) likewise starts
// from that partition instead of testing every entity of the table. Idempotent; run after every npm install.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const store = fileURLToPath(new URL("../node_modules/azurite/dist/src/table/persistence/LokiTableMetadataStore.js", import.meta.url));
const findEntityByKeys = `
function findEntityByKeys(collection, partitionKey, rowKey) {
    let narrowest;
    for (const [property, value] of [["PartitionKey", partitionKey], ["RowKey", rowKey]]) {
        collection.ensureIndex(property);
        const [first, last] = collection.calculateRange("$eq", property, value);
        if (narrowest === undefined || last - first < narrowest.last - narrowest.first) {
            narrowest = { property, first, last };
        }
    }
    const positions = collection.binaryIndices[narrowest.property].values;
    for (let i = narrowest.first; i <= narrowest.last; i++) {
        const entity = collection.data[positions[i]];
        if (entity.PartitionKey === partitionKey && entity.RowKey === rowKey) {
            return entity;
        }
    }
    return null;
}
`;
const chainForPartition = `
function chainForPartition(collection, filter) {
    const chain = collection.chain();
    const withoutStrings = (filter || "").replace(/'(?:[^']|'')*'/g, "''");
    const key = /(?:^|[\\s(])PartitionKey\\s+eq\\s+'((?:[^']|'')*)'/.exec(filter || "");
    return key && !/\\b(or|not)\\b/i.test(withoutStrings) ? chain.find({ PartitionKey: key[1].replace(/''/g, "'") }) : chain;
}
`;
const byKeys = [
  [/(\w+)\.findOne\(\{\s*RowKey: ([\w.]+),\s*PartitionKey: ([\w.]+)\s*\}\)/g, "findEntityByKeys($1, $3, $2)"],
  [/(\w+)\.findOne\(\{\s*PartitionKey: ([\w.]+),\s*RowKey: ([\w.]+)\s*\}\)/g, "findEntityByKeys($1, $2, $3)"],
];

const partitionQuery = [/tableEntityCollection\s*\.chain\(\)\s*\.where\(queryWhere\)/, "chainForPartition(tableEntityCollection, queryOptions.filter)\n            .where(queryWhere)"];

const source = readFileSync(store, "utf8");
let patched = [...byKeys, partitionQuery].reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), source);
const left = patched.match(/findOne\(\{\s*(RowKey|PartitionKey):/g)?.length ?? 0;
if (left > 0 || !patched.includes("findEntityByKeys(") || !patched.includes("chainForPartition(tableEntityCollection")) {
  console.error(`patch-azurite: ${left} lookups by key left unpatched in ${store}; has Azurite changed?`);
  process.exit(1);
}
for (const [name, helper] of [["findEntityByKeys", findEntityByKeys], ["chainForPartition", chainForPartition]]) {
  if (!patched.includes(`function ${name}(`)) {
    patched += `\n/* added by scripts/patch-azurite.mjs */${helper}`;
  }
}
if (patched !== source) {
  writeFileSync(store, patched);
  console.log("patch-azurite: Azurite's table lookups by key use the narrower key index");
}
