import { describe, expect, it } from 'vitest';
import { UsageError, sectionOf } from '../../../src-main/cli/arg-values';
import { SECTIONS } from '../../../src-main/shared/taxonomy';

describe('sectionOf', () => {
  it('takes every section of the taxonomy by its name', () => {
    for (const section of SECTIONS) expect(sectionOf(section)).toBe(section);
  });

  it('refuses an unknown section, listing the taxonomy sections in flow order and what else is accepted', () => {
    let error: unknown;
    try {
      sectionOf('Nope', ' or "Unclassified"');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      '--section Nope: expected one of "Setup Checklist", "Platform Screens", "Terms of Use", "Compliance/Activation" or "Unclassified"',
    );
  });
});
