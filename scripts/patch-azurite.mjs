// Azurite's table store finds an entity with LokiJS `findOne({ RowKey, PartitionKey })`, and LokiJS uses an index only for
// the first property of such a query. Orleans' grain storage gives every grain of a type the same RowKey (the state name)
// and its own PartitionKey, so each point read and write scanned every grain of that type: with 20,000 stream rendezvous
// (5,000 chats) one read cost 1.5 ms of Azurite's one thread instead of 0.005 ms, and the system slowed as it grew.
// Azure Table storage finds an entity by its keys in constant time; putting PartitionKey first gives Azurite the same
// shape (the fix Azurite made for its blob and queue stores in PR #2588). Idempotent; run after every npm install.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const store = fileURLToPath(new URL("../node_modules/azurite/dist/src/table/persistence/LokiTableMetadataStore.js", import.meta.url));
const rowKeyFirst = /findOne\(\{(\s*)RowKey: ([\w.]+),(\s*)PartitionKey: ([\w.]+)(\s*)\}\)/g;

const source = readFileSync(store, "utf8");
const patched = source.replace(rowKeyFirst, "findOne({$1PartitionKey: $4,$3RowKey: $2$5})");
const remaining = patched.match(/findOne\(\{\s*RowKey:/g)?.length ?? 0;
if (remaining > 0) {
  console.error(`patch-azurite: ${remaining} lookups still put RowKey first in ${store}; has Azurite changed?`);
  process.exit(1);
}
if (patched !== source) {
  writeFileSync(store, patched);
  console.log("patch-azurite: Azurite's table lookups now use the PartitionKey index");
}
