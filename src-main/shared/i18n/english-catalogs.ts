/**
 * The English catalogs, the source of every message id, apart from the other languages': what
 * needs only English (the JSON's machine texts) loads 64 KB of catalogs instead of 360 KB.
 * messages.ts adds the translations. Node-free.
 */
import enApp from './catalogs/en/app.json';
import enChart from './catalogs/en/chart.json';
import enCli from './catalogs/en/cli.json';
import enCommon from './catalogs/en/common.json';
import enPdf from './catalogs/en/pdf.json';

export const NAMESPACES = ['common', 'app', 'pdf', 'chart', 'cli'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type Catalog = Readonly<Record<string, string>>;

/** The English catalogs by namespace. */
export const ENGLISH = { common: enCommon, app: enApp, pdf: enPdf, chart: enChart, cli: enCli };

/** Every message id, checked by the compiler: a typo in an id does not build. */
export type MessageId = {
  [N in Namespace]: `${N}.${Extract<keyof (typeof ENGLISH)[N], string>}`;
}[Namespace];

/** Catalogs by namespace as one record by full id (`namespace.key`), later catalogs winning. */
export function flatMessages(...layers: readonly Record<Namespace, Catalog>[]): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const source of layers) {
    for (const namespace of NAMESPACES) {
      for (const [key, message] of Object.entries(source[namespace])) flat[`${namespace}.${key}`] = message;
    }
  }
  return flat;
}

let english: Record<string, string> | undefined;

/** The English messages by full id. */
export function englishMessages(): Record<string, string> {
  english ??= flatMessages(ENGLISH);
  return english;
}
