// Which charts each built-in scenario gets, worked out by hand from the scenario files:
// - latency: a pinger whose echo replies come back (ping-over-a-link, two-subnets, backup-route,
//   switch-ring);
// - requests: a server app run by a server process (httpServer, service) or an HTTP client;
//   echo, sink, FTP, DNS, SMTP and POP3 servers answer without one;
// - throughput: every scenario sends packets over its links;
// - cwnd and rto: any TCP connection that carries data (every app but pinger and echo);
// - queue: a packet that has to wait behind another on a link, which needs two packets sent at
//   once from one interface. Every TCP client here sends the handshake's last ACK and its first
//   data at the same instant, so the data waits (and bulk uploads, the 5000-byte logo and a
//   20 kB STOR send bursts of segments). The pinger sends one packet at a time and the echo
//   answers each alone, so Ping and the backup route have none (their first request waits for
//   ARP alone), nor the switch ring (a switch sends at most one BPDU a port at one instant, and
//   none meets a ping on its way); but the fragments of one datagram leave one interface together, so the MTU
//   scenario's pings queue (and its TCP upload too).
// - A port scan moves no data (SYNs, SYN-ACKs and RSTs only) and sends each probe and answer
//   alone, 5 ms apart; but the printer is switched off, so the router's ARP for it fails and it
//   answers the 16 probes that waited with ICMP host unreachable at once: throughput and queue.
//   A SYN flood's server with SYN cookies still serves the office's pages: requests and the TCP
//   charts.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { applicableCharts, chartToShow } from './applicableCharts.ts';
import { chartData } from './chartData.ts';
import { networkNames } from '../names/index.ts';
import type { ChartKind } from './chartSpecs.ts';
import { recordList } from '../../engine/traceRecords.ts';

const TCP: ChartKind[] = ['throughput', 'cwnd', 'rto', 'queue'];

const EXPECTED: Record<string, ChartKind[]> = {
  'ping-over-a-link.json': ['latency', 'throughput'],
  'two-subnets.json': ['latency', ...TCP],
  'tcp-bulk-transfer.json': TCP,
  'tcp-options.json': TCP,
  'ftp-session.json': TCP,
  'database-service.json': ['requests', ...TCP],
  'dns-lookup.json': ['requests', ...TCP],
  'https-login.json': ['requests', ...TCP],
  'server-concurrency.json': ['requests', ...TCP],
  'web-page-load.json': ['requests', ...TCP],
  'classroom-rush.json': ['requests', ...TCP],
  'login-over-http.json': ['requests', ...TCP],
  'database-queue.json': ['requests', ...TCP],
  'burst-loss.json': TCP,
  'corrupted-link.json': ['latency', ...TCP],
  'retries-and-rate-limits.json': ['requests', ...TCP],
  'firewall.json': ['requests', ...TCP],
  'firewall-closed.json': ['throughput', 'rto'],
  'syn-flood.json': ['requests', ...TCP],
  'port-scan.json': ['throughput', 'queue'],
  'home-nat.json': ['requests', ...TCP],
  'load-balancer.json': ['requests', ...TCP],
  'load-balancer-failover.json': ['requests', ...TCP],
  'api-rate-limit.json': ['requests', ...TCP],
  'server-crash.json': ['requests', ...TCP],
  'backup-route.json': ['latency', 'throughput'],
  'link-slowdown.json': TCP,
  'mtu-path-discovery.json': ['latency', ...TCP],
  'email.json': TCP,
  'dhcp-home.json': ['requests', ...TCP],
  'switch-ring.json': ['latency', 'throughput'],
};

describe('charts that apply to each built-in scenario', () => {
  it('covers every scenario file of simulations/', () => {
    const files = readdirSync(new URL('../../../simulations/', import.meta.url)).filter((f) =>
      f.endsWith('.json'),
    );
    expect(Object.keys(EXPECTED).sort()).toEqual(files.sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.join(', ')}`, () => {
      const { scenario, records } = runSimulationFile(file);
      const kinds = applicableCharts(recordList(records));
      expect(kinds).toEqual(expected);
      // Every chart listed has lines over the whole run; every chart left out has none.
      const names = networkNames(scenario.nodes);
      const end = records[records.length - 1]?.t ?? 0;
      for (const kind of ['latency', 'requests', 'throughput', 'cwnd', 'rto', 'queue'] as const) {
        const lines = chartData({ records: recordList(records), time: end, names }, kind).lines;
        expect(lines.length > 0, kind).toBe(kinds.includes(kind));
      }
    });
  }

  it('lists nothing before a run', () => {
    expect(applicableCharts(recordList([]))).toEqual([]);
  });
});

describe('the chart shown', () => {
  it('is the one picked when it applies, else the most telling that does', () => {
    expect(chartToShow(['latency', 'throughput'], 'throughput')).toBe('throughput');
    expect(chartToShow(['latency', 'throughput'], 'cwnd')).toBe('latency');
    expect(chartToShow(['throughput', 'cwnd', 'rto', 'queue'], null)).toBe('cwnd');
    expect(chartToShow(['requests', 'throughput', 'cwnd'], null)).toBe('requests');
    expect(chartToShow([], 'cwnd')).toBe(null);
  });
});
