// simulations/backup-route.json teaches what it says: while the fibre's interfaces are down the
// routes through them leave the tables, the default route (the longest prefix left) matches and
// the pings take the provider's line; when they come back, so does the fibre. Round trips are
// worked by hand from the file's links: the sum of the latencies on the path, both ways, plus
// each hop's transmission of the 84-byte packet (20 IP + 8 UDP + 56 of data) in its 102-byte
// Ethernet frame (816 bits); and the first packet over a hop whose next station's MAC is not
// known waits for ARP: a 64-byte request and reply, each its transmission plus the latency.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { parseScenarioText, runScenario } from '../index.ts';
import { isArpFrame } from '../../net/wire/frame.ts';

const BITS = 8 * (20 + 8 + 56 + 18);
/** Nanoseconds to put the ping's 816 bits on a link of `bps`. */
const tx = (bps: number) => (BITS * NS_PER_S) / bps;
/** An ARP exchange over a link of `bps` and `latency`: request and reply, 512 bits each. */
const arp = (bps: number, latency: number) => 2 * ((512 * NS_PER_S) / bps + latency);
const MBPS = 1e6;
// One way on the fibre: branch LAN (1 ms, 100 Mb/s), fibre (10 ms, 100 Mb/s), HQ LAN (1 ms, 1 Gb/s).
const FIBRE_ONE_WAY = 12 * NS_PER_MS + 2 * tx(100 * MBPS) + tx(1000 * MBPS);
// One way round it: branch LAN, two provider hops (20 ms, 10 Mb/s each), HQ LAN.
const BACKUP_ONE_WAY = 42 * NS_PER_MS + tx(100 * MBPS) + 2 * tx(10 * MBPS) + tx(1000 * MBPS);
const FIBRE_RTT = 2 * FIBRE_ONE_WAY; // 24.034272 ms
const BACKUP_RTT = 2 * BACKUP_ONE_WAY; // 84.344352 ms
// The first ping asks at every hop on the way out (the pc for branch, branch for hq, hq for the
// server); each asked station learns the asker, so the reply asks nowhere.
const ARP_FIRST =
  arp(100 * MBPS, NS_PER_MS) + arp(100 * MBPS, 10 * NS_PER_MS) + arp(1000 * MBPS, NS_PER_MS);
// The first ping round by the provider: branch asks for isp, isp for hq (hq learns isp).
const ARP_BACKUP = 2 * arp(10 * MBPS, 20 * NS_PER_MS);
// An interface that goes down forgets its neighbours: the first ping by the fibre again asks
// branch's way across it.
const ARP_FIBRE = arp(100 * MBPS, 10 * NS_PER_MS);
const DOWN = 3175 * NS_PER_MS;
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

/** When frames began to cross `link`: IP packets, or with `arp` the ARP frames. */
const crossings = (records: readonly TraceRecord[], link: string, arpFrames = false) =>
  recordsOfType(records, 'link.txBegin')
    .filter((r) => r.link === link && isArpFrame(r.packet) === arpFrames)
    .map((r) => r.t);

// (The fibre fails at 3.175 s, while the reply of the request sent at 3.1605 s is on it: that
// request goes every 224.034 ms from 248.056 ms, the first ping's reply having come after ARP.)
describe('simulations/backup-route.json', () => {
  const { records } = runSimulationFile('backup-route.json');
  const sent = attempts(records);

  it('works out its round trips by hand: 24.03 ms by the fibre, 84.34 ms by the backup line', () => {
    expect(FIBRE_RTT).toBe(24_034_272);
    expect(BACKUP_RTT).toBe(84_344_352);
    // ARP: 2 × (1 ms + 5.12 µs) + 2 × (10 ms + 5.12 µs) + 2 × (1 ms + 0.512 µs); by the provider
    // 2 × 2 × (20 ms + 51.2 µs); across the fibre 2 × (10 ms + 5.12 µs).
    expect(ARP_FIRST).toBe(24_021_504);
    expect(ARP_BACKUP).toBe(80_204_800);
    expect(ARP_FIBRE).toBe(20_010_240);
  });

  it('pings by the fibre before 3.175 s and after 7 s, and by the backup line between', () => {
    const answered = sent.filter((a) => a.rtt !== undefined);
    expect(answered).toHaveLength(40); // each of the 40 requests answered once
    const firstBackup = sent.find((a) => a.sent >= DOWN);
    const firstAfterUp = sent.find((a) => a.sent >= UP);
    for (const a of answered) {
      const fibre = a.sent + FIBRE_RTT <= DOWN || a.sent >= UP;
      const waited =
        a === sent[0]
          ? ARP_FIRST
          : a === firstBackup
            ? ARP_BACKUP
            : a === firstAfterUp
              ? ARP_FIBRE
              : 0;
      const rtt = (fibre ? FIBRE_RTT : BACKUP_RTT) + waited;
      expect(a.rtt, `request ${a.seq}.${a.attempt}`).toBe(rtt);
      // (The last of them left just before 7 s and finished its trip by the backup line.)
      if (!fibre) expect(a.sent >= DOWN && a.sent < UP).toBe(true);
    }
    const byBackup = answered.filter((a) => a.rtt === BACKUP_RTT);
    expect(byBackup.length).toBeGreaterThan(10);
    expect(recordsOfType(records, 'app.giveUp')).toEqual([]);
  });

  it('loses the one reply on the fibre when it fails, and sends its request again by the backup', () => {
    const lost = sent.filter((a) => a.rtt === undefined);
    expect(lost).toHaveLength(1);
    const [request] = lost;
    // Sent before the failure, its reply still on the fibre at 3.175 s: the request reaches HQ's
    // LAN after one way, the reply comes back one more way (the fibre crossing ends last).
    expect(request!.sent).toBeLessThan(DOWN);
    expect(request!.sent + FIBRE_RTT).toBeGreaterThan(DOWN);
    const drops = recordsOfType(records, 'ip.drop');
    expect(drops.map((d) => [d.t, d.node, d.reason])).toEqual([
      [request!.sent + FIBRE_RTT - tx(100 * MBPS) - NS_PER_MS, 'branch', 'interfaceDown'],
    ]);
    // The retry is the first packet by the provider's line: it waits for two ARP exchanges.
    const retry = sent.find((a) => a.seq === request!.seq && a.attempt === 1);
    expect(retry).toEqual({
      seq: request!.seq,
      attempt: 1,
      sent: request!.sent + TIMEOUT,
      rtt: BACKUP_RTT + ARP_BACKUP,
    });
  });

  it('sends nothing on the fibre while it is down, and nothing on the backup line otherwise', () => {
    const fibre = crossings(records, 'fibre');
    expect(fibre.some((t) => t < DOWN) && fibre.some((t) => t > UP)).toBe(true);
    expect(fibre.filter((t) => t >= DOWN && t < UP)).toEqual([]);
    for (const link of ['backup-1', 'backup-2']) {
      const times = crossings(records, link);
      expect(times.length).toBe(26); // 13 requests and 13 replies
      // From the failure until the last request sent before 7 s is back by the same way.
      expect(times.every((t) => t > DOWN && t < UP + BACKUP_RTT)).toBe(true);
      // And one ARP request and its reply, before the first of them.
      expect(crossings(records, link, true)).toHaveLength(2);
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
    expect(drops.length).toBe(during.length + 1); // and the one on the fibre at 3.175 s
    expect(drops.every((d) => d.node === 'branch' && d.reason === 'interfaceDown')).toBe(true);
    expect(crossings(run, 'backup-2').filter((t) => t >= DOWN && t < UP)).toHaveLength(
      during.length, // requests only: no reply comes back that way
    );
    // From 7 s every request is answered by the fibre again, the first after branch asked for
    // hq's MAC across it (hq's end never went down and still knows branch's).
    const after = tries.filter((a) => a.sent >= UP);
    expect(after.length).toBeGreaterThan(1);
    expect(after.map((a) => a.rtt)).toEqual([
      FIBRE_RTT + ARP_FIBRE,
      ...after.slice(1).map(() => FIBRE_RTT),
    ]);
  });
});
