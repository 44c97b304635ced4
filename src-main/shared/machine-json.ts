/**
 * The JSON the command line prints and the app exports: the machine interface. Some values carry
 * display-only fields next to their English sentences (the same facts, for a display in another
 * language); the JSON leaves them out so that it stays the contract's shape. Node-free.
 */

/** Keys that exist for the translated display only. */
const DISPLAY_ONLY_KEYS: ReadonlySet<string> = new Set(['noteItems', 'caveatItems']);

const dropDisplayOnly = (key: string, value: unknown): unknown => (DISPLAY_ONLY_KEYS.has(key) ? undefined : value);

/** `value` as indented JSON with a final newline, display-only fields left out. */
export const machineJson = (value: unknown): string => `${JSON.stringify(value, dropDisplayOnly, 2)}\n`;
