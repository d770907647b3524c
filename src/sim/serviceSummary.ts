// The summary of servers, web clients and CPUs after a run: counts, latency figures and the
// textbook CPU measures, as plain data (and as lines of text for the terminal).

import { formatDuration, type Nanos } from '../engine/time.ts';
import { summarizeCpu } from '../machines/cpu/cpuMetrics.ts';
import type { CpuScheduler } from '../machines/cpu/cpuScheduler.ts';
import type { ServerMetrics } from '../machines/server/serverProcess.ts';
import type { HttpClientMetrics } from './build/httpApps.ts';
import type { ServiceClientMetrics } from './build/serviceApps.ts';
import type { DnsServerMetrics } from '../machines/apps/dns/dnsServer.ts';
import type { ResolverMetrics } from '../machines/apps/dns/dnsResolver.ts';
import type { FtpServerMetrics } from '../machines/apps/ftp/ftpServer.ts';
import type { FtpClientMetrics } from '../machines/apps/ftp/ftpClientSession.ts';

export interface LatencyFigures {
  count: number;
  meanNs: Nanos | null;
  /** 95th percentile (nearest rank). */
  p95Ns: Nanos | null;
  maxNs: Nanos | null;
}

export interface ServerSummary {
  node: string;
  app: string;
  port: number;
  model: string;
  accepted: number;
  refused: number;
  requests: number;
  replies: number;
  statuses: Record<string, number>;
  latency: LatencyFigures;
  maxWaiting: number;
}

export interface WebClientSummary {
  node: string;
  server: string;
  visits: number;
  requests: number;
  responses: number;
  failures: number;
  statuses: Record<string, number>;
  latency: LatencyFigures;
  pages: LatencyFigures;
  error: string | null;
}

export interface CpuRunSummary {
  node: string;
  cores: number;
  policy: string;
  jobsCompleted: number;
  /** Busy time over cores x the run so far, 0..1. */
  utilization: number;
  avgWaitingNs: number;
  avgResponseNs: number;
  avgTurnaroundNs: number;
  maxReady: number;
  contextSwitches: number;
  preemptions: number;
}

/** Mean, 95th percentile (nearest rank) and max of some durations. */
export function latencyFigures(values: readonly number[]): LatencyFigures {
  if (values.length === 0) return { count: 0, meanNs: null, p95Ns: null, maxNs: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(0.95 * sorted.length));
  return {
    count: sorted.length,
    meanNs: Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    p95Ns: sorted[rank - 1] ?? null,
    maxNs: sorted[sorted.length - 1] ?? null,
  };
}

export function summariseServer(m: ServerMetrics): ServerSummary {
  const { latencies, statuses, ...rest } = m;
  return { ...rest, statuses: { ...statuses }, latency: latencyFigures(latencies) };
}

export function summariseWebClient(m: HttpClientMetrics): WebClientSummary {
  const { latencies, pageTimes, statuses, ...rest } = m;
  return {
    ...rest,
    statuses: { ...statuses },
    latency: latencyFigures(latencies),
    pages: latencyFigures(pageTimes),
  };
}

export function summariseCpu(cpu: CpuScheduler, now: Nanos): CpuRunSummary {
  const s = summarizeCpu(cpu.metrics, now);
  return {
    node: cpu.node,
    cores: cpu.config.cores,
    policy: cpu.config.policy,
    jobsCompleted: s.jobsCompleted,
    utilization: Number(s.utilization.toFixed(4)),
    avgWaitingNs: Math.round(s.avgWaiting),
    avgResponseNs: Math.round(s.avgResponse),
    avgTurnaroundNs: Math.round(s.avgTurnaround),
    maxReady: s.maxReady,
    contextSwitches: cpu.metrics.contextSwitches,
    preemptions: cpu.metrics.preemptions,
  };
}

const ms = (ns: number | null): string => (ns === null ? '-' : formatDuration(ns));
const statusText = (statuses: Record<string, number>): string =>
  Object.entries(statuses)
    .map(([status, n]) => `${n}x${status}`)
    .join(' ') || 'none';

// --- DNS and FTP (helper "dns-ftp") ---

/** DNS and FTP figures of a run; each list is present only when the scenario has such apps. */
export interface DnsFtpSummary {
  dnsServers?: DnsServerMetrics[];
  resolvers?: ResolverMetrics[];
  ftpServers?: FtpServerMetrics[];
  ftpClients?: FtpClientMetrics[];
}

/** The DNS and FTP part of a run summary (copies, so later changes do not leak in). */
export function summariseDnsFtp(m: {
  dnsServers: readonly DnsServerMetrics[];
  resolvers: readonly ResolverMetrics[];
  ftpServers: readonly FtpServerMetrics[];
  ftpClients: readonly FtpClientMetrics[];
}): DnsFtpSummary {
  const out: DnsFtpSummary = {};
  if (m.dnsServers.length > 0)
    out.dnsServers = m.dnsServers.map((d) => ({ ...d, rcodes: { ...d.rcodes } }));
  if (m.resolvers.length > 0)
    out.resolvers = m.resolvers.map((r) => ({ ...r, failures: { ...r.failures } }));
  if (m.ftpServers.length > 0) out.ftpServers = m.ftpServers.map((f) => ({ ...f }));
  if (m.ftpClients.length > 0)
    out.ftpClients = m.ftpClients.map((c) => ({ ...c, replies: { ...c.replies } }));
  return out;
}

function dnsFtpLines(s: DnsFtpSummary): string[] {
  const lines: string[] = [];
  for (const d of s.dnsServers ?? [])
    lines.push(`dns server ${d.node}: ${d.queries} queries (${statusText(d.rcodes)})`);
  for (const r of s.resolvers ?? [])
    lines.push(
      `resolver   ${r.node} -> ${r.server}: ${r.lookups} lookups, ${r.cacheHits} from cache, ` +
        `${r.queries} queries, ${r.answers} answered, failures ${statusText(r.failures)}`,
    );
  for (const f of s.ftpServers ?? [])
    lines.push(
      `ftp server ${f.node}:${f.port}: ${f.sessions} sessions, ${f.logins} logins (${f.failedLogins} refused), ` +
        `${f.commands} commands, ${f.bytesSent} bytes sent, ${f.bytesReceived} received`,
    );
  for (const c of s.ftpClients ?? [])
    lines.push(
      `ftp client ${c.node} -> ${c.server}: ${c.commands} commands (replies ${statusText(c.replies)}), ` +
        `${c.transfers} transfers, ${c.bytesDown} bytes down, ${c.bytesUp} up${c.error ? `; stopped: ${c.error}` : ''}`,
    );
  return lines;
}

// --- end DNS and FTP ---

/** A client of a request/response service (a database). */
export interface QueryClientSummary {
  node: string;
  server: string;
  visits: number;
  requests: number;
  replies: number;
  errors: number;
  failures: number;
  latency: LatencyFigures;
  error: string | null;
}

/** Request/response services and their clients; present only when a scenario has them. */
export interface QueryServiceSummary {
  services?: ServerSummary[];
  serviceClients?: QueryClientSummary[];
}

export function summariseQueryServices(
  services: readonly ServerMetrics[],
  clients: readonly ServiceClientMetrics[],
): QueryServiceSummary {
  if (services.length === 0 && clients.length === 0) return {};
  return {
    services: services.map(summariseServer),
    serviceClients: clients.map(({ latencies, ...rest }) => ({
      ...rest,
      latency: latencyFigures(latencies),
    })),
  };
}

function queryServiceLines(s: QueryServiceSummary): string[] {
  const lines: string[] = [];
  for (const w of s.services ?? []) {
    lines.push(
      `service    ${w.node} ${w.app}:${w.port} (${w.model}): ${w.accepted} connections, ${w.refused} refused, ` +
        `${w.replies}/${w.requests} replied; latency mean ${ms(w.latency.meanNs)}, p95 ${ms(w.latency.p95Ns)}`,
    );
  }
  for (const c of s.serviceClients ?? []) {
    lines.push(
      `queries    ${c.node} -> ${c.server}: ${c.visits} visits, ${c.replies}/${c.requests} answered, ${c.errors} errors, ` +
        `${c.failures} failed; latency mean ${ms(c.latency.meanNs)}, p95 ${ms(c.latency.p95Ns)}${c.error ? `; stopped: ${c.error}` : ''}`,
    );
  }
  return lines;
}

/** Terminal lines for servers, web clients and CPUs (and DNS and FTP when present). */
export function serviceSummaryLines(
  s: {
    webServers: ServerSummary[];
    webClients: WebClientSummary[];
    cpus: CpuRunSummary[];
  } & DnsFtpSummary &
    QueryServiceSummary,
): string[] {
  const lines: string[] = [];
  for (const w of s.webServers) {
    lines.push(
      `server     ${w.node} ${w.app}:${w.port} (${w.model}): ${w.accepted} connections, ${w.refused} refused, ` +
        `${w.replies}/${w.requests} replied (${statusText(w.statuses)}); latency mean ${ms(w.latency.meanNs)}, p95 ${ms(w.latency.p95Ns)}`,
    );
  }
  for (const c of s.webClients) {
    const pages =
      c.pages.count > 0 ? `; ${c.pages.count} pages, mean load ${ms(c.pages.meanNs)}` : '';
    lines.push(
      `client     ${c.node} -> ${c.server}: ${c.visits} visits, ${c.responses}/${c.requests} answered (${statusText(c.statuses)}), ` +
        `${c.failures} failed; latency mean ${ms(c.latency.meanNs)}${pages}${c.error ? `; stopped: ${c.error}` : ''}`,
    );
  }
  lines.push(...queryServiceLines(s));
  for (const p of s.cpus) {
    lines.push(
      `cpu        ${p.node} (${p.cores} core${p.cores === 1 ? '' : 's'}, ${p.policy}): ${p.jobsCompleted} jobs, ` +
        `utilization ${(p.utilization * 100).toFixed(1)}%, mean wait ${ms(p.avgWaitingNs)}, longest run queue ${p.maxReady}`,
    );
  }
  lines.push(...dnsFtpLines(s));
  return lines;
}
