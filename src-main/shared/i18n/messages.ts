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
import { ENGLISH, flatMessages, type Catalog, type Namespace } from './english-catalogs';
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

export { NAMESPACES, type MessageId, type Namespace } from './english-catalogs';

/** Each language's catalogs by namespace, as they are on disk (for the catalog test too). */
export const CATALOGS: Record<Language, Record<Namespace, Catalog>> = {
  en: ENGLISH,
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
  const flat = flatMessages(CATALOGS.en, CATALOGS[language]);
  flatCache.set(language, flat);
  return flat;
}
