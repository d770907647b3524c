// The run summary as lines of text for a terminal: the run, then each app by its kind's own
// lines, each action that has figures (attacks), each resolver, firewall, NAT, CPU, node that
// crashed, and link.

import { formatDuration } from '../../engine/time.ts';
import type { StopReason } from '../../engine/simulator.ts';
import type { AnyAppKind } from '../kinds/appKind.ts';
import {
  actionBehaviour,
  appBehaviour,
  firewallBehaviour,
  natBehaviour,
  resolverBehaviour,
} from '../kinds/kindBehaviours.ts';
import { ACTION_KINDS, APP_KINDS } from '../kinds/kindRegistry.ts';
import { cpuLines } from './cpuFigures.ts';
import { formatBitRate } from './figureMath.ts';
import type { DirectionFigures, LinkFigures } from './linkFigures.ts';
import type { RunSummary } from './runSummary.ts';
import { nodeFailureLine } from './nodeFailureFigures.ts';
import { fragmentLine } from './fragmentFigures.ts';

const REASONS: Record<StopReason, string> = {
  empty: 'nothing left to do',
  until: 'reached the time limit',
  maxEvents: 'hit the event limit (the run may be unbounded)',
  stopped: 'stopped',
  recordLimit: "reached the record budget, the page's memory limit",
  wallLimit: 'reached its limit of real (wall-clock) time',
  memoryLimit: 'reached its limit of resident memory',
};

/** The summary as lines of text for a terminal. */
export function formatSummaryLines(s: RunSummary): string[] {
  const lines = [
    `scenario   ${s.scenario}`,
    `seed       ${s.seed}`,
    `stopped    ${REASONS[s.reason]} at ${formatDuration(s.simulatedNs)}`,
    `events     ${s.events}`,
    `trace      ${s.traceRecords} records`,
  ];
  for (const kind of APP_KINDS as readonly AnyAppKind[]) {
    const figures = (s.apps as Record<string, unknown[] | undefined>)[kind.type] ?? [];
    for (const f of figures) lines.push(...appBehaviour(kind).figures.lines(f));
  }
  for (const kind of ACTION_KINDS) {
    const figures = s.actions?.[kind.type] ?? [];
    const behaviour = figures.length > 0 ? actionBehaviour(kind).figures : undefined;
    for (const f of figures) lines.push(...(behaviour?.lines(f) ?? []));
  }
  for (const r of s.resolvers ?? []) lines.push(...resolverBehaviour().lines(r));
  for (const f of s.firewalls ?? []) lines.push(...firewallBehaviour().lines(f));
  for (const n of s.nats ?? []) lines.push(...natBehaviour().lines(n));
  for (const p of s.cpus) lines.push(...cpuLines(p));
  for (const f of s.nodeFailures ?? []) lines.push(nodeFailureLine(f, formatDuration));
  for (const f of s.fragmentation ?? []) lines.push(fragmentLine(f));
  for (const l of s.links) {
    const [ab, ba] = l.directions;
    const total = (key: keyof DirectionFigures) => (ab[key] ?? 0) + (ba[key] ?? 0);
    const corrupt = l.corrupt === undefined ? '' : `, damaged ${percentText(l.corrupt)}`;
    const damaged = l.corrupt === undefined ? '' : `, ${total('damaged')} damaged`;
    lines.push(
      `link       ${l.link} (${l.a} - ${l.b}, ${formatBitRate(l.bandwidth)}, ${formatDuration(l.latency)}, loss ${lossText(l)}${corrupt}): ` +
        `${total('sent')} sent, ${total('delivered')} delivered, ${total('lost')} lost${damaged}, ${total('queueDrops')} dropped at queues`,
    );
  }
  return lines;
}

/** `20%`, or `4.76% bursty (bad spells of 5 packets)` (a long-run rate, to 0.01%). */
function lossText(l: LinkFigures): string {
  const percent = percentText(l.loss);
  return l.burst === undefined
    ? percent
    : `${percent} bursty (bad spells of ${Number(l.burst.toFixed(1))} packets)`;
}

/** A probability as a percentage to 0.01%: `3.8%`. */
function percentText(p: number): string {
  return `${Number((p * 100).toFixed(2))}%`;
}
