// Preloaded into a child Node process (`--import`): registers loader hooks that append the URL of
// every ES module loaded to the file named by ENROLLSCOPE_LOADED_MODULES_FILE, one per line.
import { register } from 'node:module';
import process from 'node:process';

if (process.env.ENROLLSCOPE_LOADED_MODULES_FILE) register('./loaded-modules-hooks.mjs', import.meta.url);
