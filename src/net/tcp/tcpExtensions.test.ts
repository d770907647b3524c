import { describe, expect, it } from 'vitest';
import { tcpOptionsLength, writeTcpOptions, type TcpOption } from '../wire/tcpOptions.ts';
import {
  MAX_SCALED_WINDOW,
  negotiate,
  nextTsRecent,
  ourOffer,
  segmentOptions,
  synOfferOf,
  synOptions,
  tsClock,
  windowShiftFor,
  type ExtensionSettings,
} from './tcpExtensions.ts';

function hex(options: TcpOption[]): string {
  const out = new Uint8Array(tcpOptionsLength(options));
  writeTcpOptions(options, out, 0);
  return Buffer.from(out).toString('hex');
}

const ALL: ExtensionSettings = {
  windowScaling: true,
  timestamps: true,
  sack: true,
  receiveBuffer: 65_535,
};

describe('windowShiftFor (RFC 7323 2.3)', () => {
  it('is the smallest shift with buffer <= 65535 * 2^shift, at most 14', () => {
    // 65535 fits unscaled; 65536 needs 2^1; 262144 > 65535 * 4 = 262140 needs 2^3.
    expect(windowShiftFor(65_535)).toBe(0);
    expect(windowShiftFor(65_536)).toBe(1);
    expect(windowShiftFor(131_070)).toBe(1);
    expect(windowShiftFor(131_071)).toBe(2);
    expect(windowShiftFor(262_140)).toBe(2);
    expect(windowShiftFor(262_144)).toBe(3);
    expect(windowShiftFor(MAX_SCALED_WINDOW)).toBe(14);
    expect(windowShiftFor(MAX_SCALED_WINDOW + 1)).toBe(14);
  });
});

describe('SYN options in Linux’s layout (net/ipv4/tcp_output.c)', () => {
  const ts = { value: 813903, echoReply: 0 };

  it('lays out all three as a Linux SYN: mss, sackOK, TS, nop, wscale', () => {
    // tcpdump: [mss 1460,sackOK,TS val 813903 ecr 0,nop,wscale 7] (see tcpOptions.test.ts).
    const offer = ourOffer({ ...ALL, receiveBuffer: 65_535 * 128 });
    expect(hex(synOptions(1460, offer, ts))).toBe('020405b40402080a000c6b4f0000000001030307');
  });

  it('pads timestamps alone with two NOPs, SACK-permitted alone with two, wscale with one', () => {
    const only = (s: Partial<ExtensionSettings>) =>
      hex(
        synOptions(
          1460,
          ourOffer({
            windowScaling: false,
            timestamps: false,
            sack: false,
            ...s,
            receiveBuffer: 1,
          }),
          ts,
        ),
      );
    // [mss 1460,nop,nop,TS val 813903 ecr 0]
    expect(only({ timestamps: true })).toBe('020405b40101080a000c6b4f00000000');
    // [mss 1460,nop,nop,sackOK]
    expect(only({ sack: true })).toBe('020405b401010402');
    // [mss 1460,nop,wscale 0]
    expect(only({ windowScaling: true })).toBe('020405b401030300');
  });

  it('answers a SYN with only what it offered (RFC 7323 2.2, 3.2; RFC 2018 2)', () => {
    const peer = synOfferOf([{ kind: 'mss', value: 1460 }, { kind: 'sackPermitted' }]);
    expect(ourOffer(ALL, peer)).toEqual({ sackPermitted: true });
    expect(synOptions(1460, ourOffer(ALL, peer), ts)).toEqual([
      { kind: 'mss', value: 1460 },
      { kind: 'nop' },
      { kind: 'nop' },
      { kind: 'sackPermitted' },
    ]);
  });
});

describe('negotiate', () => {
  it('uses an extension only when both SYNs carried its option', () => {
    const ours = ourOffer({ ...ALL, receiveBuffer: 1 << 20 });
    expect(ours.windowShift).toBe(5); // 2^20 > 65535 * 16 = 1048560
    const peer = synOfferOf([
      { kind: 'windowScale', shift: 7 },
      { kind: 'timestamps', value: 5, echoReply: 0 },
    ]);
    expect(negotiate(ours, peer)).toEqual({
      rcvShift: 5,
      sndShift: 7,
      timestamps: true,
      sack: false,
    });
    const none = synOfferOf([{ kind: 'mss', value: 1460 }]);
    expect(negotiate(ours, none)).toEqual({
      rcvShift: 0,
      sndShift: 0,
      timestamps: false,
      sack: false,
    });
  });

  it('takes a shift above 14 as 14 (RFC 7323 2.3)', () => {
    const peer = synOfferOf([{ kind: 'windowScale', shift: 15 }]);
    expect(negotiate(ourOffer(ALL), peer).sndShift).toBe(14);
  });
});

describe('segment options after the SYNs', () => {
  const agreed = { rcvShift: 0, sndShift: 0, timestamps: true, sack: true };
  const block = (n: number) => ({ left: n * 10, right: n * 10 + 5 });

  it('carries NOP, NOP, timestamps, then NOP, NOP, SACK as Linux does', () => {
    const options = segmentOptions(agreed, { value: 7, echoReply: 3 }, [block(1)]);
    // 12 bytes of timestamps and 12 of SACK: 0101080a 00000007 00000003 0101050a 0000000a 0000000f
    expect(hex(options)).toBe('0101080a00000007000000030101050a0000000a0000000f');
  });

  it('sends at most 3 SACK blocks beside timestamps and 4 without (RFC 2018 3)', () => {
    const blocks = [1, 2, 3, 4, 5].map(block);
    const sack = (o: TcpOption[]) => o.find((x) => x.kind === 'sack');
    const withTs = segmentOptions(agreed, { value: 1, echoReply: 1 }, blocks);
    expect(sack(withTs)).toEqual({ kind: 'sack', blocks: blocks.slice(0, 3) });
    expect(tcpOptionsLength(withTs)).toBe(12 + 28);
    const alone = segmentOptions({ ...agreed, timestamps: false }, undefined, blocks);
    expect(sack(alone)).toEqual({ kind: 'sack', blocks: blocks.slice(0, 4) });
    expect(tcpOptionsLength(alone)).toBe(36);
  });

  it('is empty for plain TCP', () => {
    const plain = { rcvShift: 0, sndShift: 0, timestamps: false, sack: false };
    expect(segmentOptions(plain, { value: 1, echoReply: 1 }, [block(1)])).toEqual([]);
  });
});

describe('timestamps (RFC 7323 4.3, 5.4)', () => {
  it('ticks once per millisecond and wraps at 2^32', () => {
    expect(tsClock(0)).toBe(0);
    expect(tsClock(20_070_400)).toBe(20);
    expect(tsClock((2 ** 32 + 3) * 1_000_000)).toBe(3);
  });

  it('keeps a newer TSval only from a segment at or before Last.ACK.sent', () => {
    // RFC 7323 4.3 (2): SEG.TSval >= TS.Recent and SEG.SEQ <= Last.ACK.sent.
    expect(nextTsRecent(100, { seq: 1000, tsVal: 105 }, 1000)).toBe(105);
    // A segment past Last.ACK.sent (a delayed ACK's second segment) leaves the first one's echo.
    expect(nextTsRecent(100, { seq: 2460, tsVal: 106 }, 1000)).toBe(100);
    // An older TSval is never kept, even modulo 2^32 (0xfffffff0 is older than 5).
    expect(nextTsRecent(100, { seq: 1000, tsVal: 99 }, 1000)).toBe(100);
    expect(nextTsRecent(0xfffffff0, { seq: 1000, tsVal: 5 }, 1000)).toBe(5);
  });
});
