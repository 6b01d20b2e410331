// Writes a .br (quality 11) beside every file of the built folder that has a
// .gz, with node's own brotli: Go's standard library has no brotli encoder,
// and this needs no package beyond the Node.js the tests already use.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] || "dist";
for (const name of readdirSync(dir)) {
  if (!name.endsWith(".gz")) continue;
  const source = join(dir, name.slice(0, -3));
  const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: 0 };
  writeFileSync(`${source}.br`, brotliCompressSync(readFileSync(source), { params }));
}
