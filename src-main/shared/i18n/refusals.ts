/**
 * Why a file was refused, in the reader's language. The import writes its reason in English (the
 * case keeps it, the JSON and stderr show it); the reasons that are fixed sentences (a binary
 * format, an empty file, not an enrollment file, a file that cannot be opened) have a message
 * here. A reason with the file's own numbers or values in it (`truncated JSON at line 12`,
 * `already imported as …`) has none yet and is shown as the import wrote it. Node-free.
 */
import type { MessageId } from './messages';
import type { MessageValues, Translator } from './translator';

interface Refusal {
  readonly id: MessageId;
  readonly values?: MessageValues;
}

const image = (format: string): Refusal => ({ id: 'common.refusal.image', values: { format } });
const archive = (format: string): Refusal => ({ id: 'common.refusal.archive', values: { format } });

/** Each fixed reason as the import writes it, and its message. */
export const REFUSAL_MESSAGE: Readonly<Record<string, Refusal>> = {
  'a SQLite database, not an enrollment file': { id: 'common.refusal.sqlite' },
  'an image (PNG), not an enrollment file': image('PNG'),
  'an image (JPEG), not an enrollment file': image('JPEG'),
  'an image (GIF), not an enrollment file': image('GIF'),
  'an image (WebP), not an enrollment file': image('WebP'),
  'an image (TIFF), not an enrollment file': image('TIFF'),
  'a PDF document, not an enrollment file': { id: 'common.refusal.pdf' },
  'a gzip archive: only ZIP archives are supported': archive('gzip'),
  'a 7-Zip archive: only ZIP archives are supported': archive('7-Zip'),
  'a RAR archive: only ZIP archives are supported': archive('RAR'),
  'an xz archive: only ZIP archives are supported': { id: 'common.refusal.xzArchive' },
  'a legacy Office document (.xls): save the sheet as CSV': { id: 'common.refusal.xls' },
  'an Excel workbook: save the sheet as CSV': { id: 'common.refusal.xlsx' },
  'a program (ELF), not an enrollment file': { id: 'common.refusal.program' },
  'empty file': { id: 'common.refusal.empty' },
  'nested ZIP not supported': { id: 'common.refusal.nestedZip' },
  'not an enrollment file (no event, initiated or userAction column)': { id: 'common.refusal.notEnrollment' },
  'file not found': { id: 'common.refusal.notFound' },
  'no such file': { id: 'common.refusal.noSuchFile' },
  'a link that loops': { id: 'common.refusal.linkLoops' },
  'cannot be read': { id: 'common.refusal.unreadable' },
  'permission denied': { id: 'common.refusal.permissionDenied' },
  'a folder, not a file': { id: 'common.refusal.folder' },
  'not a regular file (a pipe or a device)': { id: 'common.refusal.notRegular' },
  'nothing to import': { id: 'common.refusal.nothing' },
  'a single JSON value, not an enrollment file': { id: 'common.refusal.jsonValue' },
  'a JSON object that is neither an Intune report (Schema/Values) nor a Graph response (value)': {
    id: 'common.refusal.jsonObject',
  },
  'JSON nested too deeply to read': { id: 'common.refusal.jsonTooDeep' },
};

/** A refused file's reason as the reader reads it: English as the import wrote it; another language when the reason is a fixed one. */
export function refusalLabel({ t, language }: Pick<Translator, 't' | 'language'>, reason: string): string {
  const known = REFUSAL_MESSAGE[reason];
  return language === 'en' || known === undefined ? reason : t(known.id, known.values);
}
