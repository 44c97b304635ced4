/**
 * A case the user cannot write (here: on a tmpfs remounted read-only) opens read-only: the header
 * says "Read-only", the report is the engine's, and nothing appears beside the case.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { canMountTinyFs, mountTinyFs } from '../helpers/tiny-fs';
import { built, expect, test } from './fixtures';

test.skip(!canMountTinyFs, 'needs root to mount a read-only tmpfs');

test('a read-only case shows a Read-only badge and its report', async ({ openApp }) => {
  const tiny = mountTinyFs(4096)!;
  try {
    const path = join(tiny.dir, 'Colleague.enrollscope');
    copyFileSync(built.bundledSampleCase(), path);
    tiny.remountReadOnly();
    const app = await openApp();
    await expect(app.page.getByTestId('case-title')).toContainText('Sample case');
    await expect(app.page.getByTestId('read-only')).toHaveCount(0);
    app.dialogs.casesToOpen.push(path);
    await app.page.getByRole('button', { name: 'Open case' }).click();
    await expect(app.page.getByTestId('case-title')).toContainText('Colleague');
    await expect(app.page.getByTestId('read-only')).toHaveText('Read-only');
    await expect(app.page.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');
    await app.close();
    expect(readdirSync(tiny.dir)).toEqual(['Colleague.enrollscope']);
  } finally {
    tiny.unmount();
  }
});
