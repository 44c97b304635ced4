/**
 * A message the store keeps for the user (a notice, an import error): the store does not know the
 * window's language, so it keeps the message's id and values and the view translates them. Text
 * that is already words (main's one-line errors, file paths) stays a plain string.
 */
import type { MessageId } from '../../src-main/shared/i18n/messages';
import type { MessageValues, Translator } from '../../src-main/shared/i18n/translator';

export type UserMessage = string | { readonly id: MessageId; readonly values?: MessageValues };

export const messageText = (t: Translator['t'], message: UserMessage): string =>
  typeof message === 'string' ? message : t(message.id, message.values);
