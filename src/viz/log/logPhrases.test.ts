// The event log's phrasebooks: each German catalog is whole (same keys and parameters as the
// English one, plural where English is, no markup), and the errno meanings say what the
// transport layer's own table says.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { SOCKET_ERROR_TEXT } from '../../net/transport/socketTrace.ts';
import { NARRATE_EN } from './narratePhrases.ts';
import { NARRATE_DE } from './narratePhrases.de.ts';
import { PACKET_EN } from './packetPhrases.ts';
import { PACKET_DE } from './packetPhrases.de.ts';
import { SERVER_EN } from './serverPhrases.ts';
import { SERVER_DE } from './serverPhrases.de.ts';
import { TCP_EN } from './tcpPhrases.ts';
import { TCP_DE } from './tcpPhrases.de.ts';

describe('the event log’s phrasebooks', () => {
  it.each([
    ['narrate', NARRATE_EN, NARRATE_DE],
    ['packet', PACKET_EN, PACKET_DE],
    ['tcp', TCP_EN, TCP_DE],
    ['server', SERVER_EN, SERVER_DE],
  ])('%s: the German translation is whole', (_, english, german) => {
    expect(translationProblems(english, german)).toEqual([]);
  });

  it('gives every errno the meaning the transport layer gives it, in English', () => {
    for (const [code, meaning] of Object.entries(SOCKET_ERROR_TEXT))
      expect(NARRATE_EN[`errno.${code}` as keyof typeof NARRATE_EN]).toBe(meaning);
    const errnos = Object.keys(NARRATE_EN).filter((key) => key.startsWith('errno.'));
    expect(errnos).toHaveLength(Object.keys(SOCKET_ERROR_TEXT).length);
  });
});
