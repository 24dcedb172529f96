import type { Variant } from './variants';

/** How calls are issued: one caller awaiting each call, N callers at once, or pipelines of P calls. */
export type Mode =
  | { readonly kind: 'serial'; readonly calls: number }
  | { readonly kind: 'concurrent'; readonly calls: number; readonly callers: number }
  | { readonly kind: 'pipelined'; readonly calls: number; readonly size: number };

export function modeLabel(mode: Mode): string {
  switch (mode.kind) {
    case 'serial':
      return '1 caller';
    case 'concurrent':
      return `${mode.callers} concurrent callers`;
    case 'pipelined':
      return `pipelines of ${mode.size} (1 in flight)`;
  }
}

/** Issues `mode.calls` calls through the variant and resolves when every reply is in. */
export async function drive(variant: Variant, mode: Mode, offset: number): Promise<void> {
  switch (mode.kind) {
    case 'serial':
      for (let i = 0; i < mode.calls; i++) await variant.call(offset + i);
      return;
    case 'concurrent': {
      let next = 0;
      const caller = async () => {
        while (next < mode.calls) await variant.call(offset + next++);
      };
      await Promise.all(Array.from({ length: mode.callers }, caller));
      return;
    }
    case 'pipelined':
      for (let start = 0; start < mode.calls; start += mode.size) {
        await variant.pipeline(offset + start, Math.min(mode.size, mode.calls - start));
      }
      return;
  }
}

/** One timed run of a variant. */
export interface RunSample {
  readonly calls: number;
  readonly seconds: number;
  /** User + system CPU of this process, µs. */
  readonly clientCpuMicros: number;
  /** User + system CPU of redis-server, µs (INFO cpu). */
  readonly serverCpuMicros: number;
}

export async function timedRun(variant: Variant, mode: Mode, offset: number, serverCpu: () => Promise<number>): Promise<RunSample> {
  const serverBefore = await serverCpu();
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  await drive(variant, mode, offset);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpuMicros = (await serverCpu()) - serverBefore;
  return { calls: mode.calls, seconds, clientCpuMicros: cpu.user + cpu.system, serverCpuMicros };
}

/**
 * The variants in the order round `round` runs them: forward in even rounds, backward in odd ones. Over an even
 * number of rounds every variant then has the same mean position, so that a variant is not favoured by always
 * running right after the same neighbour (its garbage, its socket's leftovers) or at the same point of a round.
 */
export function roundOrder<T>(variants: readonly T[], round: number): { variant: T; index: number }[] {
  const order = variants.map((variant, index) => ({ variant, index }));
  return round % 2 === 0 ? order : order.reverse();
}
