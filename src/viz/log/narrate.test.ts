// The event log's sentences for each kind of trace record, checked on a real run of the default
// scenario (ping over one link): from the socket to the wire, arrivals, losses, round trips.
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../engine/time.ts';
import scenarioJson from '../../../simulations/ping-over-a-link.json';
import { DETAIL_KINDS, formatTime, narrate } from './narrate.ts';
import { networkNames } from '../names/index.ts';
import { checked, entryOf, run, texts } from './narrateTestHelpers.ts';
import { isArpFrame, type Frame } from '../../net/wire/frame.ts';

describe('narrate the default scenario', () => {
  const { records, summary, entries } = run(scenarioJson, 25);

  it('tells every record in a plain sentence', () => {
    expect(entries).toHaveLength(records.length);
    expect(entries.map((e) => e.index)).toEqual(records.map((_, i) => i));
    for (const [i, e] of entries.entries()) expect(e.time).toBe(formatTime(records[i]!.t));
    expect(entries[0]?.text).toBe('The simulation of “Ping over one link” starts with seed 25.');
    expect(entries.at(-1)?.text).toBe(
      `The run ends because it reached the time limit, after ${summary.events} events.`,
    );
  });

  it('narrates the first request from the socket to the wire', () => {
    // The pinger's request: 56 bytes of payload + 8 (UDP) + 20 (IPv4) = 84 bytes, the first
    // packet of the run, so packet #1 (the laptop's ARP request, made next, is #2); its
    // ephemeral port is bound before it is sent.
    const bind = records.find((r) => r.type === 'socket.bind' && r.node === 'laptop');
    if (bind?.type !== 'socket.bind') throw new Error('the laptop binds no socket');
    expect(texts(entries)).toContain(`Laptop opens a UDP socket on port ${bind.port}.`);
    expect(texts(entries)).toContain('Echo server opens a UDP socket on port 7.');
    expect(texts(entries)).toContain(
      'Laptop (192.168.1.10) starts sending an 84-byte UDP packet #1 to Echo server (192.168.1.20:7) on link wifi.',
    );
    expect(texts(entries)).toContain(
      'Laptop sends request 1 to Echo server (192.168.1.20:7) in packet #1.',
    );
    expect(texts(entries)).toContain(
      'Laptop does not know the MAC address of Echo server (192.168.1.20) and asks every station on wlan0: who has 192.168.1.20? (ARP request #2)',
    );
    // It leaves once the ARP reply is back: request and reply are 64-byte frames, 512 bits at
    // 54 Mbit/s = 9481.5 ns, rounded up to 9482, + 20 ms each way: 40,018,964 ns. Its frame of
    // 84 + 18 = 102 bytes (816 bits) takes 15111.1 ns, rounded up to 15112 ns.
    const txEnd = entries.find(
      (e) => e.text === 'The last bit of packet #1 leaves Laptop on link wifi.',
    );
    expect(txEnd?.t).toBe(40_018_964 + 15_112);
    expect(txEnd?.kind).toBe('detail');
    // Packet #1 arrives (or is lost) 20 ms of latency after its last bit left: 60.034076 ms.
    const fate = records.find(
      (r) => (r.type === 'link.rx' || r.type === 'link.lost') && r.pkt === 1,
    );
    expect(fate?.t).toBe(40_034_076 + 20_000_000);
    expect(entryOf(entries, fate!, records)?.time).toBe('60.034 ms');
  });

  it('says where each packet arrives and which ones the link loses', () => {
    const rx = records.filter((r) => r.type === 'link.rx');
    const lost = records.filter((r) => r.type === 'link.lost');
    expect(lost.length).toBeGreaterThan(0);
    for (const r of rx) {
      const to = r.node === 'server' ? 'Echo server' : 'Laptop';
      expect(entryOf(entries, r, records)).toMatchObject({
        kind: 'deliver',
        text: `Packet #${r.pkt} arrives at ${to}.`,
      });
    }
    for (const r of lost) {
      expect(entryOf(entries, r, records)).toMatchObject({
        kind: 'loss',
        text: `Packet #${r.pkt} is lost on link wifi.`,
      });
    }
  });

  it('times the round trip of each timed reply', () => {
    // Two transmissions of 102-byte frames at 54 Mbit/s (15112 ns each, see above), 20 ms of
    // latency each way and 2 ms of service: 2 * 15112 + 40_000_000 + 2_000_000 = 42_030_224 ns.
    // The first request also waited for the ARP exchange (40,018,964 ns, see above).
    const rtt = 2 * Math.ceil((102 * 8 * 1e9) / 54e6) + 2 * 20_000_000 + 2_000_000;
    expect(rtt).toBe(42_030_224);
    expect(formatDuration(rtt)).toBe('42.03 ms');
    const replies = records.filter((r) => r.type === 'app.reply' && r.rtt !== null);
    expect(replies.length).toBeGreaterThan(1);
    for (const r of replies) {
      if (r.type !== 'app.reply') continue;
      const first = r.seq === 1 && r.attempt === 0;
      expect(r.rtt).toBe(first ? rtt + 40_018_964 : rtt);
      expect(entryOf(entries, r, records)?.text).toBe(
        `Laptop gets reply ${r.seq}: the round trip took ${first ? '82.049' : '42.03'} ms.`,
      );
    }
  });

  it('says a timeout retries when a retry follows at the same instant', () => {
    for (const r of records) {
      if (r.type !== 'app.timeout') continue;
      const retry = records.find(
        (x) => x.type === 'app.request' && x.t === r.t && x.seq === r.seq && x.attempt > 0,
      );
      expect(entryOf(entries, r, records)?.text).toBe(
        `Laptop times out waiting for reply ${r.seq}${retry ? ' and retries' : ''}.`,
      );
    }
    const serve = records.find((r) => r.type === 'app.serve');
    if (serve?.type !== 'app.serve') throw new Error('nothing was served');
    const retry = serve.attempt > 0 ? ` (retry ${serve.attempt})` : '';
    expect(entryOf(entries, serve, records)?.text).toBe(
      `Echo server answers request ${serve.seq}${retry} from Laptop (${serve.client}) in packet #${serve.pkt}.`,
    );
  });

  it('marks chatty records as details, hidden by default', () => {
    // (An ARP frame's txBegin is a detail: its `arp.request` or `arp.reply` says it; so by the
    // IP packets' records.)
    const kinds = new Map(
      records
        .map((r, i) => [r, entries[i]?.kind] as const)
        .filter(([r]) => !('packet' in r) || !isArpFrame(r.packet as Frame))
        .map(([r, kind]) => [r.type, kind]),
    );
    expect(kinds.get('link.txEnd')).toBe('detail');
    expect(kinds.get('ip.deliver')).toBe('detail');
    expect(kinds.get('app.state')).toBe('state');
    expect([...DETAIL_KINDS].sort()).toEqual(['detail', 'state']);
    for (const type of ['link.txBegin', 'link.rx', 'app.request', 'app.reply'] as const) {
      expect(DETAIL_KINDS.has(kinds.get(type)!)).toBe(false);
    }
    const deliver = records.find((r) => r.type === 'ip.deliver');
    expect(entryOf(entries, deliver!, records)?.text).toMatch(
      /^(Echo server|Laptop) accepts packet #\d+ and hands it to UDP\.$/,
    );
  });

  it('stops at the limit but still reads ahead for retries', () => {
    const timeout = records.findIndex((r) => r.type === 'app.timeout');
    const limited = narrate(records, networkNames(checked(scenarioJson).nodes), timeout + 1);
    expect(limited).toHaveLength(timeout + 1);
    expect(limited.at(-1)?.text).toBe(entries[timeout]?.text);
    expect(limited.at(-1)?.text).toMatch(/and retries\.$/);
  });
});
