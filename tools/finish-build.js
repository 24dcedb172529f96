// Second half of `npm run build`, after `tsc -p tsconfig.build.json` has compiled the TypeScript into dist/.
// tsc compiles generated/index.ts and generated/scripts/ but never copies generated/runtime/: that folder is
// JavaScript plus declaration files already (see docs/client.md), so it is copied as it is, next to the
// modules that import it. Then the CLI is made executable.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const from = path.join(root, 'generated', 'runtime');
const to = path.join(root, 'dist', 'generated', 'runtime');
fs.rmSync(to, { recursive: true, force: true });
fs.mkdirSync(to, { recursive: true });
for (const name of fs.readdirSync(from)) {
  if (name.endsWith('.js') || name.endsWith('.d.ts')) fs.copyFileSync(path.join(from, name), path.join(to, name));
}
fs.chmodSync(path.join(root, 'dist', 'cli.js'), 0o755);
