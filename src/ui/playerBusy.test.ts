// Player.busy(): background work yields while the moment shown moves, by playing or by the
// learner seeking or stepping, and for a second after.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Player } from './player.svelte.ts';

describe('Player.busy', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is busy for a second after a seek, then idle again', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const player = new Player(() => null);
    expect(player.busy()).toBe(false);
    player.seek(5);
    expect(player.busy()).toBe(true);
    vi.advanceTimersByTime(999);
    expect(player.busy()).toBe(true);
    vi.advanceTimersByTime(2);
    expect(player.busy()).toBe(false);
  });
});
