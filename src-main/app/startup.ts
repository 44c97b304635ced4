/**
 * The main process's start, made safe: a throw anywhere in it becomes an error box and a non-zero
 * exit, never a hidden process that hangs. Plain Node with Electron's pieces injected (index.ts).
 */

export interface StartupDeps {
  /** Electron's dialog.showErrorBox (safe before 'ready'; on Linux it then writes to stderr). */
  showErrorBox(title: string, content: string): void;
  /** app.exit: ends at once, with this code, without waiting for windows. */
  exit(code: number): void;
  log(message: string, error: unknown): void;
}

export const STARTUP_FAILED_TITLE = 'Enrollscope could not start';

/** What the box says: the error's first line, and where to look for more. */
export function startupFailureText(error: unknown): string {
  let message: string;
  try {
    message = error instanceof Error ? error.message : String(error);
  } catch {
    message = 'unexpected error';
  }
  const first = message.split('\n')[0]!.slice(0, 500) || 'unexpected error';
  return `${first}\n\nThe details were written to the terminal's output (start Enrollscope from a terminal to see them).`;
}

/** Tells the user and ends the process with exit code 1. Never throws. */
export function failStartup(error: unknown, deps: StartupDeps): void {
  try {
    deps.log(`${STARTUP_FAILED_TITLE}:`, error);
  } catch {
    // the box and the exit matter more than the log
  }
  try {
    deps.showErrorBox(STARTUP_FAILED_TITLE, startupFailureText(error));
  } finally {
    deps.exit(1);
  }
}

/** Runs `start`; a throw or rejection inside it ends the app through failStartup. True when it started. */
export async function runStartup(start: () => Promise<void> | void, deps: StartupDeps): Promise<boolean> {
  try {
    await start();
    return true;
  } catch (error) {
    failStartup(error, deps);
    return false;
  }
}

/**
 * Where the profile lives: Electron's per-OS default (Windows %APPDATA%\Enrollscope, macOS
 * ~/Library/Application Support/Enrollscope, Linux $XDG_CONFIG_HOME/Enrollscope), or, for tests
 * of an unpackaged build only, ENROLLSCOPE_USER_DATA. A packaged app never reads that variable.
 */
export function userDataOverride(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  if (isPackaged) return null;
  const value = env['ENROLLSCOPE_USER_DATA'];
  return value ? value : null;
}
