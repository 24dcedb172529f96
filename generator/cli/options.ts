import { DEFAULT_CONFIG, type LuagenConfig } from '../config';
import type { DiagnosticFormat } from '../diagnostics/format';

/** Options shared by build and check, as commander hands them over. */
export interface CommonOptions {
  readonly src: string;
  readonly out: string;
  readonly format: DiagnosticFormat;
  readonly cluster: boolean;
  readonly strict: boolean;
  readonly esm: boolean;
  /** `--docs <dir>`: also write (build) or verify (check) the script catalog in this folder. */
  readonly docs?: string;
}

export const FORMATS: readonly DiagnosticFormat[] = ['text', 'json', 'github'];

/** A folder as given on the command line, in POSIX form without a trailing slash. */
export function posixDir(dir: string): string {
  return dir.replace(/\\/g, '/').replace(/\/+$/, '') || '.';
}

export function toConfig(options: CommonOptions): LuagenConfig {
  return {
    ...DEFAULT_CONFIG,
    srcDir: posixDir(options.src),
    outDir: posixDir(options.out),
    cluster: options.cluster,
    warningsAsErrors: options.strict,
    esm: options.esm,
  };
}
