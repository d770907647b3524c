// The layer view's words in German: the translation is whole, with the same parameters, and a
// card at a layer comes out in German when asked (English by default).
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { LAYERS_EN } from './layerPhrases.ts';
import { LAYERS_DE } from './layerPhrases.de.ts';
import { layerCard } from './layerCards.ts';
import type { ScenarioNode } from '../../sim/index.ts';

describe('the layer view’s German', () => {
  it('translates every phrase with the same parameters', () => {
    expect(translationProblems(LAYERS_EN, LAYERS_DE)).toEqual([]);
  });

  it('writes a card’s words in the language asked for', () => {
    const sw = { id: 'sw', role: 'switch', interfaces: [{ name: 'p1' }] } as ScenarioNode;
    const scenario = { links: [], nodes: [sw] };
    expect(layerCard(scenario, sw, 'network').lines).toEqual(['no IP address']);
    expect(layerCard(scenario, sw, 'network', 'de').lines).toEqual(['keine IP-Adresse']);
    expect(layerCard(scenario, sw, 'link', 'de')).toEqual({ lines: ['p1'], matters: true });
  });
});
