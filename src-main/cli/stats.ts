/**
 * `ENROLLSCOPE_STATS=1 enrollscope ...` prints one line to stderr when the command ends:
 * `enrollscope-stats {"maxRssKb":…,"cpuMs":…,"phases":{…},"peakRssMb":{…}}` (used by `npm run bench`).
 * `phases` are milliseconds since the process started, at the end of each step; `peakRssMb` the
 * largest resident size seen during each step (sampled every 20 ms); `counts` what noteCount noted
 * (tests read which path a command took).
 */
const enabled = process.env.ENROLLSCOPE_STATS === '1';
const phases: Record<string, number> = {};
const peakRssMb: Record<string, number> = {};
const counts: Record<string, number> = {};
let peakRss = 0;
if (enabled) setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20).unref();

/** Notes that a step ended now (the first time only). */
export function markPhase(name: string): void {
  if (!enabled || name in phases) return;
  phases[name] = Math.round(performance.now());
  peakRssMb[name] = Math.round(Math.max(peakRss, process.memoryUsage.rss()) / 2 ** 20);
  peakRss = 0;
}

/** Notes a count for the stats line (the last value noted under a name). */
export function noteCount(name: string, count: number): void {
  if (enabled) counts[name] = count;
}

export function writeStats(): void {
  if (!enabled) return;
  const usage = process.resourceUsage();
  markPhase('exit');
  const line = {
    maxRssKb: usage.maxRSS,
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
    phases,
    peakRssMb,
    counts,
  };
  process.stderr.write(`enrollscope-stats ${JSON.stringify(line)}\n`);
}
