// Warnings about where a valid scenario's traffic cannot go, found before any run (reachability.ts
// works out the paths): a node linked to nothing, a client whose packets or replies find no way,
// a name its DNS server does not know, a server port nothing listens on, a gateway that is no
// router. Packets are followed through NATs (src/kinds/nat): a port forward sends them on inside,
// a masquerade changes where the answer goes. The document stays valid and runs; these say what
// the run will show and why.

import { formatIpv4, parseIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { addressResolver, appLabels, kindOf } from '../kinds/appInstances.ts';
import { dhcpStandIns } from '../../kinds/dhcp/dhcpWarningsFeature.ts';
import { NODE_NAT, NODE_RESOLVER, ROLE_KINDS } from '../kinds/kindRegistry.ts';
import { isHostName } from './checkReferences.ts';
import { NetworkMap } from './reachability.ts';
import type { Scenario } from './scenarioSchema.ts';
import type { AppTarget } from '../kinds/appKind.ts';
import type { ScenarioWarning } from './scenarioWarnings.ts';
import { phrase, phrased, type Phrase, type PhraseParam } from '../schema/phrase.ts';

/** The roles whose nodes forward packets (routers, firewalls): what a gateway must be. */
const FORWARDING_ROLES = new Set<string>(ROLE_KINDS.filter((r) => r.forwards).map((r) => r.role));

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

/** The roles whose nodes forward packets (a DHCP server on one names itself the gateway). */
const FORWARDING: ReadonlySet<string> = new Set(
  ROLE_KINDS.filter((role) => role.forwards).map((role) => role.role),
);

/**
 * The reachability warnings of a validated scenario, empty when every path works. An interface
 * configured by DHCP is walked with the address its segment's server is likely to give it.
 */
export function reachabilityWarnings(document: Scenario): ScenarioWarning[] {
  const scenario = dhcpStandIns(document, FORWARDING);
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

  const nat = NODE_NAT.statically(scenario);

  /** Whether node `from`'s packets reach `dst`: false once a warning says why not. */
  const reaches = (from: number, dst: Ipv4Address, path: string, what: PhraseParam) => {
    const there = map.path(from, dst);
    if (there.ok) return there;
    const reason = there.phrase ?? there.reason;
    warn('path', path, phrase('warn.cannotReach', { what, address: formatIpv4(dst), reason }));
    return undefined;
  };

  /**
   * Checks both ways between node `from` and `dst` (to `socket`, if given), following the
   * NATs: a port forward sends the packet on to its inside server, a masquerade on the way
   * changes the source the answer goes back to. Returns the node that answers and its port when
   * both ways work.
   */
  const checkBothWays = (
    from: number,
    dst: Ipv4Address,
    path: string,
    what: PhraseParam,
    socket?: { protocol: 'tcp' | 'udp'; port: number },
  ): { owner: number | undefined; port: number | undefined } | undefined => {
    const there = reaches(from, dst, path, what);
    if (!there) return undefined;
    let source = map.sourceFor(from, dst);
    for (const hop of there.via)
      if (source !== undefined) source = nat.masqueradeOf(hop.node, hop.iface, source) ?? source;
    const forward = socket && nat.forwardOf(dst, socket.protocol, socket.port);
    if (forward && !reaches(forward.nat, forward.address, path, what)) return undefined;
    const owner = map.ownerOf(forward ? forward.address : dst);
    const port = forward ? forward.port : socket?.port;
    if (owner === undefined || source === undefined || owner === from) return { owner, port };
    const back = map.path(owner, source);
    if (!back.ok) {
      const node = `${nodes[owner]?.id}`;
      const reason = back.phrase ?? back.reason;
      warn('path', path, phrase('warn.noWayBack', { what, node, reason }));
      return undefined;
    }
    return { owner, port };
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
      else if (!FORWARDING_ROLES.has(router.role))
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
      const socket = target.socket;
      const reached = dst === undefined ? undefined : checkBothWays(i, dst, path, what, socket);
      const { owner, port } = reached ?? {};
      if (owner === undefined || !socket) return;
      const server = nodes[owner];
      const listening = (server?.apps ?? []).some((other) => {
        const s = kindOf(other).listens?.(other);
        return s?.protocol === socket.protocol && s.port === port;
      });
      if (!listening)
        warn(
          'port',
          path,
          phrase(socket.protocol === 'tcp' ? 'warn.noListenerTcp' : 'warn.noListenerUdp', {
            what,
            protocol: socket.protocol.toUpperCase(),
            port: `${port}`,
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
