/**
 * Windows drive letters mapped to a network share (`net use Z: \\server\share`). A path on Z:
 * looks local to Node; two ways tell it is not:
 * - `fs.realpathSync.native` resolves through Win32's GetFinalPathNameByHandleW, which answers a
 *   mapped drive's path with the share's UNC path (`\\server\share\...`): network-share.ts looks
 *   at the real path first, and a UNC path there is a share.
 * - Where that answers with the drive letter (a redirector that does not give the final path, a
 *   folder that cannot be opened), the letter is looked up in the list `net use` prints.
 * The list is read by a plain function (parseNetUse) tested on its output here; `net use` itself
 * runs only on Windows, within a time limit, and its absence or failure means "no mapped drives".
 */
/** The drive letter a Windows path starts with (`Z:\…`, `z:/…`, `\\?\Z:\…`), upper-cased; null for UNC or relative paths. */
export function driveLetterOf(path: string): string | null {
  const match = /^(?:[\\/]{2}[?.][\\/])?([A-Za-z]):/.exec(path);
  return match ? match[1]!.toUpperCase() : null;
}

/**
 * The mapped drives in `net use` output: letter -> `\\server\share`. The headers and the status
 * words are in the system's language, so a line is read by its shape: a drive letter standing
 * alone, then a UNC path. A remote name may hold single spaces; two spaces or the end of the line
 * end it (a long name pushes the provider's name onto the next line).
 */
export function parseNetUse(text: string): Map<string, string> {
  const drives = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /(?:^|\s)([A-Za-z]):\s+(\\\\[^\\\s][^\\]*\\\S(?:\S| (?! ))*)/.exec(line);
    if (!match) continue;
    drives.set(match[1]!.toUpperCase(), shareOf(match[2]!.trimEnd()));
  }
  return drives;
}

/** `\\server\share` of a UNC path (its first two parts). */
function shareOf(unc: string): string {
  const [server, share] = unc.replace(/^\\\\/, '').split('\\');
  return `\\\\${server}\\${share ?? ''}`;
}

/** The share a drive-letter path is on, from a list of mapped drives; null when its letter is not mapped. */
export function mappedShareOf(path: string, drives: ReadonlyMap<string, string>): string | null {
  const letter = driveLetterOf(path);
  return letter === null ? null : (drives.get(letter) ?? null);
}

/** The standard output of a command that ended well within `timeoutMs`; null when it is missing, fails or hangs. */
export function commandOutput(command: string, args: readonly string[], timeoutMs: number): string | null {
  try {
    // child_process is loaded only here, not at every command's start (~3 ms).
    const { spawnSync } = process.getBuiltinModule('node:child_process');
    const run = spawnSync(command, [...args], { encoding: 'utf8', timeout: timeoutMs, windowsHide: true });
    return run.error === undefined && run.status === 0 ? run.stdout : null;
  } catch {
    return null;
  }
}

/** How long `net use` may take: it can wait on a disconnected share's server. */
export const NET_USE_TIMEOUT_MS = 3000;

/** `net use`'s output on Windows; elsewhere nothing is run. */
function netUse(): string | null {
  return process.platform === 'win32' ? commandOutput('net', ['use'], NET_USE_TIMEOUT_MS) : null;
}

/** This computer's mapped drives, from `output` (`net use`'s); none when it cannot answer. */
export function systemMappedDrives(output: () => string | null = netUse): Map<string, string> {
  const text = output();
  return text === null ? new Map() : parseNetUse(text);
}
