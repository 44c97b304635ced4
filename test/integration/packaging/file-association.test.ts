/**
 * The packaging metadata a desktop user meets: `.enrollscope` registered as the app's document
 * type with its icon and description, and what the Linux .deb needs (a maintainer with an
 * e-mail, a homepage). Read with electron-builder's own YAML reader (js-yaml, app-builder-lib's
 * config loader). The icons are the generator's output, byte for byte.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { icns, ico, png } from '../../../scripts/make-icons.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = requireFromBuilder('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  directories: { buildResources: string };
  fileAssociations: { ext: string; name: string; description: string; mimeType: string; icon: string; role: string }[];
  linux: { target: string[]; maintainer: string };
}
const config = yaml.load(readFileSync(`${root}electron-builder.yml`, 'utf8')) as BuilderConfig;
const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  productName: string;
  author: { name: string; email: string };
  homepage: string;
};

describe('the .enrollscope file association', () => {
  it('registers the case extension with a description, a MIME type and an icon for Windows and macOS', () => {
    expect(config.fileAssociations).toHaveLength(1);
    const [association] = config.fileAssociations;
    expect(association).toMatchObject({ ext: 'enrollscope', name: 'Enrollscope case', role: 'Editor' });
    expect(association!.description).toMatch(/\w+ \w+/);
    expect(association!.mimeType).toBe('application/x-enrollscope-case');
    const dir = `${root}${config.directories.buildResources}/`;
    expect(existsSync(`${dir}${association!.icon}.ico`)).toBe(true);
    expect(existsSync(`${dir}${association!.icon}.icns`)).toBe(true);
  });

  it('the committed icons are what scripts/make-icons.mjs draws', () => {
    expect(readFileSync(`${root}build/case.png`).equals(png(256))).toBe(true);
    expect(readFileSync(`${root}build/case.ico`).equals(ico([16, 32, 48, 256]))).toBe(true);
    const icon = readFileSync(`${root}build/case.icns`);
    expect(icon.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icon.readUInt32BE(4)).toBe(icon.length);
    expect(
      icon.equals(
        icns([
          ['ic11', 32],
          ['ic12', 64],
          ['ic07', 128],
          ['ic08', 256],
          ['ic09', 512],
        ]),
      ),
    ).toBe(true);
  });
});

describe('Linux packages', () => {
  it('the .deb has a maintainer with an e-mail and the project a homepage (electron-builder refuses a deb without)', () => {
    expect(config.linux.target).toContain('deb');
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(manifest.author.email).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    // The profile folder is named after the product, packaged or not (Electron reads productName).
    expect(manifest.productName).toBe('Enrollscope');
  });
});
