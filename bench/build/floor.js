#!/usr/bin/env node
// @ts-check
/**
 * The floor for `luagen build`: the least any generator must do. Reads every .lua file below <src>,
 * parses each with luaparse (with the options luagen uses), and writes one small TypeScript module per
 * script into <out>. Plain Node, no TypeScript at run time: `node bench/build/floor.js <src> <out>`.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const luaparse = require('luaparse');

/** @param {string} dir @param {string[]} files */
function walk(dir, files) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, files);
    else if (entry.name.endsWith('.lua')) files.push(full);
  }
  return files;
}

function main() {
  const [src, out] = process.argv.slice(2);
  if (!src || !out) throw new Error('usage: node bench/build/floor.js <src> <out>');
  let statements = 0;
  for (const file of walk(src, []).sort()) {
    const text = fs.readFileSync(file, 'utf8');
    const chunk = luaparse.parse(Buffer.from(text, 'utf8').toString('latin1'), {
      luaVersion: '5.1',
      locations: true,
      ranges: true,
      scope: true,
      comments: false,
      encodingMode: 'pseudo-latin1',
    });
    statements += chunk.body.length;
    const target = path.join(out, path.relative(src, file).replace(/\.lua$/, '.ts'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, `export const statements = ${chunk.body.length};\nexport const lua = ${JSON.stringify(text)};\n`);
  }
  process.stdout.write(`floor: ${statements} top-level statements\n`);
}

main();
