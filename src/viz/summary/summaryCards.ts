// The run summary's servers, clients, CPUs, DNS and FTP as cards of labelled figures, the same
// data the `handshake run` lines show, for the browser's summary panel.

import { formatDuration } from '../../engine/time.ts';
import type { RunSummary } from '../../sim/index.ts';

/** One card: a title, what it is, and its figures as [label, value] pairs. */
export interface SummaryCard {
  id: string;
  title: string;
  kind: string;
  figures: [label: string, value: string][];
}

const time = (ns: number | null | undefined): string =>
  ns === null || ns === undefined ? '—' : formatDuration(ns);
const counts = (m: Record<string, number>): string =>
  Object.entries(m)
    .map(([k, n]) => `${n} × ${k === '-' ? 'other' : k}`)
    .join(', ') || 'none';

/** Cards for everything in a summary beyond pingers, echo servers, bulk senders and sinks. */
export function summaryCards(s: RunSummary, name: (node: string) => string): SummaryCard[] {
  const cards: SummaryCard[] = [];
  for (const w of [...s.webServers, ...(s.services ?? [])]) {
    cards.push({
      id: `server-${w.node}-${w.app}`,
      title: `${name(w.node)} · ${w.app}`,
      kind: `${w.model} server on port ${w.port}`,
      figures: [
        ['Connections', String(w.accepted)],
        ['Refused', String(w.refused)],
        ['Replied', `${w.replies} of ${w.requests}`],
        ['Statuses', counts(w.statuses)],
        ['Latency mean / p95', `${time(w.latency.meanNs)} / ${time(w.latency.p95Ns)}`],
        ['Most waiting', String(w.maxWaiting)],
      ],
    });
  }
  for (const c of s.webClients) {
    const figures: SummaryCard['figures'] = [
      ['Visits', String(c.visits)],
      ['Answered', `${c.responses} of ${c.requests}`],
      ['Statuses', counts(c.statuses)],
      ['Failed', String(c.failures)],
      ['Latency mean / p95', `${time(c.latency.meanNs)} / ${time(c.latency.p95Ns)}`],
    ];
    if (c.pages.count > 0)
      figures.push(['Page loads, mean', `${c.pages.count}, ${time(c.pages.meanNs)}`]);
    if (c.error) figures.push(['Stopped', c.error]);
    cards.push({
      id: `web-client-${c.node}`,
      title: `${name(c.node)} → ${c.server}`,
      kind: 'web client',
      figures,
    });
  }
  for (const c of s.serviceClients ?? []) {
    const figures: SummaryCard['figures'] = [
      ['Visits', String(c.visits)],
      ['Answered', `${c.replies} of ${c.requests}`],
      ['Errors', String(c.errors)],
      ['Failed', String(c.failures)],
      ['Latency mean / p95', `${time(c.latency.meanNs)} / ${time(c.latency.p95Ns)}`],
    ];
    if (c.error) figures.push(['Stopped', c.error]);
    cards.push({
      id: `service-client-${c.node}`,
      title: `${name(c.node)} → ${c.server}`,
      kind: 'service client',
      figures,
    });
  }
  for (const p of s.cpus) {
    cards.push({
      id: `cpu-${p.node}`,
      title: name(p.node),
      kind: `CPU, ${p.cores} core${p.cores === 1 ? '' : 's'}, ${p.policy}`,
      figures: [
        ['Jobs done', String(p.jobsCompleted)],
        ['Utilization', `${(p.utilization * 100).toFixed(1)}%`],
        ['Mean waiting', time(p.avgWaitingNs)],
        ['Mean response', time(p.avgResponseNs)],
        ['Longest run queue', String(p.maxReady)],
        ['Context switches', String(p.contextSwitches)],
      ],
    });
  }
  for (const d of s.dnsServers ?? [])
    cards.push({
      id: `dns-${d.node}`,
      title: name(d.node),
      kind: 'DNS server',
      figures: [
        ['Queries', String(d.queries)],
        ['Answers', counts(d.rcodes)],
      ],
    });
  for (const r of s.resolvers ?? [])
    cards.push({
      id: `resolver-${r.node}`,
      title: name(r.node),
      kind: `DNS resolver, asks ${r.server}`,
      figures: [
        ['Lookups', String(r.lookups)],
        ['From cache', String(r.cacheHits)],
        ['Queries sent', String(r.queries)],
        ['Failures', counts(r.failures)],
      ],
    });
  for (const f of s.ftpServers ?? [])
    cards.push({
      id: `ftp-server-${f.node}`,
      title: name(f.node),
      kind: `FTP server on port ${f.port}`,
      figures: [
        ['Sessions', String(f.sessions)],
        ['Logins (refused)', `${f.logins} (${f.failedLogins})`],
        ['Commands', String(f.commands)],
        ['Bytes sent / received', `${f.bytesSent} / ${f.bytesReceived}`],
      ],
    });
  for (const c of s.ftpClients ?? [])
    cards.push({
      id: `ftp-client-${c.node}`,
      title: `${name(c.node)} → ${c.server}`,
      kind: 'FTP client',
      figures: [
        ['Commands', String(c.commands)],
        ['Replies', counts(c.replies)],
        ['Transfers', String(c.transfers)],
        ['Bytes down / up', `${c.bytesDown} / ${c.bytesUp}`],
        ...(c.error ? [['Stopped', c.error] as [string, string]] : []),
      ],
    });
  // Several clients on one node: number the second and later cards so every id is unique.
  const seen = new Map<string, number>();
  for (const card of cards) {
    const n = (seen.get(card.id) ?? 0) + 1;
    seen.set(card.id, n);
    if (n > 1) card.id = `${card.id}-${n}`;
  }
  return cards;
}
