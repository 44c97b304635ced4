/** The print slice: when the dialog opens, what print:pdf is sent, what the store keeps after it. */
import { describe, expect, it, vi } from 'vitest';
import type { CaseInfo, EnrollscopeApi, IpcResult, ReportRequest } from '../../../src-main/shared/ipc-contract';
import type { PrintRequest } from '../../../src-main/shared/print-types';
import { createAppStore } from '../../../src-renderer/store';
import { defaultPaperFor as defaultPaper } from '../../../src-main/shared/i18n/languages';
import { caseAt, ok, reportOf, settle } from './store-fakes';
import { translator } from '../../../src-main/shared/i18n/translator';
import { messageText, type UserMessage } from '../../../src-renderer/i18n/user-message';

/** The store's notice as the window shows it in `language`. */
const shown = (notice: UserMessage | null, language: 'en' | 'de' | 'ja' = 'en'): string =>
  notice === null ? '' : messageText(translator(language).t, notice);

const info = (importCount: number, settings: CaseInfo['settings'] = {}): CaseInfo =>
  caseAt('/c/contoso.enrollscope', { importCount, settings });

const report = (request: ReportRequest) => reportOf(request, '2025-06-08', '2025-06-14');

/** The verbs this test needs; any other verb (other slices refresh too) answers with an error. */
function fakeApi(
  caseInfo: CaseInfo,
  printToPdf: (request: PrintRequest) => ReturnType<EnrollscopeApi['printToPdf']>,
): EnrollscopeApi {
  const verbs: Record<string, unknown> = {
    getSession: () => ok({ case: caseInfo, recent: [], notice: null, importing: false }),
    getReport: (request: ReportRequest) => ok({ report: report(request), latestDay: '2025-06-14' }),
    saveCaseSettings: () => ok(caseInfo),
    printToPdf: vi.fn(printToPdf),
    onImportProgress: () => () => undefined,
    onMenuCommand: () => () => undefined,
    onSessionChanged: () => () => undefined,
  };
  const other = (): Promise<IpcResult<never>> =>
    Promise.resolve({ ok: false, error: { code: 'failed', message: 'not part of this test' } });
  return new Proxy(verbs, {
    get: (target, name: string) => target[name] ?? (name.startsWith('on') ? () => () => undefined : other),
  }) as unknown as EnrollscopeApi;
}

describe('the print slice', () => {
  it('offers Letter where the locale prints on Letter, else A4', () => {
    expect(defaultPaper('en-US')).toBe('Letter');
    expect(defaultPaper('es-MX')).toBe('Letter');
    expect(defaultPaper('en-GB')).toBe('A4');
    expect(defaultPaper('de')).toBe('A4');
    expect(defaultPaper('not a locale')).toBe('A4');
  });

  it('does not open the dialog without data: it says why', async () => {
    const store = createAppStore(fakeApi(info(0), () => ok({ pdf: null, case: info(0) })));
    await store.getState().init();
    await settle();
    store.getState().openPrintDialog();
    expect(store.getState().printDialogOpen).toBe(false);
    expect(shown(store.getState().notice)).toBe('Nothing to print yet: open a case with data (or import files) first.');
    expect(shown(store.getState().notice, 'de')).toMatch(/^Noch nichts zu drucken/);
  });

  it('prints the report as filtered with the dialog answers; keeps the case main returns and says where the PDF is', async () => {
    const saved = info(3, { customer: 'Contoso', consultant: 'Jane' });
    const api = fakeApi(info(3), () => ok({ pdf: { path: '/out/contoso.pdf', bytes: 1234 }, case: saved }));
    const store = createAppStore(api);
    await store.getState().init();
    await settle();
    store.getState().setPreset(7);
    store.getState().togglePlatform('iOS/iPadOS');
    store.getState().toggleSection('Terms of Use');
    await settle();
    store.getState().openPrintDialog();
    expect(store.getState().printDialogOpen).toBe(true);
    const page = { paper: 'Letter', orientation: 'landscape' } as const;
    const printing = store.getState().printToPdf({
      page,
      customer: 'Contoso',
      consultant: 'Jane',
      maskUsers: true,
      language: 'fr',
    });
    expect(store.getState()).toMatchObject({ printDialogOpen: false, printStatus: 'printing' });
    await printing;
    const { tz } = store.getState();
    expect(api.printToPdf).toHaveBeenCalledWith({
      report: {
        range: { kind: 'last', days: 7 },
        platforms: ['Android'],
        sections: ['Setup Checklist', 'Platform Screens', 'Compliance/Activation'],
        tz,
      },
      page,
      customer: 'Contoso',
      consultant: 'Jane',
      maskUsers: true,
      // The dialog's language choice travels with the request.
      language: 'fr',
      compare: null,
    });
    expect(store.getState()).toMatchObject({
      printStatus: 'saved',
      printSavedPath: '/out/contoso.pdf',
      notice: { id: 'pdf.notice.saved', values: { path: '/out/contoso.pdf' } },
      caseInfo: saved,
      printPage: page,
      printMaskUsers: true,
    });
    expect(shown(store.getState().notice, 'de')).toBe('PDF gespeichert: /out/contoso.pdf');
    expect(shown(store.getState().notice, 'ja')).toBe('PDF を保存しました: /out/contoso.pdf');
  });

  it('follows the compare toggle: the print job carries the period compared with, and none once it is off', async () => {
    const api = fakeApi(info(3), () => ok({ pdf: null, case: info(3) }));
    const store = createAppStore(api);
    await store.getState().init();
    await settle();
    const options = {
      page: { paper: 'A4', orientation: 'portrait' },
      customer: '',
      consultant: '',
      maskUsers: false,
      language: 'en',
    } as const;
    const sent = (): unknown => (api.printToPdf as ReturnType<typeof vi.fn>).mock.calls.at(-1)?.[0];

    store.getState().setCompare(true);
    await store.getState().printToPdf(options);
    expect(sent()).toMatchObject({ compare: 'previous' });

    store.getState().setCompareAgainst({ from: '2025-05-01', to: '2025-05-07' });
    await store.getState().printToPdf(options);
    expect(sent()).toMatchObject({ compare: { from: '2025-05-01', to: '2025-05-07' } });

    store.getState().setCompare(false);
    await store.getState().printToPdf(options);
    expect(sent()).toMatchObject({ compare: null });
  });

  it('a cancelled save dialog is no error; a refusal is shown', async () => {
    const answers: Awaited<ReturnType<EnrollscopeApi['printToPdf']>>[] = [
      { ok: true, value: { pdf: null, case: info(2) } },
      { ok: false, error: { code: 'busy', message: 'A PDF is being printed. Wait for it to finish.' } },
    ];
    const store = createAppStore(fakeApi(info(2), () => Promise.resolve(answers.shift()!)));
    await store.getState().init();
    await settle();
    const options = {
      page: { paper: 'A4', orientation: 'portrait' } as const,
      customer: '',
      consultant: '',
      maskUsers: false,
      language: 'en',
    } as const;
    await store.getState().printToPdf(options);
    expect(store.getState()).toMatchObject({ printStatus: 'idle', notice: null });
    await store.getState().printToPdf(options);
    expect(store.getState().printStatus).toBe('error');
    expect(shown(store.getState().notice)).toBe(
      'The PDF was not saved: A PDF is being printed. Wait for it to finish.',
    );
  });
});
