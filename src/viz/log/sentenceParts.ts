// Small pieces the event log's sentences share, here and in the kinds' own narration
// (src/kinds/*/…View.ts): errno names with their meaning, state names as words, durations,
// message names and figures, each in the language asked for (English by default).

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { SocketErrorCode } from '../../net/transport/socketTrace.ts';
import { narratePhrases } from './narratePhrases.ts';

/** The meaning of an errno name (`the peer reset the connection`), or undefined for others. */
export function errnoMeaning(error: string, language: Language = ENGLISH): string | undefined {
  const key = `errno.${error as SocketErrorCode}` as const;
  return Object.hasOwn(narratePhrases.english, key)
    ? narratePhrases.in(language).say(key)
    : undefined;
}

/** An errno name with what it means: `ECONNREFUSED: nobody is listening on that port ...`. */
export function errorText(error: string, language: Language = ENGLISH): string {
  const meaning = errnoMeaning(error, language);
  return meaning ? `${error}: ${meaning}` : error;
}

/**
 * camelCase state names as words (`waitingForIo` → `waiting for io`) in English; other
 * languages keep the name as the machine has it (an identifier, quoted by the sentence).
 */
export function words(name: string, language: Language = ENGLISH): string {
  if (language !== ENGLISH) return name;
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** `request 3` or `request 3 (retry 1)`, as the trace's message labels read (German: Anfrage). */
export function messageName(
  kind: 'request' | 'reply',
  seq: number,
  attempt: number,
  language: Language = ENGLISH,
): string {
  const speech = narratePhrases.in(language);
  const message = speech.say(kind === 'request' ? 'message.request' : 'message.reply', {
    seq: String(seq),
  });
  return attempt > 0 ? speech.say('message.retry', { message, attempt: String(attempt) }) : message;
}
