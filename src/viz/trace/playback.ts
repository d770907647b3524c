// The playback clock, as pure functions: simulated time advanced from wall time at a chosen speed
// (1/1000x to 1000x real time, or as fast as possible), pause, stepping and seeking, always
// clamped to [0, end], where `end` is the last moment recorded so far; and how the controls
// write speeds and times in a language.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { formatMoment } from '../../engine/time.ts';

export { formatMoment };
import { playbackPhrases } from './playbackPhrases.ts';

/** Simulated seconds per wall second, or 'max': a fixed large step of simulated time per frame. */
export type Speed = number | 'max';

export interface Playback {
  /** The moment shown, in whole ns. */
  time: number;
  playing: boolean;
  speed: Speed;
}

/** What stepping needs to know about the trace (TraceIndex provides it). */
export interface EventTimes {
  nextTime(t: number): number | null;
  previousTime(t: number): number | null;
  nextPacketTime(t: number): number | null;
  previousPacketTime(t: number): number | null;
}

/** The speeds the selector offers, slowest first. */
export const SPEEDS: readonly Speed[] = [0.001, 0.01, 0.1, 1, 10, 100, 1000, 'max'];
/** A packet crossing a 20 ms link takes 2 s to watch at this speed. */
export const DEFAULT_SPEED: Speed = 0.01;
/** "As fast as possible": simulated time per frame, at least this much... */
export const FAST_FRAME_NS = 50_000_000;
/** ...or this fraction of the recorded time, whichever is more (a long run in ~5 s at 60 fps). */
export const FAST_FRAME_FRACTION = 1 / 300;
/** A frame longer than this (a hidden tab, a pause in the debugger) counts as this long. */
export const MAX_FRAME_MS = 100;
/** Skipping quiet stretches: a gap without packets longer than this much wall time is cut... */
export const QUIET_WALL_MS = 600;
/** ...down to this much wall time before the next packet event. */
export const QUIET_LEAD_MS = 150;

/** The initial state: paused at 0. */
export function initialPlayback(speed: Speed = DEFAULT_SPEED): Playback {
  return { time: 0, playing: false, speed };
}

/** Keeps t within [0, end], in whole ns. */
export function clampTime(t: number, end: number): number {
  if (!Number.isFinite(t)) return t > 0 ? Math.max(0, end) : 0;
  return Math.min(Math.max(0, end), Math.max(0, Math.round(t)));
}

/** Simulated ns per wall ms at a numeric speed. */
export function nsPerWallMs(speed: number): number {
  return speed * 1e6;
}

/**
 * One frame of `wallMs` wall time. At the end of a finished run playback pauses; while a run is
 * still recording it waits at the end for more.
 */
export function advance(p: Playback, wallMs: number, end: number, finished = true): Playback {
  if (!p.playing) return p;
  const ms = Math.min(Math.max(0, wallMs), MAX_FRAME_MS);
  const step =
    p.speed === 'max'
      ? Math.max(FAST_FRAME_NS, end * FAST_FRAME_FRACTION)
      : nsPerWallMs(p.speed) * ms;
  const time = clampTime(p.time + step, end);
  const atEnd = time >= end;
  return { ...p, time, playing: !(atEnd && finished) };
}

/** Starts playing; from the start again when a finished run is at its end. */
export function play(p: Playback, end: number, finished = true): Playback {
  const time = finished && p.time >= end ? 0 : clampTime(p.time, end);
  return { ...p, time, playing: true };
}

export function pause(p: Playback): Playback {
  return p.playing ? { ...p, playing: false } : p;
}

export function togglePlay(p: Playback, end: number, finished = true): Playback {
  return p.playing ? pause(p) : play(p, end, finished);
}

/** Shows moment t (paused if stepping, playing on if it was). */
export function seek(p: Playback, t: number, end: number): Playback {
  return { ...p, time: clampTime(t, end) };
}

export function setSpeed(p: Playback, speed: Speed): Playback {
  return { ...p, speed };
}

/** Pauses at the next record time after the current one (or the end). */
export function stepEvent(p: Playback, times: EventTimes, end: number): Playback {
  return { ...p, playing: false, time: clampTime(times.nextTime(p.time) ?? end, end) };
}

/** Pauses at the previous record time (or 0). */
export function stepBack(p: Playback, times: EventTimes, end: number): Playback {
  return { ...p, playing: false, time: clampTime(times.previousTime(p.time) ?? 0, end) };
}

/** Pauses at the next moment a packet begins, ends, arrives or is dropped (or the end). */
export function stepPacket(p: Playback, times: EventTimes, end: number): Playback {
  return { ...p, playing: false, time: clampTime(times.nextPacketTime(p.time) ?? end, end) };
}

/** Pauses at the previous packet event (or 0). */
export function stepPacketBack(p: Playback, times: EventTimes, end: number): Playback {
  return { ...p, playing: false, time: clampTime(times.previousPacketTime(p.time) ?? 0, end) };
}

/**
 * Where to jump when nothing is on the wire and the next packet event is more than QUIET_WALL_MS
 * of wall time away at this speed: QUIET_LEAD_MS before it. Null when there is nothing to skip.
 */
export function quietSkip(
  p: Playback,
  anythingShown: boolean,
  nextPacket: number | null,
): number | null {
  if (!p.playing || anythingShown || nextPacket === null || p.speed === 'max') return null;
  const perMs = nsPerWallMs(p.speed);
  if ((nextPacket - p.time) / perMs <= QUIET_WALL_MS) return null;
  return Math.round(nextPacket - QUIET_LEAD_MS * perMs);
}

/** A speed as the selector writes it: `1/1000×`, `1×`, `100×`, `as fast as possible`. */
export function speedLabel(speed: Speed, language: Language = ENGLISH): string {
  if (speed === 'max') return playbackPhrases.in(language).say('speed.max');
  return speed >= 1 ? `${speed}×` : `1/${Math.round(1 / speed)}×`;
}

/** The decimal sign of a language: `.` in English, `,` in German. */
function decimalSign(language: Language): string {
  if (language === ENGLISH) return '.';
  return (
    new Intl.NumberFormat(language).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ??
    '.'
  );
}

/**
 * The clock readout: seconds with every nanosecond, grouped by three: `0.020 012 445 s`
 * (German `0,020 012 445 s`).
 */
export function formatClock(ns: number, language: Language = ENGLISH): string {
  const whole = Math.max(0, Math.round(ns));
  const seconds = Math.floor(whole / 1e9);
  const frac = String(whole % 1e9).padStart(9, '0');
  const sign = decimalSign(language);
  return `${seconds}${sign}${frac.slice(0, 3)} ${frac.slice(3, 6)} ${frac.slice(6)} s`;
}

/** A time in words without rounding: `0 s`, `20.012445 ms` (German `20,012445 ms`), `850 ns`. */
export function formatExactTime(ns: number, language: Language = ENGLISH): string {
  const whole = Math.round(ns);
  const units: [number, string][] = [
    [1e9, 's'],
    [1e6, 'ms'],
    [1e3, 'µs'],
  ];
  for (const [size, unit] of units) {
    if (Math.abs(whole) >= size) {
      const int = Math.trunc(whole / size);
      const digits = String(size).length - 1;
      const frac = String(Math.abs(whole % size))
        .padStart(digits, '0')
        .replace(/0+$/, '');
      return `${int}${frac ? `${decimalSign(language)}${frac}` : ''} ${unit}`;
    }
  }
  return whole === 0 ? '0 s' : `${whole} ns`;
}
