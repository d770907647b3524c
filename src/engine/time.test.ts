import { describe, expect, it } from 'vitest';
import { formatDuration, msToNs, parseDuration } from './time.ts';

describe('parseDuration', () => {
  it.each([
    ['250us', 250_000],
    ['250µs', 250_000],
    ['500ms', 500_000_000],
    ['2s', 2_000_000_000],
    ['1m', 60_000_000_000],
    ['1h', 3_600_000_000_000],
    ['1.5s', 1_500_000_000],
    ['0.5ns', NaN],
    ['12ns', 12],
    [' 3 ms ', 3_000_000],
  ])('%s', (text, ns) => {
    const result = parseDuration(text);
    if (Number.isNaN(ns)) {
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/whole number/) });
    } else {
      expect(result).toEqual({ ok: true, ns });
    }
  });

  it.each(['', '10', 'ms', '-5ms', '5 days', '1e3ms', 'abc'])(
    'refuses %j with a message',
    (text) => {
      const result = parseDuration(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/expected a number and a unit/);
    },
  );

  it('refuses durations past 2^53 ns', () => {
    expect(parseDuration('200000h')).toEqual({
      ok: false,
      error: expect.stringMatching(/too long/),
    });
  });
});

describe('formatDuration and msToNs', () => {
  it('formats in the largest unit that keeps the number at least 1', () => {
    expect(formatDuration(1_500_000_000)).toBe('1.5 s');
    expect(formatDuration(20_000_000)).toBe('20 ms');
    expect(formatDuration(250_000)).toBe('250 µs');
    expect(formatDuration(12)).toBe('12 ns');
  });
  it('converts XState milliseconds to nanoseconds', () => {
    expect(msToNs(3_600_000)).toBe(3_600_000_000_000);
    expect(msToNs(0.0015)).toBe(1500);
  });
});
