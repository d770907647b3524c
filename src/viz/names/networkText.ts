// Short texts the topology picture and the panels write about a scenario's network: interface
// addresses ("wlan0 192.168.1.10/24"), link ends ("r1:eth0") and link settings ("54 Mbit/s").

import { formatDuration } from '../../engine/time.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { DEFAULT_BANDWIDTH } from '../../sim/index.ts';
import { formatBitRate } from '../../sim/index.ts';
import type { ScenarioLink, ScenarioNode } from '../../sim/scenario/scenarioSchema.ts';

type Interface = NonNullable<ScenarioNode['interfaces']>[number];

/** A link end as written in a scenario, `node` or `node:interface`, split in two. */
export function splitLinkEnd(end: string): { node: string; iface: string | undefined } {
  const colon = end.indexOf(':');
  return colon < 0
    ? { node: end, iface: undefined }
    : { node: end.slice(0, colon), iface: end.slice(colon + 1) };
}

/**
 * The interface a link end names: the named one, or the node's only interface when the end is
 * just the node id (as the scenario format allows).
 */
export function linkEndInterface(
  node: Pick<ScenarioNode, 'interfaces'> | undefined,
  end: string,
): Interface | undefined {
  const { iface } = splitLinkEnd(end);
  const interfaces = node?.interfaces ?? [];
  if (iface === undefined) return interfaces.length === 1 ? interfaces[0] : undefined;
  return interfaces.find((i) => i.name === iface);
}

/** An interface address with its prefix length: `192.168.1.10/24`. */
export function formatInterfaceAddress(address: NonNullable<Interface['address']>): string {
  return `${formatIpv4(address.address)}/${address.prefix.length}`;
}

/** An interface as the node card lists it: `wlan0 192.168.1.10/24`, or `p1` (a switch port). */
export function interfaceText(iface: Interface): string {
  return iface.address ? `${iface.name} ${formatInterfaceAddress(iface.address)}` : iface.name;
}

/** A probability as a percentage with at most three decimals: `20%`, `0.125%`. */
export function formatPercent(p: number): string {
  return `${Number((p * 100).toFixed(3))}%`;
}

/** A size in bytes: `1500 bytes`, `64 KiB`, `2 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** A link's queue limit per direction, `queue 10 packets`, or undefined when none is set. */
export function queueText(queue: ScenarioLink['queue']): string | undefined {
  if (!queue) return undefined;
  const limits = [
    queue.packets === undefined
      ? undefined
      : `${queue.packets} ${queue.packets === 1 ? 'packet' : 'packets'}`,
    queue.bytes === undefined ? undefined : formatBytes(queue.bytes),
  ].filter((x): x is string => x !== undefined);
  return limits.length > 0 ? `queue ${limits.join(' or ')}` : undefined;
}

/**
 * A link's settings as short phrases: bandwidth, one-way latency, loss (or `no loss`), then only
 * what is set: duplication, reordering and the queue.
 */
export function linkSettings(link: ScenarioLink): string[] {
  const parts = [
    formatBitRate(link.bandwidth ?? DEFAULT_BANDWIDTH),
    formatDuration(link.latency),
    link.loss ? `${formatPercent(link.loss)} loss` : 'no loss',
  ];
  if (link.duplicate) parts.push(`${formatPercent(link.duplicate)} duplicated`);
  if (link.reorder?.probability) {
    parts.push(
      `${formatPercent(link.reorder.probability)} reordered by ${formatDuration(link.reorder.delay)}`,
    );
  }
  const queue = queueText(link.queue);
  if (queue) parts.push(queue);
  return parts;
}
