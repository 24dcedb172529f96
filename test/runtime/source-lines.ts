import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/generate-fixture';

/** The 1-based line of a fixture file holding `-- marker:<name>`, so tests never hard-code line numbers. */
export function markerLine(sourcePath: string, marker: string): number {
  const lines = readFileSync(path.join(REPO_ROOT, sourcePath), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(`-- marker:${marker}`));
  if (index < 0) throw new Error(`${sourcePath} has no '-- marker:${marker}' line`);
  return index + 1;
}
