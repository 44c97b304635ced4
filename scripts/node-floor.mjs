#!/usr/bin/env node
/**
 * Stops a command early, with one clear message, on a Node too old for it:
 *   node scripts/node-floor.mjs desktop   (npm start, npm run dev: Electron needs >= 22.12)
 *   node scripts/node-floor.mjs tools     (npm test, the command line: ^20.19 || >= 22.12)
 * Written to parse on old Node versions too (no syntax newer than ES2017 outside the import).
 */
import { floorProblem } from './lib/node-floor.mjs';

const purpose = process.argv[2] || 'tools';
const problem = floorProblem(process.version, purpose);
if (problem) {
  console.error(problem);
  process.exit(1);
}
