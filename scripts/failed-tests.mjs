// Lists the failed tests of every .trx file in a folder, each with the first lines of its message,
// so the end of a long test log says what failed without scrolling back through it.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const folder = process.argv[2];
const decode = (text) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

for (const file of readdirSync(folder).filter((name) => name.endsWith(".trx"))) {
  const trx = readFileSync(join(folder, file), "utf8");
  for (const match of trx.matchAll(/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="Failed"[^>]*>([\s\S]*?)<\/UnitTestResult>/g)) {
    const message = /<Message>([\s\S]*?)<\/Message>/.exec(match[2]);
    console.log(`FAILED ${decode(match[1])}`);
    if (message) for (const line of decode(message[1]).split("\n").slice(0, 6)) console.log(`    ${line}`);
  }
}
