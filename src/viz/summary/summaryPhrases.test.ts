// The summary cards in German: the shared phrasebook is whole, a CPU's and a server process's
// cards (expected German written by hand), and summaryCards hands the language to every kind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { networkNames } from '../names/index.ts';
import { cardCounts, cpuCard } from './cardParts.ts';
import { summaryCards } from './summaryCards.ts';
import { SUMMARY_DE } from './summaryPhrases.de.ts';
import { SUMMARY_EN } from './summaryPhrases.ts';

const CPU = {
  node: 'web',
  cores: 2,
  policy: 'rr',
  jobsCompleted: 1200,
  utilization: 0.125,
  avgWaitingNs: 1_500_000,
  avgResponseNs: 250_000,
  avgTurnaroundNs: 2_000_000,
  maxReady: 3,
  contextSwitches: 40,
  preemptions: 2,
};

describe('summary cards in German', () => {
  it('has a whole German phrasebook', () => {
    expect(translationProblems(SUMMARY_EN, SUMMARY_DE)).toEqual([]);
  });

  it("writes a CPU's card with German numbers", () => {
    expect(cpuCard(CPU, (n) => n.toUpperCase(), 'de')).toEqual({
      id: 'cpu-web',
      title: 'WEB',
      kind: 'CPU, 2 Kerne, rr',
      figures: [
        ['Erledigte Jobs', '1.200', 'jobsCompleted'],
        ['Auslastung', '12,5 %', 'utilization'],
        ['Mittlere Wartezeit', '1,5 ms'],
        ['Mittlere Antwortzeit', '250 µs'],
        ['Längste Bereit-Warteschlange', '3', 'maxReady'],
        ['Kontextwechsel', '40', 'contextSwitches'],
      ],
    });
    expect(cpuCard({ ...CPU, cores: 1 }, (n) => n, 'de').kind).toBe('CPU, 1 Kern, rr');
    expect(cpuCard(CPU, (n) => n).figures.slice(0, 2)).toEqual([
      ['Jobs done', '1200', 'jobsCompleted'],
      ['Utilization', '12.5%', 'utilization'],
    ]);
  });

  it('writes a tally, and none', () => {
    expect(cardCounts({ '200': 3, '-': 1 }, 'de')).toBe('3 × 200, 1 × andere');
    expect(cardCounts({}, 'de')).toBe('keine');
    expect(cardCounts({})).toBe('none');
  });

  it('gives every card of a run the language', () => {
    const parsed = parseScenarioText(readFileSync('simulations/web-page-load.json', 'utf8'));
    if (!parsed.ok) throw new Error('web-page-load.json');
    const cards = summaryCards(
      runScenario(parsed.scenario).summary,
      networkNames(parsed.scenario.nodes, [], 'de'),
      'de',
    );
    expect(cards.map((c) => c.figures[0]?.[0])).toEqual([
      'Verbindungen',
      'Besuche',
      'Erledigte Jobs',
    ]);
    // Three visits of a page with three objects: 12 requests, all answered with 200.
    expect(Object.fromEntries(cards[0]!.figures)['Beantwortet']).toBe('12 von 12');
    expect(cards[2]!.kind).toBe('CPU, 1 Kern, rr');
  });
});
