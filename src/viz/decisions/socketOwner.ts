// Which program holds a socket, from the scenario: a server app holds the port it listens on (its
// kind's `listens`); a client's connection or datagram socket is held by the app (or the action at
// a moment, or the node's DNS resolver) that talks to the far end's address and port (its kind's
// `target`). The trace's socket records name ports, not programs, so this is read from the
// document, as `ss -p` reads it from the kernel; two apps of a node talking to one server socket
// are both named.

import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import {
  ACTION_KINDS,
  actionLabel,
  addressResolver,
  appLabels,
  kindOf,
  type Scenario,
  type ScenarioNode,
} from '../../sim/index.ts';

/** A program on a node: its name in the trace (`web`, `http2`, `action3`) and its kind's type. */
export interface Program {
  label: string;
  type: string | undefined;
}

const ACTION_OF = new Map<string, (typeof ACTION_KINDS)[number]>(
  ACTION_KINDS.map((kind) => [kind.type, kind]),
);
const DNS_PORT = 53;

/**
 * The programs of `node` that hold its `protocol` socket on `localPort` talking to `remote`
 * (address and port): the listening server first, else the clients whose target is `remote`.
 */
export function socketOwners(
  scenario: Scenario,
  node: ScenarioNode,
  protocol: 'tcp' | 'udp',
  localPort: number,
  remote: { address: number; port: number },
): Program[] {
  const labels = appLabels(node);
  const apps = node.apps ?? [];
  const servers: Program[] = [];
  apps.forEach((app, i) => {
    const socket = kindOf(app).listens?.(app);
    if (socket?.protocol === protocol && socket.port === localPort)
      servers.push({ label: labels[i] as string, type: app.type });
  });
  if (servers.length > 0) return servers;

  const addressOf = addressResolver(scenario);
  const names = (value: string) => {
    const address = addressOf(value);
    // A DNS name is resolved at run time: it may be anyone, so the port alone decides.
    return address === undefined ? !parseIpv4(value).ok : address === remote.address;
  };
  const fits = (target: { value: string; socket?: { protocol: string; port: number } }) =>
    names(target.value) &&
    (target.socket === undefined
      ? protocol === 'udp'
      : target.socket.protocol === protocol && target.socket.port === remote.port);
  const clients: Program[] = [];
  apps.forEach((app, i) => {
    const kind = kindOf(app);
    const targets = [...(kind.target ? [kind.target(app)] : []), ...(kind.targets?.(app) ?? [])];
    if (targets.some((t) => t !== undefined && fits(t)))
      clients.push({ label: labels[i] as string, type: app.type });
  });
  (scenario.events ?? []).forEach((event, i) => {
    const kind = ACTION_OF.get(event.type);
    if (!kind || !('node' in event) || event.node !== node.id) return;
    if (names(kind.target(event as never).value))
      clients.push({ label: actionLabel(i), type: kind.runsAs ?? event.type });
  });
  if (clients.length === 0 && protocol === 'udp' && remote.port === DNS_PORT && node.dns)
    clients.push({ label: 'resolver', type: 'resolver' });
  return clients;
}

/** The ping actions of `node` that send echo requests to `peer` (ICMP has no ports to tell). */
export function pingOwners(scenario: Scenario, node: ScenarioNode, peer: number): Program[] {
  const addressOf = addressResolver(scenario);
  const owners: Program[] = [];
  (scenario.events ?? []).forEach((event, i) => {
    const kind = ACTION_OF.get(event.type);
    if (event.type !== 'ping' || !kind || !('node' in event) || event.node !== node.id) return;
    if (addressOf(kind.target(event as never).value) === peer)
      owners.push({ label: actionLabel(i), type: event.type });
  });
  return owners;
}
