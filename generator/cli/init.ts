import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { discoverScripts } from '../discover/discover';
import { inferHeader, type InferredHeader } from '../infer/infer-header';
import { parseHeader, skipLeadingComments } from '../parse/header';
import { expandIncludes, includedFiles } from '../parse/includes';
import { parseLua } from '../parse/lua';
import { parseShebang } from '../parse/shebang';
import { unifiedDiff } from '../write/diff';
import { EXIT, type CliIO } from './io';

export interface InitOptions {
  readonly src: string;
  readonly dryRun: boolean;
}

/** `moveToFinished-14.lua`: the key count some projects put in the file name. */
const FILE_KEY_COUNT = /-(\d+)\.lua$/;

/**
 * `luagen init`: writes an inferred header into every script that has none (includes are modules and are
 * left alone), keeping the file's comments. Idempotent; `--dry-run` prints the diff instead of writing.
 */
export async function initCommand(options: InitOptions, io: CliIO): Promise<number> {
  const srcDir = options.src.replace(/\\/g, '/').replace(/\/+$/, '') || '.';
  const inputs = await discoverScripts(io.cwd, srcDir);
  const files = new Map(inputs.map((input) => [input.path, input.text]));
  const modules = includedFiles(files, srcDir);
  let written = 0;
  let failed = 0;
  for (const input of inputs) {
    if (modules.has(input.path)) continue;
    const result = initScript(input.path, input.text, files, srcDir);
    if (result.kind === 'skip') continue;
    if (result.kind === 'error') {
      io.err(`${input.path}: ${result.message}; not changed`);
      failed++;
      continue;
    }
    io.out(`${input.path}: inferred ${result.header.inferred.join(', ')}${result.header.guessed.length > 0 ? `; guessed ${result.header.guessed.join(', ')}` : ''}`);
    if (options.dryRun) io.out(unifiedDiff(input.path, input.text, result.text).replace(' (on disk)', '').replace(' (generated)', ' (with header)'));
    else await writeAtomically(path.resolve(io.cwd, input.path), result.text);
    written++;
  }
  const verb = options.dryRun ? 'would add' : 'added';
  io.out(`luagen init: ${verb} ${written} header${written === 1 ? '' : 's'}${modules.size > 0 ? ` (${modules.size} included file${modules.size === 1 ? '' : 's'} left as modules)` : ''}${failed > 0 ? `, ${failed} script${failed === 1 ? '' : 's'} not changed` : ''}`);
  return failed > 0 ? EXIT.scriptErrors : EXIT.ok;
}

type ScriptInit = { kind: 'skip' } | { kind: 'error'; message: string } | { kind: 'header'; header: InferredHeader; text: string };

function initScript(file: string, text: string, files: ReadonlyMap<string, string>, srcDir: string): ScriptInit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const { header: existing, diagnostics: headerFindings } = parseHeader(file, lines);
  const tags = existing.keys.length + existing.args.length + existing.returns.length + existing.errors.length + existing.prefixes.length;
  if (tags > 0 || existing.readonly || existing.brokenTags.length > 0 || headerFindings.some((d) => d.code === 'LG002' && d.line > 1)) return { kind: 'skip' };
  const expanded = expandIncludes(file, files, srcDir);
  if (expanded.diagnostics.length > 0) return { kind: 'error', message: expanded.diagnostics[0]?.message ?? 'an include cannot be read' };
  const { chunk, diagnostics } = parseLua(file, expanded.text);
  if (!chunk) return { kind: 'error', message: `${diagnostics[0]?.message ?? 'the Lua does not parse'} (line ${diagnostics[0]?.line ?? '?'})` };
  const count = FILE_KEY_COUNT.exec(path.posix.basename(file))?.[1];
  const header = inferHeader({ text, chunk, fileKeyCount: count === undefined ? undefined : Number(count) });
  // Below a `---` description block that has no tags yet, else above the first line of code.
  const at = existing.endLine > 0 ? existing.endLine : skipLeadingComments(lines, parseShebang(file, lines[0] ?? '').shebang ? 1 : 0);
  const body = lines.slice(at);
  const updated = [...lines.slice(0, at), ...header.lines, ...body].join(eol);
  return { kind: 'header', header, text: updated };
}

async function writeAtomically(target: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.luagen-init-${process.pid}`);
  await fs.writeFile(temp, content);
  await fs.rename(temp, target);
}
