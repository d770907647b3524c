// One embed's session without a page (embedSession.svelte.ts): it opens the built-in example when
// no attribute names a document, runs it in the page, tells hs-ready once a run, hs-step at most
// every STEP_EVENT_MS while playing (at once for a seek), and hs-complete at the run's end; a bad
// attribute is an hs-error naming it.
import { describe, expect, it } from 'vitest';
import { EmbedSession, STEP_EVENT_MS, type EmbedCallbacks } from './embedSession.svelte.ts';

function session() {
  const told: { type: keyof EmbedCallbacks; detail: unknown }[] = [];
  const tell =
    (type: keyof EmbedCallbacks) =>
    (detail: unknown): void =>
      void told.push({ type, detail });
  const callbacks: EmbedCallbacks = {
    ready: tell('ready'),
    step: tell('step'),
    complete: tell('complete'),
    error: tell('error'),
  };
  const embed = new EmbedSession(
    callbacks,
    { root: { getElementById: () => null }, base: 'https://course.example.edu/week3/' },
    new URL('https://handshake.example.org/'),
  );
  return { embed, told };
}

/** Waits until the run the session started is recorded. */
async function recorded(embed: EmbedSession): Promise<void> {
  for (let i = 0; i < 2000 && embed.app.live?.status !== 'done'; i++)
    await new Promise((resolve) => setTimeout(resolve, 1));
  const live = embed.app.live;
  if (live?.status !== 'done') throw new Error('the run did not end');
  embed.recorded(live);
}

describe('an embed session', () => {
  it('runs the built-in example and tells ready, steps at most four times a second, and the end', async () => {
    const { embed, told } = session();
    await embed.configure(() => null);
    expect(embed.problem).toBeNull();
    await recorded(embed);
    expect(told).toEqual([
      { type: 'ready', detail: { name: 'Ping over one link', duration: embed.app.live?.recorded } },
    ]);
    // Playing: the moment moves every frame, but the host hears of it at most every 250 ms.
    embed.setVisible(true);
    embed.play();
    const player = embed.app.player;
    expect(player.playback.playing).toBe(true);
    for (let frame = 1; frame <= 20; frame++) {
      player.playback = { ...player.playback, time: frame * 1_000_000 };
      embed.moved();
    }
    const steps = told.filter((t) => t.type === 'step');
    expect(steps).toEqual([{ type: 'step', detail: { time: 1_000_000, playing: true } }]);
    expect(STEP_EVENT_MS).toBe(250);
    // A seek is told at once, paused; the end of the run is told as complete, once.
    embed.seek('15s');
    expect(told.at(-2)).toEqual({ type: 'step', detail: { time: 15_000_000_000, playing: false } });
    expect(told.at(-1)).toEqual({
      type: 'complete',
      detail: { time: 15_000_000_000, lesson: false },
    });
    embed.seek(15);
    expect(told.filter((t) => t.type === 'complete')).toHaveLength(1);
    expect(() => embed.seek(-1)).toThrow(/seek\(t\): t is simulated seconds/);
    embed.dispose();
  });

  it('names an attribute that cannot be used in hs-error, and runs nothing', async () => {
    const { embed, told } = session();
    await embed.configure((name) => (name === 'view' ? 'sideways' : null));
    expect(told).toEqual([
      {
        type: 'error',
        detail: {
          where: 'view',
          message: 'The attribute view "sideways" is not one of topology, ladder, both.',
        },
      },
    ]);
    expect(embed.app.live).toBeNull();
    embed.dispose();
  });
});
