// DHCP's words in German: both phrasebooks (the views' and the checks') are whole, and a check's
// sentence is said in German when German is spoken (expected German written by hand).
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { spoken, validateScenario } from '../../sim/index.ts';
import { DHCP_CHECK_DE } from './dhcpCheckPhrases.de.ts';
import { DHCP_CHECK_EN } from './dhcpCheckPhrases.ts';
import { DHCP_DE } from './dhcpPhrases.de.ts';
import { DHCP_EN } from './dhcpPhrases.ts';

describe('DHCP’s German', () => {
  it('translates every sentence of both phrasebooks', () => {
    expect(translationProblems(DHCP_EN, DHCP_DE)).toEqual([]);
    expect(translationProblems(DHCP_CHECK_EN, DHCP_CHECK_DE)).toEqual([]);
  });

  it('says a check’s problem in German', () => {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'DHCP',
      nodes: [
        {
          id: 'r',
          role: 'router',
          interfaces: [{ name: 'lan', address: '10.0.0.1/24' }],
          apps: [{ type: 'dhcpServer', pool: { first: '10.0.0.9', last: '10.0.0.5' } }],
        },
      ],
      links: [],
    });
    const issue = result.ok ? undefined : result.issues[0];
    if (!issue) throw new Error('the backwards pool passed');
    expect(spoken(issue, 'de')).toBe(
      'Knoten r: Der DHCP-Pool 10.0.0.9–10.0.0.5 muss aufsteigend in einem seiner Subnetze liegen (10.0.0.0/24), ohne Netz- und Broadcastadresse',
    );
  });
});
