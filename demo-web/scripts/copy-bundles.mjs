// Copies the supertokens-web-js browser bundles that the demo loads from node_modules (installed by
// `npm ci` from the pinned package-lock.json) into the built site, under stable names.
// The package ships them with content hashes in their names (bundle/session.<hash>.js), so the
// names are resolved here rather than hard-coded in the HTML.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const moduleDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const packageDir = join(moduleDir, "node_modules", "supertokens-web-js");
const bundleDir = join(packageDir, "bundle");
const targetDir = join(moduleDir, "target", "site", "vendor", "supertokens-web-js");

// website.js must load first: the recipe bundles are webpack chunks that depend on it.
const wanted = ["website", "supertokens", "session", "emailpassword", "emailverification"];

const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
if (!version.startsWith("0.16.")) {
  fail(`expected supertokens-web-js 0.16.x in node_modules, found ${version}`);
}

const files = readdirSync(bundleDir);
mkdirSync(targetDir, { recursive: true });
for (const name of wanted) {
  const matches = files.filter((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.js$`).test(f));
  if (matches.length !== 1) {
    fail(`expected exactly one bundle/${name}.<hash>.js in supertokens-web-js ${version}, found ${matches.length}`);
  }
  copyFileSync(join(bundleDir, matches[0]), join(targetDir, `${name}.js`));
}
copyFileSync(join(packageDir, "LICENSE.md"), join(targetDir, "LICENSE.md"));
console.log(`copied supertokens-web-js ${version} bundles (${wanted.join(", ")}) to ${targetDir}`);

function fail(message) {
  console.error(`copy-bundles: ${message}`);
  process.exit(1);
}
