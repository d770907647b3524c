// Internet messages against RFC 5322: fields and body as CRLF lines (section 2.1), folded fields
// unfolded (2.2.3), the date-time format (3.3), and RFC 2047 encoded words for a Subject that is
// not ASCII.
import { describe, expect, it } from 'vitest';
import {
  decodeHeaderText,
  decodeMailMessage,
  encodeHeaderText,
  encodeMailMessage,
  headerValue,
  mailDate,
  splitAddress,
} from './mailMessage.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('an RFC 5322 message', () => {
  it('writes its date-time in UTC with the day of the week (section 3.3)', () => {
    expect(mailDate(0)).toBe('Thu, 01 Jan 1970 00:00:00 +0000');
    expect(mailDate(Date.UTC(2024, 1, 29, 13, 5, 9))).toBe('Thu, 29 Feb 2024 13:05:09 +0000');
  });

  it('writes fields, an empty line and the body, every line ending in CRLF', () => {
    const bytes = encodeMailMessage({
      headers: [
        ['From', 'alice@a.example'],
        ['Received', 'from a\r\n\tby b'],
      ],
      body: 'Hello\nBob',
    });
    expect(text(bytes)).toBe(
      'From: alice@a.example\r\nReceived: from a\r\n\tby b\r\n\r\nHello\r\nBob\r\n',
    );
    const back = decodeMailMessage(bytes);
    expect(back.headers).toEqual([
      ['From', 'alice@a.example'],
      ['Received', 'from a\tby b'],
    ]);
    expect(headerValue(back, 'received')).toBe('from a\tby b');
    expect(back.body).toBe('Hello\r\nBob\r\n');
  });

  it('encodes a Subject that is not ASCII as an RFC 2047 word, and decodes B and Q words', () => {
    expect(encodeHeaderText('Hello')).toBe('Hello');
    const word = encodeHeaderText('Grüße');
    expect(word).toBe('=?UTF-8?B?R3LDvMOfZQ==?=');
    expect(decodeHeaderText(word)).toBe('Grüße');
    expect(decodeHeaderText('=?utf-8?q?Gr=C3=BC=C3=9Fe_aus?= Berlin')).toBe('Grüße aus Berlin');
  });

  it('splits an address at its last @, the domain in lower case', () => {
    expect(splitAddress('Bob@B.Example')).toEqual({ local: 'Bob', domain: 'b.example' });
    expect(splitAddress('nobody')).toBeUndefined();
    expect(splitAddress('@b.example')).toBeUndefined();
  });
});
