// Electron fuses of the packaged app, flipped by electron-builder's afterPack hook
// (electron-builder.yml), i.e. after the app is packed and BEFORE it is signed. Fuses are bits in the
// Electron binary itself: they cannot be turned back on by an argument, an environment variable or
// a file next to the app.
//
//   RunAsNode off                        ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node
//   EnableCookieEncryption on            cookies on disk encrypted with the OS keychain
//   EnableNodeOptionsEnvironmentVariable off   NODE_OPTIONS is ignored (no --require of other code)
//   EnableNodeCliInspectArguments off    --inspect / --inspect-brk are ignored (no debugger attach)
//   EnableEmbeddedAsarIntegrityValidation on   app.asar is checked against the hash built into the app (macOS, Windows)
//   OnlyLoadAppFromAsar on               the app is only ever loaded from app.asar, never a loose app/ folder
//   GrantFileProtocolExtraPrivileges off file:// pages get no extra privileges: the renderer is served
//                                        from app://renderer/ (src-main/app/app-protocol.ts), never file://
//
// LoadBrowserProcessSpecificV8Snapshot is left as Electron sets it (not used).
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { join } from 'node:path';
import process from 'node:process';

/** The fuses and the state each must have (true: on). */
export const FUSES = Object.freeze({
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

const ON = 0x31; // '1'
const OFF = 0x30; // '0'
const REMOVED = 0x72; // 'r'

/**
 * Flips the fuses of the Electron binary at `binary` (the app's executable; on macOS the .app
 * bundle), then reads them back: throws unless every fuse of FUSES has its state.
 */
export async function flipAppFuses(binary, { resetAdHocDarwinSignature = false } = {}) {
  // A fuse this Electron removed would be written and read back as set, yet mean nothing.
  const current = await getCurrentFuseWire(binary);
  const removed = Object.keys(FUSES).filter((option) => current[option] === REMOVED);
  if (removed.length > 0) {
    const names = removed.map((option) => FuseV1Options[option]).join(', ');
    throw new Error(`This Electron has removed the fuse(s) ${names}: review docs/security.md before packaging`);
  }
  await flipFuses(binary, { version: FuseVersion.V1, resetAdHocDarwinSignature, ...FUSES });
  const wire = await getCurrentFuseWire(binary);
  const wrong = Object.entries(FUSES).filter(([option, on]) => wire[option] !== (on ? ON : OFF));
  if (wrong.length > 0) {
    const names = wrong.map(([option]) => FuseV1Options[option]).join(', ');
    throw new Error(`Electron fuses not set as required in ${binary}: ${names}`);
  }
  return wire;
}

/** The executable electron-builder produced, as its own addElectronFuses finds it. */
export function packagedBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[electronPlatformName] ?? '';
  const name = electronPlatformName === 'linux' ? packager.executableName : packager.appInfo.productFilename;
  return join(appOutDir, `${name}${ext}`);
}

/** electron-builder's afterPack hook. arch 3 is arm64 (builder-util's Arch enum). */
export default async function afterPack(context) {
  const binary = packagedBinary(context);
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipAppFuses(binary, { resetAdHocDarwinSignature: darwin && context.arch === 3 });
  process.stdout.write(`  • electron fuses set  file=${binary}\n`);
}
