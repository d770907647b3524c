// Short texts the topology picture and the panels write about a scenario's network: interface
// addresses ("wlan0 192.168.1.10/24"), link ends ("r1:eth0") and link settings ("54 Mbit/s"),
// in a language (namesPhrases.ts; English by default).

import { ENGLISH, formatNumber, type Language } from '../../engine/language.ts';
import { formatDuration } from '../../engine/time.ts';
import { burstLossRate, meanBadRun } from '../../net/link/burstLoss.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { DEFAULT_BANDWIDTH } from '../../sim/documents.ts';
import { formatBitRate } from '../../sim/documents.ts';
import type { ScenarioLink, ScenarioNode } from '../../sim/scenario/scenarioSchema.ts';
import { formatCount } from '../../engine/language.ts';
import { namesPhrases } from './namesPhrases.ts';

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

/** A number with at most three decimals and no grouping, the language's decimal sign. */
function decimal(value: number, language: Language): string {
  const rounded = Number(value.toFixed(3));
  return language === ENGLISH
    ? String(rounded)
    : formatNumber(language, rounded, { maximumFractionDigits: 3, useGrouping: false });
}

/** A probability as a percentage with at most three decimals: `20%`, `0.125%` (`0,125 %`). */
export function formatPercent(p: number, language: Language = ENGLISH): string {
  return namesPhrases.in(language).say('percent', { value: decimal(p * 100, language) });
}

/** A bit rate as formatBitRate writes it (`1.5 Mbit/s`), with the language's decimal sign. */
export function spokenBitRate(bps: number, language: Language = ENGLISH): string {
  if (language === ENGLISH) return formatBitRate(bps);
  if (bps === Infinity) return namesPhrases.in(language).say('unlimited');
  for (const [unit, scale] of [
    ['Gbit/s', 1e9],
    ['Mbit/s', 1e6],
    ['kbit/s', 1e3],
  ] as const) {
    if (bps >= scale) return `${decimal(bps / scale, language)} ${unit}`;
  }
  return `${decimal(bps, language)} bit/s`;
}

/** A size in bytes: `1500 bytes`, `64 KiB`, `2 MiB`. */
export function formatBytes(bytes: number, language: Language = ENGLISH): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return namesPhrases.in(language).say('bytes', { count: formatCount(bytes, language) });
}

/** A link's queue limit per direction, `queue 10 packets`, or undefined when none is set. */
export function queueText(
  queue: ScenarioLink['queue'],
  language: Language = ENGLISH,
): string | undefined {
  if (!queue) return undefined;
  const { say } = namesPhrases.in(language);
  const limits = [
    queue.packets === undefined ? undefined : say('link.packets', { count: String(queue.packets) }),
    queue.bytes === undefined ? undefined : formatBytes(queue.bytes, language),
  ].filter((x): x is string => x !== undefined);
  if (limits.length === 0) return undefined;
  const [first = '', second] = limits;
  return say('link.queue', {
    limits: second === undefined ? first : say('link.either', { first, second }),
  });
}

/**
 * What a linkChange sets, in the order a link's settings are written: `10 Mbit/s`, `50 ms`,
 * `2 % loss` (each only when the change sets it).
 */
export function linkChangeSettings(
  change: { bandwidth?: number; latency?: number; loss?: number },
  language: Language = ENGLISH,
): string[] {
  const { say } = namesPhrases.in(language);
  const parts: string[] = [];
  if (change.bandwidth !== undefined) parts.push(spokenBitRate(change.bandwidth, language));
  if (change.latency !== undefined) parts.push(formatDuration(change.latency, language));
  if (change.loss !== undefined)
    parts.push(
      change.loss > 0
        ? say('link.loss', { percent: formatPercent(change.loss, language) })
        : say('link.noLoss'),
    );
  return parts;
}

/**
 * A link's settings as short phrases: bandwidth, one-way latency, loss (or `no loss`), then only
 * what is set: jitter, corruption, duplication, reordering and the queue.
 */
export function linkSettings(link: ScenarioLink, language: Language = ENGLISH): string[] {
  const { say } = namesPhrases.in(language);
  const percent = (p: number) => formatPercent(p, language);
  const parts = [
    spokenBitRate(link.bandwidth ?? DEFAULT_BANDWIDTH, language),
    formatDuration(link.latency, language),
    link.burstLoss
      ? say('link.burstLoss', {
          percent: percent(burstLossRate(link.burstLoss)),
          count: Number(meanBadRun(link.burstLoss).toFixed(1)),
        })
      : link.loss
        ? say('link.loss', { percent: percent(link.loss) })
        : say('link.noLoss'),
  ];
  if (link.jitter) parts.push(say('link.jitter', { time: formatDuration(link.jitter, language) }));
  if (link.corrupt) parts.push(say('link.corrupted', { percent: percent(link.corrupt) }));
  if (link.duplicate) parts.push(say('link.duplicated', { percent: percent(link.duplicate) }));
  if (link.reorder?.probability) {
    parts.push(
      say('link.reordered', {
        percent: percent(link.reorder.probability),
        time: formatDuration(link.reorder.delay, language),
      }),
    );
  }
  const queue = queueText(link.queue, language);
  if (queue) parts.push(queue);
  return parts;
}
