import { describe, expect, it } from 'vitest';
import { readTcpOptions, tcpOptionsLength, writeTcpOptions } from './tcpOptions.ts';
import type { TcpOption } from './tcpOptions.ts';

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (p) => parseInt(p, 16));
}

function encode(options: TcpOption[]): Uint8Array {
  const out = new Uint8Array(tcpOptionsLength(options));
  writeTcpOptions(options, out, 0);
  return out;
}

describe('TCP options', () => {
  it('lays out a Linux SYN as tcpdump shows it: mss, sackOK, TS, nop, wscale', () => {
    // From the published SYN: options [mss 1460,sackOK,TS val 813903 ecr 0,nop,wscale 7]
    // are the 20 bytes 0204 05b4 0402 080a 000c 6b4f 0000 0000 0103 0307.
    const options: TcpOption[] = [
      { kind: 'mss', value: 1460 },
      { kind: 'sackPermitted' },
      { kind: 'timestamps', value: 813903, echoReply: 0 },
      { kind: 'nop' },
      { kind: 'windowScale', shift: 7 },
    ];
    expect(encode(options)).toEqual(hex('0204 05b4 0402 080a 000c 6b4f 0000 0000 0103 0307'));
  });

  it('pads to a 32-bit boundary with End of Option List and stops reading at EOL', () => {
    // RFC 9293 3.2: EOL (kind 0) ends the list; the rest of the header is zero padding.
    const bytes = encode([{ kind: 'mss', value: 536 }, { kind: 'sackPermitted' }]);
    expect(bytes).toEqual(hex('0204 0218 0402 0000'));
    expect(readTcpOptions(bytes, 0, bytes.length)).toEqual({
      ok: true,
      options: [{ kind: 'mss', value: 536 }, { kind: 'sackPermitted' }],
    });
  });

  it('encodes SACK blocks as pairs of 32-bit edges (RFC 2018)', () => {
    const bytes = encode([
      { kind: 'nop' },
      { kind: 'nop' },
      { kind: 'sack', blocks: [{ left: 0x01020304, right: 0x05060708 }] },
    ]);
    expect(bytes).toEqual(hex('0101 050a 0102 0304 0506 0708'));
  });

  it('keeps a known kind with an odd length as unknown, byte for byte', () => {
    const bytes = hex('0203 0701');
    const read = readTcpOptions(bytes, 0, 4);
    expect(read).toEqual({
      ok: true,
      options: [{ kind: 'unknown', type: 2, data: hex('07') }, { kind: 'nop' }],
    });
  });

  it('refuses lists longer than the 40 bytes a header holds', () => {
    const many: TcpOption[] = Array.from({ length: 5 }, () => ({
      kind: 'timestamps',
      value: 1,
      echoReply: 2,
    }));
    expect(() => encode(many)).toThrow(/at most 40/);
  });

  it('reports a missing length octet and an option that runs past the header', () => {
    expect(readTcpOptions(hex('0101 0102'), 0, 4)).toEqual({
      ok: false,
      error: 'TCP option kind 2 has no length octet',
    });
    expect(readTcpOptions(hex('0801 0000'), 0, 4)).toMatchObject({ ok: false });
  });
});
