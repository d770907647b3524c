// The switch role's words in German: the phrasebook is whole, the role's name and what the node
// inspector says in place of a routing table.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { spoken, validateScenario } from '../../sim/index.ts';
import { SWITCH_DE } from './switchPhrases.de.ts';
import { SWITCH_EN } from './switchPhrases.ts';
import { switchRoleView } from './switchView.ts';

describe('the switch role in German', () => {
  it('has a whole German phrasebook', () => {
    expect(translationProblems(SWITCH_EN, SWITCH_DE)).toEqual([]);
  });

  it('names the role and says why it has no routing table', () => {
    expect(switchRoleView.name('de')).toBe('Switch');
    expect(switchRoleView.noRoutingTable?.('de')).toBe(
      'Ein Switch hat keine Routing-Tabelle: Er lernt, hinter welchem Port jede MAC-Adresse liegt (seine Tabelle unten), leitet Frames danach weiter und flutet die, deren Ziel er noch nicht kennt.',
    );
    expect(switchRoleView.name()).toBe('switch');
    expect(switchRoleView.noRoutingTable?.()).toMatch(/^A switch has no routing table/);
  });
});

describe('the switch’s own check in German', () => {
  it('says that a switch has no addresses in German, English for the CLI', () => {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'checks',
      nodes: [{ id: 's1', role: 'switch', interfaces: [{ name: 'p1', address: '10.0.0.1/24' }] }],
      links: [],
    });
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((i) => `${i.path} ${spoken(i, 'de')}`)).toEqual([
      '$.nodes[0].interfaces[0].address ein Switch leitet nach Ports weiter und hat keine Adressen: Entferne sie',
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      'a switch forwards by port and has no addresses: remove it',
    ]);
  });
});
