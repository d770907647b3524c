// A load balancer's backends at the moment shown, for the node inspector: each backend's health
// (and since when), its weight, the picks it got and their share, the ones it failed, and the
// connections or requests it has open then. Read from the node's lb.* records up to that moment
// (the same records as the summary's figures), with the backends listed as the document lists them.

import { ENGLISH, formatCount, type Language } from '../../engine/language.ts';
import { formatDuration } from '../../engine/time.ts';
import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import type { Scenario, ScenarioNode } from '../../sim/documents.ts';
import { addressResolver, appLabels } from '../../sim/documents.ts';
import { LB_DEFAULTS, resolvedBackends, type LoadBalancerApp } from './lbSchemas.ts';
import { lbPhrases } from './lbPhrases.ts';
import { shareText } from './loadBalancerView.ts';
import type { PickPolicy } from './pickPolicy.ts';
import './lbTrace.ts';

/** One backend's row. */
export interface BackendRow {
  /** `address:port`, as the trace names it. */
  backend: string;
  weight: number;
  healthy: boolean;
  /** When its health last changed, or null if it never did. */
  since: number | null;
  /** Picks so far. */
  requests: number;
  /** Its part of all the picks so far, 0 to 1. */
  share: number;
  failures: number;
  /** Connections (layer 4) or requests (layer 7) sent to it and not ended yet. */
  open: number;
}

/** One load balancer app of a node at a moment. */
export interface BalancerTable {
  /** Its name in the trace (`lb`). */
  app: string;
  mode: 'l4' | 'l7';
  policy: PickPolicy;
  picks: number;
  unserved: number;
  /** With a rate limit: the requests or connections it turned away; else undefined. */
  limited: number | undefined;
  rows: BackendRow[];
}

const TYPES = new Set([
  'lb.pick',
  'lb.noBackend',
  'lb.limit',
  'lb.done',
  'lb.failure',
  'lb.health',
]);

/** The lb.* records of `node` that the table reads, in time order. */
export function balancerRecords(records: TraceRecords, node: string): TraceRecord[] {
  const out: TraceRecord[] = [];
  for (let i = 0; i < records.length; i++) {
    if (!TYPES.has(records.typeAt(i))) continue;
    const r = records.get(i);
    if ('node' in r && r.node === node) out.push(r);
  }
  return out;
}

/** Each load balancer app of `node` at time `t` (records with `t <= time` have happened). */
export function balancersAt(
  scenario: Scenario,
  node: ScenarioNode,
  own: readonly TraceRecord[],
  time: number,
): BalancerTable[] {
  const addressOf = addressResolver(scenario);
  const labels = appLabels(node);
  const tables: BalancerTable[] = [];
  (node.apps ?? []).forEach((app, index) => {
    if (app.type !== 'loadBalancer') return;
    const lb = app as LoadBalancerApp;
    const label = labels[index] as string;
    const rows = resolvedBackends(lb, addressOf).map((b): BackendRow => ({
      backend: b.id,
      weight: b.weight,
      healthy: true,
      since: null,
      requests: 0,
      share: 0,
      failures: 0,
      open: 0,
    }));
    const byId = new Map(rows.map((row) => [row.backend, row]));
    const table: BalancerTable = {
      app: label,
      mode: lb.mode ?? LB_DEFAULTS.mode,
      policy: lb.policy ?? LB_DEFAULTS.policy,
      picks: 0,
      unserved: 0,
      limited: lb.rateLimit === undefined ? undefined : 0,
      rows,
    };
    for (const r of own) {
      if (r.t > time) break;
      if (!('app' in r) || r.app !== label) continue;
      if (r.type === 'lb.noBackend') table.unserved++;
      else if (r.type === 'lb.limit') table.limited = (table.limited ?? 0) + 1;
      else if (r.type === 'lb.pick') {
        table.picks++;
        const row = byId.get(r.backend);
        if (row) {
          row.requests++;
          row.open++;
        }
      } else if (r.type === 'lb.done' || r.type === 'lb.failure') {
        const row = byId.get(r.backend);
        if (!row) continue;
        row.open--;
        if (r.type === 'lb.failure') row.failures++;
      } else if (r.type === 'lb.health') {
        const row = byId.get(r.backend);
        if (!row) continue;
        row.healthy = r.healthy;
        row.since = r.t;
      }
    }
    for (const row of rows) row.share = table.picks === 0 ? 0 : row.requests / table.picks;
    tables.push(table);
  });
  return tables;
}

/** A table's words for people, in a language: its title, column heads and cells. */
export interface BackendsText {
  title: string;
  summary: string;
  heads: {
    backend: string;
    weight: string;
    health: string;
    requests: string;
    share: string;
    failures: string;
    open: string;
  };
  /** Whether any backend has a weight other than 1 (else the column says nothing). */
  weighted: boolean;
  rows: {
    backend: string;
    /** The backend's owner and address, `Web 2 (10.0.1.22:80)`. */
    name: string;
    /** Its owner alone (`Web 2`), or its address when no node owns it. */
    owner: string;
    weight: string;
    healthy: boolean;
    /** `up`, `down`. */
    health: string;
    /** Since when, `since 3.396 s`, or null if it never changed. */
    since: string | null;
    requests: string;
    /** The share as a number 0 to 1, for a bar. */
    shareValue: number;
    share: string;
    failures: string;
    open: string;
  }[];
}

/** A balancer's table in words: names from `names`, numbers and times in `language`. */
export function backendsText(
  table: BalancerTable,
  names: { endpoint(text: string): string },
  language: Language = ENGLISH,
): BackendsText {
  const { say } = lbPhrases.in(language);
  const n = (value: number) => formatCount(value, language);
  return {
    title: say('table.title', {
      app: table.app,
      mode: say(table.mode === 'l4' ? 'mode.l4' : 'mode.l7'),
      policy: say(`policy.${table.policy}`),
    }),
    summary:
      table.limited === undefined
        ? say('table.summary', { picks: n(table.picks), unserved: n(table.unserved) })
        : say('table.summaryLimited', {
            picks: n(table.picks),
            unserved: n(table.unserved),
            limited: n(table.limited),
          }),
    heads: {
      backend: say('table.backend'),
      weight: say('table.weight'),
      health: say('table.health'),
      requests: say('table.requests'),
      share: say('table.share'),
      failures: say('table.failures'),
      open: say('table.open'),
    },
    weighted: table.rows.some((row) => row.weight !== 1),
    rows: table.rows.map((row) => {
      const name = names.endpoint(row.backend);
      return {
        backend: row.backend,
        name,
        owner: name === row.backend ? name : name.slice(0, name.lastIndexOf(' (')),
        weight: n(row.weight),
        healthy: row.healthy,
        health: say(row.healthy ? 'health.up' : 'health.down'),
        since:
          row.since === null
            ? null
            : say('table.since', { time: formatDuration(row.since, language) }),
        requests: n(row.requests),
        shareValue: row.share,
        share: shareText(row.share, language),
        failures: n(row.failures),
        open: n(row.open),
      };
    }),
  };
}
