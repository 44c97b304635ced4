/**
 * The message catalogs: one JSON file per language and namespace under catalogs/, English the
 * source. A message's id is `namespace.key` (`app.language.label`). The namespaces split the
 * catalogs by who reads them: `common` (section, platform and screen texts, guidance, findings:
 * the app, the PDF and the command line all show them), `app` (the window), `pdf` (the printed
 * report), `chart` (the daily chart, in the app and the PDF), `cli` (`--format text`, CSV
 * headers, notices). Messages are ICU MessageFormat (plurals, selects, numbers), read by FormatJS.
 * test/unit/i18n/catalogs.test.ts fails when a key is missing in a language or a message's
 * placeholders differ from English. Node-free.
 */
import type { Language } from './languages';
import enApp from './catalogs/en/app.json';
import enChart from './catalogs/en/chart.json';
import enCli from './catalogs/en/cli.json';
import enCommon from './catalogs/en/common.json';
import enPdf from './catalogs/en/pdf.json';
import deApp from './catalogs/de/app.json';
import deChart from './catalogs/de/chart.json';
import deCli from './catalogs/de/cli.json';
import deCommon from './catalogs/de/common.json';
import dePdf from './catalogs/de/pdf.json';
import frApp from './catalogs/fr/app.json';
import frChart from './catalogs/fr/chart.json';
import frCli from './catalogs/fr/cli.json';
import frCommon from './catalogs/fr/common.json';
import frPdf from './catalogs/fr/pdf.json';
import esApp from './catalogs/es/app.json';
import esChart from './catalogs/es/chart.json';
import esCli from './catalogs/es/cli.json';
import esCommon from './catalogs/es/common.json';
import esPdf from './catalogs/es/pdf.json';
import jaApp from './catalogs/ja/app.json';
import jaChart from './catalogs/ja/chart.json';
import jaCli from './catalogs/ja/cli.json';
import jaCommon from './catalogs/ja/common.json';
import jaPdf from './catalogs/ja/pdf.json';

export const NAMESPACES = ['common', 'app', 'pdf', 'chart', 'cli'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** The English catalogs: the source of every id. */
const SOURCE = { common: enCommon, app: enApp, pdf: enPdf, chart: enChart, cli: enCli };

/** Every message id, checked by the compiler: a typo in an id does not build. */
export type MessageId = {
  [N in Namespace]: `${N}.${Extract<keyof (typeof SOURCE)[N], string>}`;
}[Namespace];

type Catalog = Readonly<Record<string, string>>;

/** Each language's catalogs by namespace, as they are on disk (for the catalog test too). */
export const CATALOGS: Record<Language, Record<Namespace, Catalog>> = {
  en: SOURCE,
  de: { common: deCommon, app: deApp, pdf: dePdf, chart: deChart, cli: deCli },
  fr: { common: frCommon, app: frApp, pdf: frPdf, chart: frChart, cli: frCli },
  es: { common: esCommon, app: esApp, pdf: esPdf, chart: esChart, cli: esCli },
  ja: { common: jaCommon, app: jaApp, pdf: jaPdf, chart: jaChart, cli: jaCli },
};

const flatCache = new Map<Language, Record<string, string>>();

/** One language's messages by full id (`namespace.key`), English filling any gap. */
export function messagesFor(language: Language): Record<string, string> {
  const cached = flatCache.get(language);
  if (cached) return cached;
  const flat: Record<string, string> = {};
  for (const source of [CATALOGS.en, CATALOGS[language]]) {
    for (const namespace of NAMESPACES) {
      for (const [key, message] of Object.entries(source[namespace])) flat[`${namespace}.${key}`] = message;
    }
  }
  flatCache.set(language, flat);
  return flat;
}
