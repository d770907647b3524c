import { describe, expect, it } from 'vitest';
import { parseBitRate, parseByteSize } from './units.ts';

describe('parseBitRate', () => {
  it.each([
    ['9600bps', 9600],
    ['54Mbps', 54_000_000],
    ['1.5 Mbit/s', 1_500_000],
    ['10Gbps', 10_000_000_000],
    ['100kbps', 100_000],
  ])('%s is %d bit/s', (text, value) => expect(parseBitRate(text)).toEqual({ ok: true, value }));

  it.each(['fast', '10', '10MBps/s', '0bps', '-5Mbps', '0.5bps'])('refuses %j', (text) => {
    expect(parseBitRate(text).ok).toBe(false);
  });
});

describe('parseByteSize', () => {
  it.each([
    ['1500B', 1500],
    ['64KiB', 65_536],
    ['10MB', 10_000_000],
    ['1MiB', 1_048_576],
    ['0.5KiB', 512],
  ])('%s is %d bytes', (text, value) => expect(parseByteSize(text)).toEqual({ ok: true, value }));

  it.each(['big', '10', '1.5B', '3 bytes'])('refuses %j', (text) =>
    expect(parseByteSize(text).ok).toBe(false),
  );
});
