// A lesson's problems in German: the translation is whole, a step's missing packet and a router
// step that cannot be played are said in German (expected sentences written by hand), and English
// stays the default (`lesson check`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../engine/language.ts';
import { parseScenarioText, runScenario } from '../sim/index.ts';
import { LESSON_EN } from './lessonPhrases.ts';
import { LESSON_DE } from './lessonPhrases.de.ts';
import { stepPacket } from './packetStep.ts';
import { tableOfScenario } from './routerMachine.ts';

const SCENARIO = readFileSync('simulations/ping-over-a-link.json', 'utf8');

function records() {
  const parsed = parseScenarioText(SCENARIO);
  if (!parsed.ok) throw new Error('invalid example');
  return runScenario(parsed.scenario).simulation.sim.trace;
}

describe('the lesson phrasebook', () => {
  it('has a whole German translation', () => {
    expect(translationProblems(LESSON_EN, LESSON_DE)).toEqual([]);
  });
});

describe("a lesson's problems in German", () => {
  it('a packet condition that matches no record', () => {
    const condition = { record: 'link.txBegin', where: { node: 'nobody' }, atLeast: 1 } as const;
    expect(stepPacket(condition, records(), 'de')).toEqual({
      ok: false,
      reason: 'kein Datensatz des Laufs passt zu ihrer Bedingung „packet“',
    });
    expect(stepPacket(condition, records())).toEqual({
      ok: false,
      reason: 'no record of the run matches its "packet" condition',
    });
  });

  it('a router step whose router is not a router, or not there', () => {
    const document = JSON.parse(SCENARIO) as { nodes: { id: string; role: string }[] };
    const host = document.nodes[0]!;
    expect(tableOfScenario(document, host.id, 'de')).toBe(
      `Knoten „${host.id}“ hat die Rolle ${host.role}, ist also kein Router`,
    );
    expect(tableOfScenario(document, 'r9', 'de')).toBe('das Szenario hat keinen Knoten „r9“');
    expect(tableOfScenario({}, 'r9', 'de')).toBe('das Szenario ist nicht gültig');
    expect(tableOfScenario(document, 'r9')).toBe('the scenario has no node "r9"');
  });
});
