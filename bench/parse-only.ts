/**
 * Parse-only benchmark of the import step: `npx tsx bench/parse-only.ts FILE` reads FILE through
 * readInput and reports rows/s (no store, no SQLite). Generate a test file with
 * `npx tsx bench/parse-only.ts --generate 1000000 /tmp/events.csv` (never commit it).
 */
import { createWriteStream } from 'node:fs';
import { readInput } from '../src-main/import/read-input';

async function generate(rows: number, path: string): Promise<void> {
  const actions = [
    'EnrollmentWrapUp',
    'DeviceCategory',
    'PreEnrollmentWizard',
    'iOSProfileLaunch',
    'AndroidPermissions',
    'KnoxActivation',
    'TermsofUse',
    'Compliance',
    'Activation',
  ];
  const screens = [
    'Prompt to open page in Company Portal',
    'Installing profile screen',
    'Terms of use (if admin configured)',
    'Device administrator activation screen',
    '"Set up access screen, step 2"',
    '',
  ];
  const events = ['start', 'step', 'step', 'step', 'cancel', 'postpone', 'complete', 'appclosed'];
  const out = createWriteStream(path);
  let text = 'time,user,device,platform,event,actionName,screen\n';
  let t = Date.UTC(2025, 5, 1);
  for (let i = 0; i < rows; i++) {
    t += 1000 + ((i * 7919) % 60_000);
    const u = i % 5000;
    text += `${new Date(t).toISOString()},user${u}@contoso.com,dev-${(u * 31) % 9973}-${u},${i % 3 ? 'iOS' : 'Android'},${events[i % 8]},${actions[(i >> 3) % 9]},${screens[i % 6]}\n`;
    if (text.length > 1 << 20) {
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      text = '';
    }
  }
  out.end(text);
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
}

async function main(): Promise<void> {
  const [first, second, third] = process.argv.slice(2);
  if (first === '--generate') {
    await generate(Number(second ?? 1_000_000), third ?? '/tmp/events.csv');
    console.log(`wrote ${third ?? '/tmp/events.csv'}`);
    return;
  }
  if (!first) throw new Error('usage: tsx bench/parse-only.ts FILE [RUNS] | --generate ROWS FILE');
  // Several runs in one process: the first warms the JIT; the best run is the least disturbed by
  // whatever else the machine is doing.
  const runs = Number(second ?? 3);
  let best = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  let rows = 0;
  for (let run = 1; run <= runs; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    rows = 0;
    let records = 0;
    for await (const input of readInput(first)) {
      for await (const batch of input.batches) records += 'count' in batch ? batch.count : batch.rows.length;
      rows += input.rowsRead();
      if (run === 1)
        console.log(
          `${input.name} (${input.format}): ${input.rowsRead()} rows, ${records} records, ${input.skipped.total} skipped`,
        );
    }
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    console.log(
      `run ${run}: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU = ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`,
    );
    best = Math.min(best, seconds);
    bestCpu = Math.min(bestCpu, cpuSeconds);
  }
  console.log(
    `best: ${best.toFixed(2)} s = ${Math.round(rows / best).toLocaleString('en-US')} rows/s (CPU ${bestCpu.toFixed(2)} s, GC threads included)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
