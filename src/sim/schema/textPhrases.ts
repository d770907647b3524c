// Phrases for the errors of the parsers below the validator (addresses and prefixes in net/wire,
// durations in engine/time.ts), which give English text only. Each error is matched against the
// phrases it could be for the text that was read; the one whose English is exactly the error is
// its phrase. An error no phrase matches (a parser that changed its words) keeps no phrase and is
// shown in English, never with a wrong translation.

import { formatPrefix, parsePrefix } from '../../net/wire/ipv4Address.ts';
import { phrase, sayPhrase, type Phrase } from './phrase.ts';

/** The first candidate whose English is `error`, if any. */
function matching(error: string, candidates: readonly Phrase[]): Phrase | undefined {
  return candidates.find((p) => sayPhrase(p) === error);
}

/** The phrases parseIpv4 may have meant for `text`'s parts. */
function ipv4Candidates(text: string): Phrase[] {
  const example = phrase('text.ipv4.example');
  const parts = text.trim().split('.');
  const whys: Phrase[] = [
    phrase('text.ipv4.empty', { example }),
    phrase('text.ipv4.parts', { count: `${parts.length}`, example }),
    phrase('text.ipv4.emptyPart', { example }),
    ...parts.flatMap((part) => [
      phrase('text.ipv4.notNumber', { part, example }),
      phrase('text.ipv4.leadingZero', { part, number: `${Number(part)}` }),
      phrase('text.ipv4.tooBig', { part }),
    ]),
  ];
  return whys.map((why) => phrase('text.ipv4', { text, why }));
}

/** The phrase of parseIpv4's error for `text`. */
export function ipv4ErrorPhrase(text: string, error: string): Phrase | undefined {
  return matching(error, ipv4Candidates(text));
}

/** The phrase of parsePrefix's error for `text`. */
export function prefixErrorPhrase(text: string, error: string): Phrase | undefined {
  const slash = text.trim().indexOf('/');
  const address = text.trim().slice(0, slash);
  const length = text.trim().slice(slash + 1);
  const loose = parsePrefix(text, { strict: false });
  return matching(error, [
    phrase('text.prefix.form', { text }),
    ...ipv4Candidates(address).map((why) => phrase('text.prefix.address', { text, why })),
    phrase('text.prefix.length', { text, length }),
    ...(loose.ok
      ? [phrase('text.prefix.hostBits', { text, network: formatPrefix(loose.prefix) })]
      : []),
  ]);
}

/** The phrase of parseDuration's error for `text`. */
export function durationErrorPhrase(text: string, error: string): Phrase | undefined {
  return matching(error, [
    phrase('text.duration', { text }),
    phrase('text.duration.whole', { text }),
    phrase('text.duration.tooLong', { text }),
  ]);
}
