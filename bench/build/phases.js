#!/usr/bin/env node
// @ts-check
/**
 * Where a cold `luagen build` spends its time: runs the compiled pipeline (`<dist>/generator`) step by
 * step in a fresh process over <src> and prints the milliseconds of each step as JSON.
 * `node bench/build/phases.js <dist> <src> <out>` (relative to the working directory).
 */
'use strict';
const path = require('node:path');

async function main() {
  const [distArg, src, out] = process.argv.slice(2);
  if (!distArg || !src || !out) throw new Error('usage: node bench/build/phases.js <dist> <src> <out>');
  const dist = path.resolve(distArg, 'generator');
  const ms = {};
  let mark = performance.now();
  const step = (name) => {
    const now = performance.now();
    ms[name] = Math.round((now - mark) * 10) / 10;
    mark = now;
  };
  const { discoverScripts } = require(`${dist}/discover/discover`);
  const { readTemplates } = require(`${dist}/discover/templates`);
  const { DEFAULT_CONFIG } = require(`${dist}/config`);
  const { planWrite } = require(`${dist}/write/plan`);
  const { applyPlan } = require(`${dist}/write/apply`);
  step('load the CLI modules (without the generator)');
  const { parseScript } = require(`${dist}/parse/parsed-script`);
  const { analyseScript } = require(`${dist}/analyse`);
  const { buildScriptModel } = require(`${dist}/model/build-model`);
  const { namesFromPath } = require(`${dist}/model/naming`);
  const { emitScriptModule } = require(`${dist}/emit/script-module`);
  const { printModule } = require(`${dist}/emit/module`);
  const { bannerFor } = require(`${dist}/emit/runtime-files`);
  const { generate } = require(`${dist}/generate`);
  step('load the generator (parse, analyse, model, emit)');
  const config = { ...DEFAULT_CONFIG, srcDir: src, outDir: out };
  const scripts = await discoverScripts(process.cwd(), src);
  const templates = await readTemplates();
  step('read the scripts and templates');
  // Each step over every script (generate() itself takes one script through all of them at a time).
  const parsed = scripts.map((s) => parseScript(s.path, s.text).script);
  step('parse (header + luaparse)');
  for (const script of parsed) analyseScript(script, config);
  step('analyse');
  const models = parsed.map((script) => buildScriptModel(script, namesFromPath(script.file, src)));
  step('model');
  const banner = bannerFor(templates.find((t) => t.path === 'banner.txt').content);
  for (const model of models) printModule(emitScriptModule(model, banner, false));
  step('emit and print the script modules (laid-out text)');
  // The same work again, in full, four more times: the first of these already runs on code V8 has begun to
  // optimize, the last close to its steady state. Cold minus steady is what warming up the code costs.
  let result = generate(config, { scripts, templates });
  step('generate() in full (parse, analyse, model, emit), 2nd pass');
  for (const pass of ['3rd', '4th', '5th']) {
    result = generate(config, { scripts, templates });
    step(`generate() in full, ${pass} pass`);
  }
  const plan = await planWrite(path.resolve(out), result.files);
  step('plan the write (compare with disk)');
  await applyPlan(path.resolve(out), plan);
  step('write the files');
  process.stdout.write(`${JSON.stringify(ms)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
