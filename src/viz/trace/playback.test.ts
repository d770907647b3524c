// The playback clock: speeds, the end of the recording, stepping, seeking, skipping quiet gaps.
import { describe, expect, it } from 'vitest';
import {
  FAST_FRAME_NS,
  MAX_FRAME_MS,
  QUIET_LEAD_MS,
  SPEEDS,
  advance,
  clampTime,
  formatClock,
  formatExactTime,
  initialPlayback,
  pause,
  play,
  quietSkip,
  seek,
  setSpeed,
  speedLabel,
  stepBack,
  stepEvent,
  stepPacket,
  stepPacketBack,
  togglePlay,
  type EventTimes,
} from './playback.ts';

const S = 1_000_000_000;

/** Record times 0, 10, 20, 50 ms; packets at 10 and 50 ms. */
const times: EventTimes = (() => {
  const all = [0, 10e6, 20e6, 50e6];
  const packets = [10e6, 50e6];
  const next = (list: number[], t: number) => list.find((x) => x > t) ?? null;
  const prev = (list: number[], t: number) => [...list].reverse().find((x) => x < t) ?? null;
  return {
    nextTime: (t) => next(all, t),
    previousTime: (t) => prev(all, t),
    nextPacketTime: (t) => next(packets, t),
    previousPacketTime: (t) => prev(packets, t),
  };
})();

describe('playback', () => {
  it('advances simulated time from wall time at every speed from 1/1000x to 1000x', () => {
    for (const speed of SPEEDS) {
      if (speed === 'max') continue;
      const p = play(setSpeed(initialPlayback(), speed), 1e6 * S);
      // 16 ms of wall time is 16 ms x speed of simulated time.
      expect(advance(p, 16, 1e6 * S).time).toBe(Math.round(16e6 * speed));
    }
    expect(speedLabel(0.001)).toBe('1/1000×');
    expect(speedLabel(1)).toBe('1×');
    expect(speedLabel(1000)).toBe('1000×');
    expect(speedLabel('max')).toBe('as fast as possible');
  });

  it('does not move while paused, and counts a long frame as MAX_FRAME_MS', () => {
    const p = setSpeed(initialPlayback(), 1);
    expect(advance(p, 16, S)).toBe(p);
    const playing = play(p, S);
    expect(advance(playing, 5000, S).time).toBe(MAX_FRAME_MS * 1e6);
    expect(advance(playing, -3, S).time).toBe(0);
  });

  it('as fast as possible moves a fixed large step per frame, bounded by the end', () => {
    const p = play(setSpeed(initialPlayback(), 'max'), 10 * S);
    expect(advance(p, 16, 10 * S).time).toBe(FAST_FRAME_NS);
    expect(advance(p, 1, 10 * S).time).toBe(FAST_FRAME_NS);
    // A long run: a fraction of it per frame.
    expect(advance(p, 16, 3000 * S).time).toBe(10 * S);
    const last = advance({ ...p, time: 10 * S - 1 }, 16, 10 * S);
    expect(last).toEqual({ time: 10 * S, playing: false, speed: 'max' });
  });

  it('pauses at the end of a finished run, waits at the end of one still recording', () => {
    const p = play(setSpeed(initialPlayback(), 1), S);
    const near = { ...p, time: S - 1000 };
    expect(advance(near, 16, S)).toEqual({ time: S, playing: false, speed: 1 });
    expect(advance(near, 16, S, false)).toEqual({ time: S, playing: true, speed: 1 });
    // Play at the end of a finished run starts again from 0; of a recording one, stays.
    expect(play({ ...p, time: S, playing: false }, S).time).toBe(0);
    expect(play({ ...p, time: S, playing: false }, S, false).time).toBe(S);
    expect(togglePlay(p, S).playing).toBe(false);
    expect(togglePlay(pause(p), S).playing).toBe(true);
  });

  it('clamps to [0, end] in whole nanoseconds', () => {
    expect(clampTime(-5, 100)).toBe(0);
    expect(clampTime(150, 100)).toBe(100);
    expect(clampTime(10.6, 100)).toBe(11);
    expect(clampTime(Infinity, 100)).toBe(100);
    expect(clampTime(NaN, 100)).toBe(0);
    expect(seek(initialPlayback(), 40e6, 30e6).time).toBe(30e6);
    expect(seek({ ...initialPlayback(), playing: true }, 5, 30).playing).toBe(true);
  });

  it('steps to the next and previous event and packet event, pausing', () => {
    const p = play(initialPlayback(), 50e6);
    const one = stepEvent(p, times, 50e6);
    expect(one).toMatchObject({ time: 10e6, playing: false });
    expect(stepEvent(one, times, 50e6).time).toBe(20e6);
    expect(stepEvent({ ...one, time: 50e6 }, times, 50e6).time).toBe(50e6);
    expect(stepPacket({ ...one, time: 10e6 }, times, 50e6).time).toBe(50e6);
    // The recording so far ends at 30 ms: stepping never goes past it.
    expect(stepPacket({ ...one, time: 10e6 }, times, 30e6).time).toBe(30e6);
    expect(stepBack({ ...one, time: 20e6 }, times, 50e6).time).toBe(10e6);
    expect(stepBack({ ...one, time: 0 }, times, 50e6).time).toBe(0);
    expect(stepPacketBack({ ...one, time: 40e6 }, times, 50e6).time).toBe(10e6);
  });

  it('skips a quiet stretch to just before the next packet event', () => {
    const p = play(setSpeed(initialPlayback(), 0.01), 10 * S);
    // At 1/100x, 1 s of simulated quiet is 100 s of wall time: jump to 150 ms (wall) before it.
    expect(quietSkip(p, false, S)).toBe(S - QUIET_LEAD_MS * 1e4);
    expect(quietSkip(p, true, S)).toBeNull();
    expect(quietSkip(p, false, null)).toBeNull();
    expect(quietSkip(p, false, 1e6)).toBeNull();
    expect(quietSkip(pause(p), false, S)).toBeNull();
    expect(quietSkip(setSpeed(p, 'max'), false, S)).toBeNull();
  });

  it('writes times with every nanosecond', () => {
    expect(formatClock(0)).toBe('0.000 000 000 s');
    expect(formatClock(20_012_445)).toBe('0.020 012 445 s');
    expect(formatClock(12 * S + 5)).toBe('12.000 000 005 s');
    expect(formatExactTime(0)).toBe('0 s');
    expect(formatExactTime(20_012_445)).toBe('20.012445 ms');
    expect(formatExactTime(1_200_000_000)).toBe('1.2 s');
    expect(formatExactTime(12_445)).toBe('12.445 µs');
    expect(formatExactTime(850)).toBe('850 ns');
  });
});
