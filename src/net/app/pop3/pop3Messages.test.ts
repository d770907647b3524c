// POP3's wire format against RFC 1939: +OK and -ERR status lines (section 3), multi-line responses
// ended by a `.` line with dot-stuffing, which the client must know per command (LIST and UIDL
// without an argument, RETR and TOP), and commands of 3 or 4 letters.
import { describe, expect, it } from 'vitest';
import {
  encodePop3Command,
  encodePop3Response,
  isMultiLine,
  parseScanListing,
  Pop3CommandReader,
  Pop3ResponseReader,
} from './pop3Messages.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('POP3 messages', () => {
  it('writes commands and responses, a multi-line one dot-stuffed and ended by a dot', () => {
    expect(text(encodePop3Command({ verb: 'retr', argument: '1' }))).toBe('RETR 1\r\n');
    expect(text(encodePop3Response({ ok: false, text: 'no such message' }))).toBe(
      '-ERR no such message\r\n',
    );
    expect(
      text(encodePop3Response({ ok: true, text: '2 messages', body: bytes('1 120\r\n.x\r\n') })),
    ).toBe('+OK 2 messages\r\n1 120\r\n..x\r\n.\r\n');
  });

  it('knows which responses are multi-line (RFC 1939 sections 5 and 7)', () => {
    expect(isMultiLine({ verb: 'LIST', argument: '' })).toBe(true);
    expect(isMultiLine({ verb: 'LIST', argument: '1' })).toBe(false);
    expect(isMultiLine({ verb: 'RETR', argument: '1' })).toBe(true);
    expect(isMultiLine({ verb: 'STAT', argument: '' })).toBe(false);
  });

  it('reads responses in any pieces: the greeting, a -ERR to RETR, a listing, a message', () => {
    const stream = bytes(
      '+OK POP3 ready\r\n-ERR no such message\r\n+OK 1 messages\r\n1 20\r\n.\r\n+OK 20 octets\r\n..dot\r\n.\r\n',
    );
    const reader = new Pop3ResponseReader();
    reader.expect(true); // RETR 9: -ERR, so a single line
    reader.expect(true); // LIST
    reader.expect(true); // RETR 1
    const events = [...stream].flatMap((b) => reader.push(Uint8Array.of(b)));
    expect(
      events.map((e) =>
        e.kind === 'response'
          ? `${e.response.ok ? '+' : '-'}${e.response.text}|${e.response.body ? text(e.response.body) : ''}`
          : e.kind,
      ),
    ).toEqual(['+POP3 ready|', '-no such message|', '+1 messages|1 20\r\n', '+20 octets|.dot\r\n']);
    const listing = events[2];
    expect(
      listing?.kind === 'response' && parseScanListing(listing.response.body as Uint8Array),
    ).toEqual([{ number: 1, size: 20 }]);
  });

  it('reads commands, and reports a line that is none', () => {
    const events = new Pop3CommandReader().push(bytes('user bob\r\nPASS secret words\r\n12\r\n'));
    expect(events).toEqual([
      { kind: 'command', command: { verb: 'USER', argument: 'bob' } },
      { kind: 'command', command: { verb: 'PASS', argument: 'secret words' } },
      { kind: 'error', reason: 'not a command: 12' },
    ]);
  });
});
