/**
 * `ENROLLSCOPE_STATS=1 enrollscope ...` prints one line to stderr when the command ends:
 * `enrollscope-stats {"maxRssKb":…,"cpuMs":…,"phases":{…},"peakRssMb":{…}}` (used by `npm run bench`).
 * `phases` are milliseconds since the process started, at the end of each step; `peakRssMb` the
 * largest resident size seen during each step (sampled every 20 ms).
 */
const enabled = process.env.ENROLLSCOPE_STATS === '1';
const phases: Record<string, number> = {};
const peakRssMb: Record<string, number> = {};
let peakRss = 0;
if (enabled) setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20).unref();

/** Notes that a step ended now (the first time only). */
export function markPhase(name: string): void {
  if (!enabled || name in phases) return;
  phases[name] = Math.round(performance.now());
  peakRssMb[name] = Math.round(Math.max(peakRss, process.memoryUsage.rss()) / 2 ** 20);
  peakRss = 0;
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
  };
  process.stderr.write(`enrollscope-stats ${JSON.stringify(line)}\n`);
}
