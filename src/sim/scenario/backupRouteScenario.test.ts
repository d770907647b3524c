// simulations/backup-route.json teaches what it says: while the fibre's interfaces are down the
// routes through them leave the tables, the default route (the longest prefix left) matches and
// the pings take the provider's line; when they come back, so does the fibre. Round trips are
// worked by hand from the file's links: the sum of the latencies on the path, both ways, plus
// each hop's transmission of the 84-byte packet (20 IP + 8 UDP + 56 of data, 672 bits).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { parseScenarioText, runScenario } from '../index.ts';

const BITS = 8 * (20 + 8 + 56);
/** Nanoseconds to put the ping's 672 bits on a link of `bps`. */
const tx = (bps: number) => (BITS * NS_PER_S) / bps;
const MBPS = 1e6;
// One way on the fibre: branch LAN (1 ms, 100 Mb/s), fibre (10 ms, 100 Mb/s), HQ LAN (1 ms, 1 Gb/s).
const FIBRE_ONE_WAY = 12 * NS_PER_MS + 2 * tx(100 * MBPS) + tx(1000 * MBPS);
// One way round it: branch LAN, two provider hops (20 ms, 10 Mb/s each), HQ LAN.
const BACKUP_ONE_WAY = 42 * NS_PER_MS + tx(100 * MBPS) + 2 * tx(10 * MBPS) + tx(1000 * MBPS);
const FIBRE_RTT = 2 * FIBRE_ONE_WAY; // 24.028224 ms
const BACKUP_RTT = 2 * BACKUP_ONE_WAY; // 84.283584 ms
const DOWN = 3150 * NS_PER_MS;
const UP = 7 * NS_PER_S;
const TIMEOUT = 300 * NS_PER_MS; // the pinger's

/** Each attempt the pinger sent, with when it was sent and its reply's RTT if one came. */
function attempts(records: readonly TraceRecord[]) {
  const replies = recordsOfType(records, 'app.reply');
  return recordsOfType(records, 'app.request').map((r) => ({
    seq: r.seq,
    attempt: r.attempt,
    sent: r.t,
    rtt: replies.find((x) => x.seq === r.seq && x.attempt === r.attempt)?.rtt,
  }));
}

/** When packets began to cross `link`. */
const crossings = (records: readonly TraceRecord[], link: string) =>
  recordsOfType(records, 'link.txBegin')
    .filter((r) => r.link === link)
    .map((r) => r.t);

describe('simulations/backup-route.json', () => {
  const { records } = runSimulationFile('backup-route.json');
  const sent = attempts(records);

  it('works out its round trips by hand: 24.03 ms by the fibre, 84.28 ms by the backup line', () => {
    expect(FIBRE_RTT).toBe(24_028_224);
    expect(BACKUP_RTT).toBe(84_283_584);
  });

  it('pings by the fibre before 3.15 s and after 7 s, and by the backup line between', () => {
    const answered = sent.filter((a) => a.rtt !== undefined);
    expect(answered).toHaveLength(40); // each of the 40 requests answered once
    for (const a of answered) {
      const fibre = a.sent + FIBRE_RTT <= DOWN || a.sent >= UP;
      expect(a.rtt, `request ${a.seq}.${a.attempt}`).toBe(fibre ? FIBRE_RTT : BACKUP_RTT);
      if (!fibre) expect(a.sent >= DOWN && a.sent + BACKUP_RTT <= UP).toBe(true);
    }
    const byBackup = answered.filter((a) => a.rtt === BACKUP_RTT);
    expect(byBackup.length).toBeGreaterThan(10);
    expect(recordsOfType(records, 'app.giveUp')).toEqual([]);
  });

  it('loses the one reply on the fibre when it fails, and sends its request again by the backup', () => {
    const lost = sent.filter((a) => a.rtt === undefined);
    expect(lost).toHaveLength(1);
    const [request] = lost;
    // Sent before the failure, its reply still on the fibre at 3.15 s: the request reaches HQ's
    // LAN after one way, the reply comes back one more way (the fibre crossing ends last).
    expect(request!.sent).toBeLessThan(DOWN);
    expect(request!.sent + FIBRE_RTT).toBeGreaterThan(DOWN);
    const drops = recordsOfType(records, 'ip.drop');
    expect(drops.map((d) => [d.t, d.node, d.reason])).toEqual([
      [request!.sent + FIBRE_RTT - tx(100 * MBPS) - NS_PER_MS, 'branch', 'interfaceDown'],
    ]);
    const retry = sent.find((a) => a.seq === request!.seq && a.attempt === 1);
    expect(retry).toEqual({
      seq: request!.seq,
      attempt: 1,
      sent: request!.sent + TIMEOUT,
      rtt: BACKUP_RTT,
    });
  });

  it('sends nothing on the fibre while it is down, and nothing on the backup line otherwise', () => {
    const fibre = crossings(records, 'fibre');
    expect(fibre.some((t) => t < DOWN) && fibre.some((t) => t > UP)).toBe(true);
    expect(fibre.filter((t) => t >= DOWN && t < UP)).toEqual([]);
    for (const link of ['backup-1', 'backup-2']) {
      const times = crossings(records, link);
      expect(times.length).toBe(26); // 13 requests and 13 replies
      expect(times.every((t) => t > DOWN && t < UP)).toBe(true);
    }
    expect(recordsOfType(records, 'iface.state').map((r) => [r.t, r.node, r.iface, r.up])).toEqual([
      [DOWN, 'branch', 'eth1', false],
      [DOWN, 'hq', 'eth1', false],
      [UP, 'branch', 'eth1', true],
      [UP, 'hq', 'eth1', true],
    ]);
  });

  it('loses every reply of the outage when only the branch end goes down, as the file says', () => {
    const url = new URL('../../../simulations/backup-route.json', import.meta.url);
    const document = JSON.parse(readFileSync(url, 'utf8')) as { events: { node: string }[] };
    document.events = document.events.filter((e) => e.node !== 'hq');
    const parsed = parseScenarioText(JSON.stringify(document));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const run = runScenario(parsed.scenario).simulation.sim.trace.records;
    const tries = attempts(run);
    const during = tries.filter((a) => a.sent >= DOWN && a.sent < UP);
    expect(during.length).toBeGreaterThan(4);
    // Requests go round by the provider, HQ answers down the fibre, the branch's eth1 drops it.
    expect(during.every((a) => a.rtt === undefined)).toBe(true);
    const drops = recordsOfType(run, 'ip.drop').filter((d) => d.t >= DOWN && d.t < UP);
    expect(drops.length).toBe(during.length + 1); // and the one on the fibre at 3.15 s
    expect(drops.every((d) => d.node === 'branch' && d.reason === 'interfaceDown')).toBe(true);
    expect(crossings(run, 'backup-2').filter((t) => t >= DOWN && t < UP)).toHaveLength(
      during.length, // requests only: no reply comes back that way
    );
    // From 7 s every request is answered by the fibre again.
    const after = tries.filter((a) => a.sent >= UP);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((a) => a.rtt === FIBRE_RTT)).toBe(true);
  });
});
