import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { templatesDir } from '../discover/templates';
import { EXIT, type CliIO } from './io';

/** `luagen new area/name`: starts `lua/area/name.lua` from luagen's template. Never overwrites. */
export async function newCommand(name: string, options: { src: string }, io: CliIO): Promise<number> {
  const relative = name.replace(/\.lua$/, '');
  if (!/^[A-Za-z][A-Za-z0-9_-]*(\/[A-Za-z][A-Za-z0-9_-]*)*$/.test(relative)) {
    io.err(`luagen new: '${name}' is not a valid script path; use area/name with letters, digits, _ or -`);
    return EXIT.usage;
  }
  const target = path.resolve(io.cwd, options.src, `${relative}.lua`);
  const template = await fs.readFile(path.join(templatesDir(), 'new-script.lua'), 'utf8');
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.writeFile(target, template.replace('{{description}}', `TODO: what ${relative} does.`), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      io.err(`luagen new: ${path.relative(io.cwd, target)} already exists; not overwritten`);
      return EXIT.usage;
    }
    throw error;
  }
  io.out(`luagen new: created ${path.relative(io.cwd, target).split(path.sep).join('/')}; edit its header, then run luagen build`);
  return EXIT.ok;
}
