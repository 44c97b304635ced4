/**
 * `ENROLLSCOPE_STATS=1 enrollscope ...` prints one line to stderr when the command ends:
 * `enrollscope-stats {"maxRssKb":…,"cpuMs":…,"phases":{…}}` (used by `npm run bench`). The
 * phases are milliseconds since the process started, at the end of each step.
 */
import { performance } from 'node:perf_hooks';

const enabled = process.env.ENROLLSCOPE_STATS === '1';
const phases: Record<string, number> = {};

/** Notes that a step ended now (the first time only). */
export function markPhase(name: string): void {
  if (enabled && !(name in phases)) phases[name] = Math.round(performance.now());
}

export function writeStats(): void {
  if (!enabled) return;
  const usage = process.resourceUsage();
  markPhase('exit');
  const line = { maxRssKb: usage.maxRSS, cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000), phases };
  process.stderr.write(`enrollscope-stats ${JSON.stringify(line)}\n`);
}
