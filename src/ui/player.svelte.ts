// The playback of a run in the page: the moment shown, play/pause, speed, stepping and seeking
// (pure functions from src/viz/trace/playback.ts), driven by requestAnimationFrame while playing.

import {
  type TraceIndex,
  advance,
  initialPlayback,
  pause,
  play,
  quietSkip,
  seek,
  setSpeed,
  stepBack,
  stepEvent,
  stepPacket,
  stepPacketBack,
  type Playback,
  type Speed,
} from '../viz/trace/index.ts';

/** What the player plays: the index of the records so far, and how far the recording goes. */
export interface PlayerSource {
  index: TraceIndex;
  /** The last moment recorded so far (ns). */
  end: number;
  /** False while a run is still recording. */
  finished: boolean;
}

export class Player {
  playback = $state.raw<Playback>(initialPlayback());
  /** Jump over stretches with nothing on the wire while playing. */
  skipQuiet = $state(true);
  /** prefers-reduced-motion: no autoplay, no streaks or falling packets. */
  reducedMotion = $state(false);
  private frame = 0;
  private last = 0;

  /** When the learner last sought or stepped (performance.now()); not state, nothing redraws. */
  private touched = -Infinity;

  constructor(private readonly source: () => PlayerSource | null) {
    if (typeof matchMedia === 'function') {
      const query = matchMedia('(prefers-reduced-motion: reduce)');
      this.reducedMotion = query.matches;
      query.addEventListener('change', (event) => (this.reducedMotion = event.matches));
    }
  }

  get time(): number {
    return this.playback.time;
  }

  get end(): number {
    return this.source()?.end ?? 0;
  }

  /** Back to 0 for a new run; plays at once unless motion is reduced (or `autoplay` is false). */
  reset(autoplay = !this.reducedMotion): void {
    this.playback = { ...initialPlayback(this.playback.speed), playing: autoplay };
    if (autoplay) this.loop();
  }

  play(): void {
    const source = this.source();
    if (!source) return;
    this.playback = play(this.playback, source.end, source.finished);
    this.loop();
  }

  pause(): void {
    this.playback = pause(this.playback);
  }

  toggle(): void {
    if (this.playback.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: Speed): void {
    this.playback = setSpeed(this.playback, speed);
  }

  seek(t: number): void {
    this.touched = performance.now();
    this.playback = seek(this.playback, t, this.end);
  }

  /**
   * Whether the moment shown is moving: playing, or sought or stepped in the last second (a
   * drag on the timeline). Background work (the log's narration, the trace's fingerprint) takes
   * shorter slices then, so the frames stay short.
   */
  busy(): boolean {
    return this.playback.playing || performance.now() - this.touched < 1000;
  }

  step(direction: 'event' | 'packet', back = false): void {
    this.touched = performance.now();
    const source = this.source();
    if (!source) return;
    const move =
      direction === 'event' ? (back ? stepBack : stepEvent) : back ? stepPacketBack : stepPacket;
    this.playback = move(this.playback, source.index, source.end);
  }

  private loop(): void {
    if (this.frame || typeof requestAnimationFrame !== 'function') return;
    this.last = performance.now();
    const tick = (now: number) => {
      this.frame = 0;
      const source = this.source();
      if (!source || !this.playback.playing) return;
      let next = advance(this.playback, now - this.last, source.end, source.finished);
      this.last = now;
      if (this.skipQuiet) {
        const shown = source.index.hopsAt(next.time).length > 0;
        const skip = quietSkip(next, shown, source.index.nextPacketTime(next.time));
        if (skip !== null && skip > next.time) next = seek(next, skip, source.end);
      }
      this.playback = next;
      if (next.playing) this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  /** Stops the frame loop (the component that owns the player is going away). */
  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
