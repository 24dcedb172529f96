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
}

export const FORMATS: readonly DiagnosticFormat[] = ['text', 'json', 'github'];

export function toConfig(options: CommonOptions): LuagenConfig {
  const posix = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '') || '.';
  return {
    ...DEFAULT_CONFIG,
    srcDir: posix(options.src),
    outDir: posix(options.out),
    cluster: options.cluster,
    warningsAsErrors: options.strict,
    esm: options.esm,
  };
}
