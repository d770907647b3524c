// How the event log and the summary name things: a node by its label, a router as "Router r1",
// an address or "address:port" by the node that owns it ("Echo server (192.168.1.20:7)"), and
// which kind of app an app name in the trace belongs to (an action's: the kind it runs as). The
// role in a device's name is in the language asked for (`DNS-Server dns1` in German).

import { ENGLISH, type Language } from '../../engine/language.ts';
import { formatIpv4, parseIpv4 } from '../../net/wire/ipv4Address.ts';
import {
  ACTION_KINDS,
  actionIndexOf,
  appLabels,
  type ScenarioEvent,
  type ScenarioNode,
} from '../../sim/documents.ts';
import { isDevice, roleName } from './roleIcons.ts';

/** Names for the nodes, interfaces and addresses of one scenario. */
export interface NetworkNames {
  /** The name people see for a node id: its label, else the id; unknown ids as they are. */
  name(id: string): string;
  /** The name at the start of a sentence: `Router r1` for network devices, else the name. */
  title(id: string): string;
  /** A node with its address: `Laptop (192.168.1.10)`; `iface` picks one of several. */
  withAddress(id: string, iface?: string): string;
  /** Whether a node has more than one interface (so sentences name the interface). */
  hasSeveralInterfaces(id: string): boolean;
  /** The id of the node that owns an address, if any. */
  nodeOf(address: number): string | undefined;
  /**
   * An address or `address:port` with its owner: `Echo server (192.168.1.20:7)`. Text that is
   * not an address, or an address nobody owns, is returned as it is.
   */
  endpoint(text: string): string;
  /**
   * The node a connection's far end names (`10.0.0.2:80`, or `49152>10.0.0.2:80`), by its name;
   * else the far end as written.
   */
  peerOf(conn: string): string;
  /** The kind (`httpClient`) of the app of `node` a trace name (`http2`, `http2/u3`) belongs to. */
  appType(node: string, app: string): string | undefined;
  /** The scenario's node of that id (its settings: a firewall's rules, say), if any. */
  node(id: string): ScenarioNode | undefined;
}

/** The app kind each action kind runs as (an action's records are that kind's). */
const ACTION_RUNS_AS = new Map<string, string | undefined>(
  ACTION_KINDS.map((kind) => [kind.type, kind.runsAs]),
);

/**
 * NetworkNames for a scenario's nodes; with its timed events, an action's records (`action3`)
 * are told as those of the app kind it runs as. `language` is that of a device's role in its
 * title (`Router r1`).
 */
export function networkNames(
  nodes: readonly ScenarioNode[],
  events: readonly ScenarioEvent[] = [],
  language: Language = ENGLISH,
): NetworkNames {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const owner = new Map<number, string>();
  for (const node of nodes) {
    for (const iface of node.interfaces ?? []) {
      if (iface.address && !owner.has(iface.address.address)) {
        owner.set(iface.address.address, node.id);
      }
    }
  }
  const name = (id: string): string => byId.get(id)?.label ?? id;
  const labels = new Map<ScenarioNode, string[]>();
  const appsOf = (node: ScenarioNode): string[] => {
    let names = labels.get(node);
    if (!names) labels.set(node, (names = appLabels(node)));
    return names;
  };
  return {
    name,
    node: (id) => byId.get(id),
    title(id) {
      const node = byId.get(id);
      if (!node || !isDevice(node.role)) return name(id);
      const role = roleName(node.role, language);
      if (name(id).toLowerCase().includes(role.toLowerCase())) return name(id);
      return `${role[0]?.toUpperCase()}${role.slice(1)} ${name(id)}`;
    },
    withAddress(id, ifaceName) {
      const interfaces = byId.get(id)?.interfaces ?? [];
      const iface =
        ifaceName === undefined
          ? interfaces.length === 1
            ? interfaces[0]
            : undefined
          : interfaces.find((i) => i.name === ifaceName);
      return iface?.address ? `${name(id)} (${formatIpv4(iface.address.address)})` : name(id);
    },
    hasSeveralInterfaces(id) {
      return (byId.get(id)?.interfaces?.length ?? 0) > 1;
    },
    nodeOf(address) {
      return owner.get(address);
    },
    endpoint(text) {
      const [host = '', port] = text.split(':');
      const parsed = parseIpv4(host);
      const id = parsed.ok ? owner.get(parsed.address) : undefined;
      return id === undefined || (port !== undefined && !/^\d+$/.test(port))
        ? text
        : `${name(id)} (${text})`;
    },
    peerOf(conn) {
      const remote = conn.includes('>') ? conn.slice(conn.indexOf('>') + 1) : conn;
      const parsed = parseIpv4(remote.split(':')[0] ?? '');
      const id = parsed.ok ? owner.get(parsed.address) : undefined;
      return id === undefined ? remote : name(id);
    },
    appType(nodeId, app) {
      const node = byId.get(nodeId);
      if (!node) return undefined;
      const slash = app.indexOf('/');
      const base = slash < 0 ? app : app.slice(0, slash);
      const index = appsOf(node).indexOf(base);
      if (index >= 0) return node.apps?.[index]?.type;
      const action = actionIndexOf(base);
      const event = action === undefined ? undefined : events[action];
      return event && 'node' in event && event.node === nodeId
        ? ACTION_RUNS_AS.get(event.type)
        : undefined;
    },
  };
}
