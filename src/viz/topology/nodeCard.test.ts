// A node's card in the topology picture: one line per interface, at most MAX_CARD_LINES, and a
// height that grows with them.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../sim/index.ts';
import scenarioJson from '../../../simulations/ping-over-a-link.json';
import {
  CARD_FIRST_LINE,
  CARD_LINE_STEP,
  MAX_CARD_LINES,
  cardHeight,
  cardLines,
} from './nodeCard.ts';
import { NODE_HEIGHT } from './topologyLayout.ts';

const checked = validateScenario(scenarioJson);
if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
const scenario = checked.scenario;

describe('node cards', () => {
  it('lists interfaces, at most MAX_CARD_LINES lines, and grows with them', () => {
    expect(cardLines(scenario.nodes[0]!)).toEqual(['wlan0 192.168.1.10/24']);
    expect(cardLines({})).toEqual(['no interfaces']);
    const many = { interfaces: Array.from({ length: 7 }, (_, i) => ({ name: `p${i}` })) };
    const lines = cardLines(many);
    expect(lines).toHaveLength(MAX_CARD_LINES);
    expect(lines.at(-1)).toBe(`+${7 - (MAX_CARD_LINES - 1)} more`);
    expect(cardHeight(1)).toBeGreaterThanOrEqual(NODE_HEIGHT);
    expect(cardHeight(3) - cardHeight(1)).toBe(2 * CARD_LINE_STEP);
    expect(cardHeight(1)).toBeGreaterThan(CARD_FIRST_LINE);
  });
});
