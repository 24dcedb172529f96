import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { templatesDir } from '../discover/templates';
import { checkNameCollisions } from '../model/name-collisions';
import { namesFromPath } from '../model/naming';
import { EXIT, type CliIO } from './io';

/** Why `build` would refuse a script at this path on its own (a name such as `then`), if it would. */
function nameProblem(relative: string): string | undefined {
  const file = `${relative}.lua`;
  const names = namesFromPath(file, '.');
  if ('code' in names) return `${names.code}: ${names.message}`;
  const [first] = checkNameCollisions([{ file, names }]);
  return first && `${first.code}: ${first.message}; ${first.help}`;
}

/** `luagen new area/name`: starts `lua/area/name.lua` from luagen's template. Never overwrites. */
export async function newCommand(name: string, options: { src: string }, io: CliIO): Promise<number> {
  const relative = name.replace(/\.lua$/, '');
  if (!/^[A-Za-z][A-Za-z0-9_-]*(\/[A-Za-z][A-Za-z0-9_-]*)*$/.test(relative)) {
    io.err(`luagen new: '${name}' is not a valid script path; use area/name with letters, digits, _ or -`);
    return EXIT.usage;
  }
  const refused = nameProblem(relative);
  if (refused !== undefined) {
    io.err(`luagen new: ${refused}`);
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
