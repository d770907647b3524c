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
import type { AppTarget } from '../kinds/appKind.ts';
import type { ScenarioWarning } from './scenarioWarnings.ts';
import { phrase, phrased, type Phrase, type PhraseParam } from '../schema/phrase.ts';

/** Warnings of one kind listed one by one; past these, one warning counts the rest. */
const LISTED = 5;

type Topic = 'unlinked' | 'path' | 'name' | 'port' | 'gateway';

const MORE = {
  unlinked: 'warn.more.unlinked',
  path: 'warn.more.path',
  name: 'warn.more.name',
  port: 'warn.more.port',
  gateway: 'warn.more.gateway',
} as const satisfies Record<Topic, string>;

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
  const warn = (topic: Topic, path: string, said: Phrase) => found[topic].push(phrased(path, said));
  const { nodes } = scenario;
  const addressOf = addressResolver(scenario);

  /** Checks both ways between node `from` and `dst`; true when both work. */
  const checkBothWays = (
    from: number,
    dst: Ipv4Address,
    path: string,
    what: PhraseParam,
  ): boolean => {
    const there = map.path(from, dst);
    if (!there.ok) {
      const reason = there.phrase ?? there.reason;
      warn('path', path, phrase('warn.cannotReach', { what, address: formatIpv4(dst), reason }));
      return false;
    }
    const owner = map.ownerOf(dst);
    const source = map.sourceFor(from, dst);
    if (owner === undefined || source === undefined || owner === from) return true;
    const back = map.path(owner, source);
    if (!back.ok) {
      const node = `${nodes[owner]?.id}`;
      const reason = back.phrase ?? back.reason;
      warn('path', path, phrase('warn.noWayBack', { what, node, reason }));
      return false;
    }
    return true;
  };

  nodes.forEach((node, i) => {
    const at = `$.nodes[${i}]`;
    if (nodes.length > 1 && !map.isLinked(i)) {
      warn('unlinked', at, phrase('warn.unlinked', { node: node.id }));
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
          phrase('warn.noGatewayOwner', { node: node.id, gateway: gw }),
        );
      else if (router.role !== 'router')
        warn(
          'gateway',
          `${at}.gateway`,
          phrase('warn.gatewayNotRouter', {
            node: node.id,
            gateway: gw,
            router: router.id,
            role: router.role,
          }),
        );
    }
    let resolverChecked = false;
    const labels = appLabels(node);
    /** Warns if the app's packets to `target`, or the answers, find no way, or nothing listens. */
    const checkTarget = (j: number, target: AppTarget): void => {
      const path = `${at}.apps[${j}].${target.field}`;
      const what = phrase('warn.app', { node: node.id, app: `${labels[j]}` });
      let dst: Ipv4Address | undefined;
      if (isHostName(target.value) && !parseIpv4(target.value).ok) {
        const answer = NODE_RESOLVER.answerStatically(scenario, node, target.value, addressOf);
        if (answer.server !== undefined && !resolverChecked) {
          resolverChecked = true;
          checkBothWays(
            i,
            answer.server,
            `${at}.dns.server`,
            phrase('warn.dnsQueries', { node: node.id }),
          );
        }
        if (answer.problem !== undefined) {
          warn(
            'name',
            path,
            phrase('warn.nameUnknown', {
              what,
              name: target.value,
              problem: answer.problemPhrase ?? answer.problem,
            }),
          );
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
          phrase(socket.protocol === 'tcp' ? 'warn.noListenerTcp' : 'warn.noListenerUdp', {
            what,
            protocol: socket.protocol.toUpperCase(),
            port: `${socket.port}`,
            server: `${server?.id}`,
          }),
        );
    };
    (node.apps ?? []).forEach((app, j) => {
      const kind = kindOf(app);
      const one = kind.target?.(app);
      for (const target of [...(one ? [one] : []), ...(kind.targets?.(app) ?? [])])
        checkTarget(j, target);
    });
  });

  return (Object.keys(found) as Topic[]).flatMap((topic) => {
    const list = found[topic];
    if (list.length <= LISTED) return list;
    return [
      ...list.slice(0, LISTED),
      phrased(list[LISTED]?.path ?? '$', phrase(MORE[topic], { count: `${list.length - LISTED}` })),
    ];
  });
}
