// Loader hooks of loaded-modules.mjs (they run on Node's loader thread).
import { appendFileSync } from 'node:fs';
import process from 'node:process';

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.ENROLLSCOPE_LOADED_MODULES_FILE, `${url}\n`);
  return nextLoad(url, context);
}
