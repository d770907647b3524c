// The NAT table at a moment, folded from a real run of the home network (tests/support/
// natScenario.ts): empty before the first packet, a mapping [UNREPLIED] after the SYN, answered
// after the SYN+ACK, with its packets counted, gone once its connection closed; and the rules as
// `iptables -t nat -S` prints them.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/runScenario.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { HOME, homeScenario } from '../../../tests/support/natScenario.ts';
import { natRecords, natRules, natTableAt } from './natTableView.ts';

describe('the NAT table at a moment', () => {
  const scenario = homeScenario();
  const { simulation } = runScenario(scenario);
  const records = simulation.sim.trace.records;
  const own = natRecords(recordList(records), 'router');
  const map = records.find((r) => r.type === 'nat.map');
  const firstIn = records.find((r) => r.type === 'nat.translate' && r.way === 'in');
  const expire = records.find((r) => r.type === 'nat.expire');

  it('reads only the node’s own NAT records', () => {
    expect(new Set(own.map((r) => r.type))).toEqual(
      new Set(['nat.map', 'nat.translate', 'nat.expire']),
    );
    expect(natRecords(recordList(records), 'isp')).toEqual([]);
  });

  it('is empty before the first mapping and after the last has gone', () => {
    expect(natTableAt(own, (map?.t ?? 0) - 1)).toEqual([]);
    expect(natTableAt(own, expire?.t ?? 0)).toEqual([]);
  });

  it('lists the mapping unreplied after the SYN, answered after the SYN+ACK', () => {
    const [row] = natTableAt(own, map?.t ?? 0);
    const port = row?.inside.split(':')[1];
    expect(row).toEqual({
      entry: 1,
      kind: 'snat',
      protocol: 'tcp',
      inside: `${HOME.laptop}:${port}`,
      outside: `${HOME.routerPublic}:${port}`,
      remote: `${HOME.web}:80`,
      since: map?.t,
      lastUsed: map?.t,
      packetsOut: 1,
      packetsIn: 0,
      replied: false,
    });
    expect(natTableAt(own, firstIn?.t ?? 0)[0]).toMatchObject({
      packetsOut: 1,
      packetsIn: 1,
      replied: true,
      lastUsed: firstIn?.t,
    });
  });

  it('counts every packet of the connection by the moment before it closed', () => {
    const translated = records.filter((r) => r.type === 'nat.translate');
    const before = (expire?.t ?? 0) - 1;
    const [row] = natTableAt(own, before);
    const counted = translated.filter((r) => r.t <= before);
    expect((row?.packetsOut ?? 0) + (row?.packetsIn ?? 0)).toBe(counted.length);
  });

  it('writes the rules as iptables -t nat -S does', () => {
    const router = scenario.nodes.find((n) => n.id === 'router');
    if (!router) throw new Error('no router');
    expect(natRules(router)).toEqual([
      `-A PREROUTING -i wan -p tcp -m tcp --dport 8080 -j DNAT --to-destination ${HOME.game}:80`,
      '-A POSTROUTING -s 192.168.1.0/24 -o wan -j MASQUERADE',
    ]);
    const other = homeScenario({
      nat: {
        masquerade: [{ out: 'wan', toPorts: '50000-50999' }],
        portForwards: [{ in: 'wan', protocol: 'udp', port: '27015-27016', to: HOME.game }],
      },
    }).nodes.find((n) => n.id === 'router');
    expect(other && natRules(other)).toEqual([
      `-A PREROUTING -i wan -p udp -m udp --dport 27015:27016 -j DNAT --to-destination ${HOME.game}`,
      '-A POSTROUTING -o wan -j MASQUERADE --to-ports 50000-50999',
    ]);
    expect(natRules(scenario.nodes[0] as (typeof scenario.nodes)[number])).toEqual([]);
  });
});
