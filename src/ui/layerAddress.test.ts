// Where the layer view's choice is kept: a link's `?layer=` first, then storage, and the address
// written back with the rest of it (another query, a share link's fragment) kept.
import { describe, expect, it } from 'vitest';
import { addressWithLayer, LAYER_KEY, readLayerChoice } from './layerAddress.ts';

const stored = (value: string | null) => ({
  getItem: (key: string) => (key === LAYER_KEY ? value : null),
});

describe('the layer view’s choice', () => {
  it('reads a link’s layer before the stored one, and ignores what is not a layer', () => {
    expect(readLayerChoice('?layer=link', stored('network'))).toBe('link');
    expect(readLayerChoice('?lesson=03&layer=transport', stored(null))).toBe('transport');
    expect(readLayerChoice('', stored('network'))).toBe('network');
    expect(readLayerChoice('', stored('<script>'))).toBe('all');
    expect(readLayerChoice('?layer=physical', stored('network'))).toBe('all');
    expect(readLayerChoice('', null)).toBe('all');
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
    };
    expect(readLayerChoice('', throwing)).toBe('all');
  });

  it('writes the choice into the address, keeping its other parts; every layer is no parameter', () => {
    const base = 'https://example.org/handshake/?lesson=02#s1.abc';
    expect(addressWithLayer(base, 'network')).toBe(
      'https://example.org/handshake/?lesson=02&layer=network#s1.abc',
    );
    expect(addressWithLayer(addressWithLayer(base, 'network'), 'all')).toBe(base);
  });
});
