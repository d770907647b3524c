// The network's names and short texts in German: the phrasebook is whole, what people call each
// app kind, a device's title with its role ("DNS-Server ns"), role names and a link's settings
// (expected German written by hand); English by default.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { validateScenario, type Scenario } from '../../sim/index.ts';
import { testNames } from '../kinds/kindSpeechTestHelpers.ts';
import { appKindName, appTitle } from './appNames.ts';
import { NAMES_DE } from './namesPhrases.de.ts';
import { NAMES_EN } from './namesPhrases.ts';
import {
  formatBytes,
  formatPercent,
  linkSettings,
  queueText,
  spokenBitRate,
} from './networkText.ts';
import { noRoutingTable, roleName } from './roleIcons.ts';

function checked(doc: unknown): Scenario {
  const result = validateScenario(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

describe('names in German', () => {
  it('has a whole German phrasebook', () => {
    expect(translationProblems(NAMES_EN, NAMES_DE)).toEqual([]);
  });

  it('calls every app kind what German speakers call it', () => {
    const types = [
      'pinger',
      'echo',
      'bulkSend',
      'sink',
      'httpServer',
      'httpClient',
      'service',
      'serviceClient',
      'dnsServer',
      'ftpServer',
      'ftpClient',
      'resolver',
    ];
    expect(types.map((type) => appKindName(type, 'de'))).toEqual([
      'Ping-Client',
      'Echo-Server',
      'Bulk-Transfer-Client',
      'Bulk-Transfer-Server',
      'Webserver',
      'Web-Client',
      'Datenbankserver',
      'Datenbank-Client',
      'DNS-Server',
      'FTP-Server',
      'FTP-Client',
      'DNS-Resolver',
    ]);
    expect(appKindName(undefined, 'de')).toBe('Anwendung');
    expect(appKindName('fancyThing', 'de')).toBe('App „Fancy thing“');
    const node = checked({
      format: 'handshake/scenario@1',
      name: 'One app',
      nodes: [
        {
          id: 'c',
          role: 'client',
          interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
          apps: [{ type: 'httpClient', server: 's' }],
        },
        { id: 's', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.0.3/24' }] },
      ],
      links: [{ id: 'l1', a: 'c', b: 's', latency: '1ms' }],
    }).nodes[0]!;
    expect(appTitle(node, 'http/u1', 'de')).toBe('Web-Client http');
    expect(appTitle(node, 'http/u1')).toBe('Web client http');
  });

  it('names roles, and devices with their role first', () => {
    expect(['client', 'server', 'router', 'switch', 'dns'].map((r) => roleName(r, 'de'))).toEqual([
      'Client',
      'Server',
      'Router',
      'Switch',
      'DNS-Server',
    ]);
    expect(roleName('mainframe', 'de')).toBe('mainframe');
    expect(noRoutingTable('switch', 'de')).toMatch(/^Ein Switch hat keine Routing-Tabelle/);
    expect(noRoutingTable('router', 'de')).toBeUndefined();
    const de = testNames('de');
    expect(['ns', 'r1', 'laptop'].map((id) => de.title(id))).toEqual([
      'DNS-Server ns',
      'Router r1',
      'Laptop',
    ]);
    expect(testNames().title('ns')).toBe('DNS server ns');
  });

  it("writes a link's settings the German way", () => {
    const [link] = checked({
      format: 'handshake/scenario@1',
      name: 'A link',
      nodes: [
        { id: 'laptop', role: 'client', interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }] },
        { id: 'server', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.0.3/24' }] },
      ],
      links: [
        {
          id: 'l1',
          a: 'laptop',
          b: 'server',
          bandwidth: '1.5Mbit/s',
          latency: '1.5ms',
          loss: 0.125,
          duplicate: 0.01,
          reorder: { probability: 0.2, delay: '500us' },
          queue: { packets: 10, bytes: 1500 },
        },
      ],
    }).links;
    expect(linkSettings(link!, 'de')).toEqual([
      '1,5 Mbit/s',
      '1,5 ms',
      '12,5 % Verlust',
      '1 % dupliziert',
      '20 % um 500 µs vertauscht',
      'Warteschlange 10 Pakete oder 1.500 Bytes',
    ]);
    expect(
      linkSettings({ ...link!, loss: 0, duplicate: 0, reorder: undefined, queue: undefined }, 'de'),
    ).toEqual(['1,5 Mbit/s', '1,5 ms', 'kein Verlust']);
    // Burst loss: the long-run share p / (p + r) = 0.01 / 0.21 = 4.762 %, bad spells 1 / r = 5.
    const bursty = {
      ...link!,
      loss: undefined,
      duplicate: 0,
      reorder: undefined,
      queue: undefined,
    };
    bursty.burstLoss = { p: 0.01, r: 0.2 };
    expect(linkSettings(bursty, 'de')).toEqual([
      '1,5 Mbit/s',
      '1,5 ms',
      '4,762 % Verlust in Schüben (schlechte Phasen von 5 Paketen)',
    ]);
    expect(linkSettings(bursty)[2]).toBe('4.762% loss in bursts (bad spells of 5 packets)');
    expect(linkSettings({ ...bursty, jitter: 3_500_000 }, 'de')[3]).toBe('bis zu 3,5 ms Jitter');
    expect(linkSettings({ ...bursty, jitter: 3_500_000 })[3]).toBe('up to 3.5 ms jitter');
    expect(linkSettings({ ...bursty, corrupt: 0.01 }, 'de')[3]).toBe('1 % beschädigt');
    expect(linkSettings({ ...bursty, corrupt: 0.01 })[3]).toBe('1% damaged');
    expect(queueText({ packets: 1 }, 'de')).toBe('Warteschlange 1 Paket');
    expect([formatBytes(1, 'de'), formatBytes(2048, 'de')]).toEqual(['1 Byte', '2 KiB']);
    expect(formatPercent(0.00125, 'de')).toBe('0,125 %');
    expect([spokenBitRate(Infinity, 'de'), spokenBitRate(Infinity)]).toEqual([
      'unbegrenzt',
      'unlimited',
    ]);
    expect(spokenBitRate(1_142_857)).toBe('1.143 Mbit/s');
  });
});
