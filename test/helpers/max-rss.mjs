// Preloaded into a child Node process (`--import`): on exit, writes the process's peak resident
// set (KiB, all threads) to the file named by ENROLLSCOPE_MAX_RSS_FILE.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.ENROLLSCOPE_MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
