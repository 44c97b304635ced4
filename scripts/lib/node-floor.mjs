/**
 * The Node versions Enrollscope runs on, and the message for an older one. Plain JavaScript: it runs
 * before anything is built (`npm start`, `npm run dev`, `npm test` call scripts/node-floor.mjs).
 *   tools    the command line and the tests: Vite 8 and electron-vite 6 need ^20.19 or >= 22.12
 *   desktop  the desktop app: Electron 42 and its downloader (@electron/get) need >= 22.12
 */

export const FLOORS = {
  tools: {
    range: '^20.19.0 || >=22.12.0',
    what: 'the command line and the tests (Vite 8 and electron-vite 6 need it)',
    accepts: ({ major, minor }) => (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22,
  },
  desktop: {
    range: '>=22.12.0',
    what: 'the desktop app (Electron 42 and its downloader need it)',
    accepts: ({ major, minor }) => (major === 22 && minor >= 12) || major > 22,
  },
};

/** { major, minor, patch } of "v22.12.0" or "22.12.0"; null for anything else. */
export function parseNodeVersion(version) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(version));
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** null when `version` meets the floor of `purpose`, else the message to print (one paragraph). */
export function floorProblem(version, purpose) {
  const floor = FLOORS[purpose];
  if (!floor) throw new Error(`unknown purpose ${purpose} (expected ${Object.keys(FLOORS).join(' or ')})`);
  const parsed = parseNodeVersion(version);
  if (parsed && floor.accepts(parsed)) return null;
  const lines = [
    `Enrollscope: this is Node ${version}; ${floor.what} needs Node ${floor.range}.`,
    'Install a current Node LTS (22 or later) and run the command again.',
  ];
  if (purpose === 'desktop' && parsed && FLOORS.tools.accepts(parsed)) {
    lines.push(
      'On this Node the command line and `npm test` work; the desktop app (`npm start`, `npm run dev`) does not.',
    );
  }
  return lines.join('\n');
}
