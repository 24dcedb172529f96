#!/usr/bin/env node
// @ts-check
/**
 * The floor for `luagen build`: the least any generator of the same output must do. Reads every .lua file below
 * <src>, parses each with luaparse (with the options luagen uses), and writes into <out> the very bytes a
 * luagen build of <src> writes: they come from <pack>, one JSON file ([{ path, content }]) packed from an
 * earlier build's output before the timed run (bench/build/pack.ts). Plain Node, no TypeScript at run time:
 * `node bench/build/floor.js <src> <pack> <out>`.
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
  const [src, pack, out] = process.argv.slice(2);
  if (!src || !pack || !out) throw new Error('usage: node bench/build/floor.js <src> <pack> <out>');
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
  }
  /** @type {{ path: string, content: string }[]} */
  const files = JSON.parse(fs.readFileSync(pack, 'utf8'));
  const folders = new Set();
  let bytes = 0;
  for (const file of files) {
    const target = path.join(out, file.path);
    const folder = path.dirname(target);
    if (!folders.has(folder)) fs.mkdirSync(folder, { recursive: true });
    folders.add(folder);
    fs.writeFileSync(target, file.content);
    bytes += Buffer.byteLength(file.content);
  }
  process.stdout.write(`floor: ${statements} top-level statements, ${files.length} files, ${bytes} bytes written\n`);
}

main();
