/**
 * What a launch of the app asks for: the files on its command line (a case double-clicked, files
 * dropped on the app's icon, `enrollscope-app a.csv`), as absolute paths of the platform it runs
 * on. Plain Node: index.ts feeds it the process's argv, the argv of a second launch
 * (`second-instance`) and macOS's `open-file` paths.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CASE_EXTENSION } from '../shared/ipc-contract';
import { MAX_PATH_LENGTH, pathsOf } from '../platform/paths';

export interface ArgvContext {
  /** The folder the launch was made from: relative paths are resolved against it. */
  readonly cwd: string;
  readonly platform: NodeJS.Platform;
  /**
   * A packaged app's argv is [app, ...args]; unpackaged (`electron .`, `electron-vite dev`,
   * Playwright) it is [electron, ...switches, appPath, ...args]: the first plain argument is the app.
   */
  readonly isPackaged: boolean;
}

/**
 * A switch, not a path: Chromium's and Electron's `--flags` (added to a second instance's argv
 * too), `-psn_0_12345` (macOS's process serial number, given by older Finder launches).
 */
const isSwitch = (arg: string): boolean => arg.startsWith('-');

/** The paths a launch's argv names, absolute, in order, each once. */
export function launchPaths(argv: readonly string[], context: ArgvContext): string[] {
  const path = pathsOf(context.platform);
  const paths: string[] = [];
  let appPathSkipped = context.isPackaged;
  let switchesEnded = false;
  for (const arg of argv.slice(1)) {
    if (!switchesEnded && arg === '--') {
      switchesEnded = true;
      continue;
    }
    if (!switchesEnded && isSwitch(arg)) continue;
    if (!appPathSkipped) {
      appPathSkipped = true;
      continue;
    }
    if (arg.trim() === '') continue;
    const local = /^file:\/\//i.test(arg) ? localPathOfUrl(arg, context.platform) : arg;
    if (local === null) continue;
    const full = path.resolve(context.cwd, local);
    if (!paths.includes(full)) paths.push(full);
  }
  return paths;
}

/** A desktop entry's `%U` gives file:// URLs; anything that is not a local file is no path. */
function localPathOfUrl(url: string, platform: NodeJS.Platform): string | null {
  try {
    return fileURLToPath(url, { windows: platform === 'win32' });
  } catch {
    return null;
  }
}

/** True for a path that names a case file (opened, not imported). */
export const isCaseFile = (path: string): boolean => path.toLowerCase().endsWith(CASE_EXTENSION);

/** What a launch asks the app to do. */
export interface LaunchRequest {
  /** The case to open (the first case named), or null to stay on the open one. */
  readonly caseFile: string | null;
  /** Every other file or folder, imported into the case that is open afterwards. */
  readonly files: readonly string[];
  /** Further cases named in the same launch: not opened (one case at a time); the app says so. */
  readonly otherCases: readonly string[];
}

export function launchRequest(paths: readonly string[]): LaunchRequest {
  const cases = paths.filter(isCaseFile);
  return {
    caseFile: cases[0] ?? null,
    files: paths.filter((path) => !isCaseFile(path)),
    otherCases: cases.slice(1),
  };
}

export const isEmptyRequest = (request: LaunchRequest): boolean =>
  request.caseFile === null && request.files.length === 0 && request.otherCases.length === 0;

/**
 * What a second launch hands the first through requestSingleInstanceLock's additionalData: its
 * paths, already resolved against its own folder (Chromium may reorder or add to the argv the
 * first instance sees, so the parsed paths travel instead). Validated: it comes from another process.
 */
const LaunchData = z.strictObject({
  paths: z.array(z.string().min(1).max(MAX_PATH_LENGTH)).max(10_000),
});

export type LaunchData = z.infer<typeof LaunchData>;

/** The second launch's paths, or null when its data is not ours; only absolute paths are kept. */
export function launchDataOf(data: unknown, platform: NodeJS.Platform): LaunchData | null {
  const parsed = LaunchData.safeParse(data);
  if (!parsed.success) return null;
  return { paths: parsed.data.paths.filter((path) => pathsOf(platform).isAbsolute(path)) };
}
