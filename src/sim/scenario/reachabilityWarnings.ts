// Warnings about where a valid scenario's traffic cannot go, found before any run (reachability.ts
// works out the paths): a node linked to nothing, a client whose packets or replies find no way,
// a name its DNS server does not know, a server port nothing listens on, a gateway that is no
// router. The document stays valid and runs; these say what the run will show and why.

import { formatIpv4, parseIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { addressResolver, appLabels, kindOf } from '../kinds/appInstances.ts';
import { NODE_RESOLVER } from '../kinds/kindRegistry.ts';
import { isHostName } from './checkReferences.ts';
import { NetworkMap } from './reachability.ts';
import type { Scenario } from './scenarioSchema.ts';
import type { ScenarioWarning } from './scenarioWarnings.ts';

/** Warnings of one kind listed one by one; past these, one warning counts the rest. */
const LISTED = 5;

type Topic = 'unlinked' | 'path' | 'name' | 'port' | 'gateway';

const MORE: Record<Topic, (n: number) => string> = {
  unlinked: (n) => `${n} more nodes are not linked to any other node`,
  path: (n) => `${n} more applications cannot reach their server, or its replies cannot come back`,
  name: (n) => `${n} more names will not be found by DNS`,
  port: (n) => `${n} more applications connect to a port nothing listens on`,
  gateway: (n) => `${n} more gateways are not a router linked to their node`,
};

/** The reachability warnings of a validated scenario, empty when every path works. */
export function reachabilityWarnings(scenario: Scenario): ScenarioWarning[] {
  const map = new NetworkMap(scenario);
  const found: Record<Topic, ScenarioWarning[]> = {
    unlinked: [],
    path: [],
    name: [],
    port: [],
    gateway: [],
  };
  const warn = (topic: Topic, path: string, message: string) =>
    found[topic].push({ path, message });
  const { nodes } = scenario;
  const addressOf = addressResolver(scenario);

  /** Checks both ways between node `from` and `dst`; true when both work. */
  const checkBothWays = (from: number, dst: Ipv4Address, path: string, what: string): boolean => {
    const there = map.path(from, dst);
    if (!there.ok) {
      warn('path', path, `${what} cannot reach ${formatIpv4(dst)}: ${there.reason}`);
      return false;
    }
    const owner = map.ownerOf(dst);
    const source = map.sourceFor(from, dst);
    if (owner === undefined || source === undefined || owner === from) return true;
    const back = map.path(owner, source);
    if (!back.ok) {
      const id = nodes[owner]?.id;
      warn('path', path, `${what} reaches ${id}, but its replies cannot come back: ${back.reason}`);
      return false;
    }
    return true;
  };

  nodes.forEach((node, i) => {
    const at = `$.nodes[${i}]`;
    if (nodes.length > 1 && !map.isLinked(i)) {
      warn('unlinked', at, `${node.id} is not linked to any other node, so nothing reaches it`);
      return;
    }
    if (node.gateway !== undefined) {
      const owner = map.ownerOf(node.gateway);
      const gw = formatIpv4(node.gateway);
      const router = owner === undefined ? undefined : nodes[owner];
      if (!router)
        warn(
          'gateway',
          `${at}.gateway`,
          `no node has ${node.id}'s gateway address ${gw}; the simulator still sends through that interface, but a real network would find no router there`,
        );
      else if (router.role !== 'router')
        warn(
          'gateway',
          `${at}.gateway`,
          `${node.id}'s gateway ${gw} is ${router.id}, a ${router.role}, which does not forward packets`,
        );
    }
    let resolverChecked = false;
    const labels = appLabels(node);
    (node.apps ?? []).forEach((app, j) => {
      const target = kindOf(app).target?.(app);
      if (!target) return;
      const path = `${at}.apps[${j}].${target.field}`;
      const what = `${node.id}'s ${labels[j]}`;
      let dst: Ipv4Address | undefined;
      if (isHostName(target.value) && !parseIpv4(target.value).ok) {
        const answer = NODE_RESOLVER.answerStatically(scenario, node, target.value, addressOf);
        if (answer.server !== undefined && !resolverChecked) {
          resolverChecked = true;
          checkBothWays(i, answer.server, `${at}.dns.server`, `${node.id}'s DNS queries`);
        }
        if (answer.problem !== undefined) {
          warn('name', path, `${what} looks up "${target.value}", but ${answer.problem}`);
          return;
        }
        dst = answer.address;
      } else dst = addressOf(target.value);
      if (dst === undefined || !checkBothWays(i, dst, path, what)) return;
      const owner = map.ownerOf(dst);
      const socket = target.socket;
      if (owner === undefined || !socket) return;
      const server = nodes[owner];
      const listening = (server?.apps ?? []).some((other) => {
        const s = kindOf(other).listens?.(other);
        return s?.protocol === socket.protocol && s.port === socket.port;
      });
      if (!listening)
        warn(
          'port',
          path,
          `${what} connects to ${socket.protocol.toUpperCase()} port ${socket.port} on ${server?.id}, where nothing listens: ${socket.protocol === 'tcp' ? 'each connection is refused with a reset (RST)' : 'the datagrams are answered with ICMP port unreachable'}`,
        );
    });
  });

  return (Object.keys(found) as Topic[]).flatMap((topic) => {
    const list = found[topic];
    if (list.length <= LISTED) return list;
    return [
      ...list.slice(0, LISTED),
      { path: list[LISTED]?.path ?? '$', message: MORE[topic](list.length - LISTED) },
    ];
  });
}
