// The quiz's context from a real run of the two-subnets example: the laptop's first packet crosses
// the office switch (which forwards it untouched, to the router's port alone: it learned that
// port from the router's ARP reply) and the router (which lowers the TTL by one,
// RFC 791 and RFC 1812 section 5.3.1), so the TTL question on each hop has those answers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { networkNames } from '../names/index.ts';
import { decodeApp } from '../dissect/appMessage.ts';
import { dissectPacket } from '../dissect/packetFields.ts';
import { packetHops } from '../packet/packetTrace.ts';
import { encapsulationQuiz } from './encapsulationQuiz.ts';
import { packetQuizContext } from './packetQuizContext.ts';
import { ipPacketOf } from '../../net/wire/frame.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

describe('the quiz on a packet of a run', () => {
  it('asks the TTL after the switch and after the router', () => {
    const parsed = parseScenarioText(readFileSync('simulations/two-subnets.json', 'utf8'));
    if (!parsed.ok) throw new Error('invalid example');
    const trace = runScenario(parsed.scenario).simulation.sim.trace;
    const first = trace.records.find(
      (r) => r.type === 'link.txBegin' && carriesIp(r) && r.node === 'laptop',
    );
    if (first?.type !== 'link.txBegin') throw new Error('the laptop sent nothing');
    const hops = packetHops(trace, first.pkt);
    expect(hops.map((h) => [h.node, h.link])).toEqual([
      ['laptop', 'l-laptop'],
      ['switch', 'l-uplink'],
      ['router', 'l-servers'],
    ]);
    const names = networkNames(parsed.scenario.nodes);
    const ttlQuestion = (i: number) => {
      const hop = hops[i];
      if (!hop) throw new Error('no hop');
      const context = packetQuizContext(
        hops,
        hop,
        parsed.scenario.nodes,
        names,
        decodeApp(ipPacketOf(hop.packet)),
        undefined,
      );
      const ip = encapsulationQuiz(dissectPacket(ipPacketOf(hop.packet)), context)[0];
      return ip?.questions.find((q) => q.field === 'ip.ttl');
    };
    const sent = ipPacketOf(first.packet).ip.ttl;
    // The first hop has no hop before it: nothing to compare, no question.
    expect(ttlQuestion(0)).toBeUndefined();
    const afterSwitch = ttlQuestion(1);
    expect(afterSwitch?.choices[afterSwitch.answer]).toBe(String(sent));
    expect(afterSwitch?.explain).toContain('as a switch does');
    const afterRouter = ttlQuestion(2);
    expect(afterRouter?.choices[afterRouter.answer]).toBe(String(sent - 1));
    expect(afterRouter?.prompt).toContain(`Router with TTL ${sent}`);
    // Addresses are named by their node.
    const hop = hops[2];
    if (!hop) throw new Error('no hop');
    const ip = encapsulationQuiz(
      dissectPacket(ipPacketOf(hop.packet)),
      packetQuizContext(hops, hop, parsed.scenario.nodes, names, null, undefined),
    )[0];
    const dst = ip?.questions.find((q) => q.field === 'ip.dst');
    expect(dst?.choices[dst.answer]).toBe('Server (10.0.0.20)');
  });
});
