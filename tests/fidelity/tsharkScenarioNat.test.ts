// Fidelity of simulations/home-nat.json against tshark: the run captured on both sides of the NAT
// router (l-lan inside, l-wan outside), as `handshake run --pcap` writes them. Inside, only the
// private addresses and the outside ends; outside, only the public address and the outside ends;
// each TCP connection the same stream on both sides (same sequence numbers and payload), its
// address and port rewritten as the trace's nat.map says; the port forward's 8080 outside is the
// game server's 80 inside; the ping's identifier kept; every checksum good, nothing malformed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureLink } from '../../src/net/capture/traceCapture.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { expectClean, fields } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-nat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parsed = parseScenarioText(readFileSync('simulations/home-nat.json', 'utf8'));
if (!parsed.ok) throw new Error('simulations/home-nat.json does not validate');
const { simulation } = runScenario(parsed.scenario);
const trace = simulation.sim.trace;

function capture(link: string): string {
  const file = join(dir, `${link}.pcap`);
  writeFileSync(file, captureLink(trace, link));
  return file;
}

const inside = capture('l-lan');
const outside = capture('l-wan');
const PUBLIC = '203.0.113.1';

const COLUMNS =
  'ip.src ip.dst tcp.srcport tcp.dstport tcp.seq_raw tcp.flags.str tcp.len icmp.type icmp.ident ' +
  'ip.checksum.status tcp.checksum.status icmp.checksum.status';

/** The frames carrying TCP segments as `src:port>dst:port flags seq len`, in order. */
function segments(file: string): string[] {
  return fields(file, COLUMNS)
    .filter((r) => r['tcp.srcport'] !== '')
    .map(
      (r) =>
        `${r['ip.src']}:${r['tcp.srcport']}>${r['ip.dst']}:${r['tcp.dstport']} ` +
        `${r['tcp.flags.str']} ${r['tcp.seq_raw']} ${r['tcp.len']}`,
    );
}

/** A segment as it looks on the other side of the NAT, by the trace's mappings. */
function translated(segment: string, mapping: Map<string, string>): string {
  const [ends = '', ...rest] = segment.split(' ');
  const [src = '', dst = ''] = ends.split('>');
  return `${mapping.get(src) ?? src}>${mapping.get(dst) ?? dst} ${rest.join(' ')}`;
}

describe('tshark on simulations/home-nat.json, both sides of the NAT router', () => {
  it('finds no malformed packet, no bad checksum and no expert warning or error on either side', () => {
    for (const file of [inside, outside]) {
      expectClean(file);
      for (const row of fields(file, COLUMNS)) {
        if (row['ip.src'] === '') continue; // an ARP frame: no IP checksum to check
        expect(row['ip.checksum.status']).toBe('1');
        if (row['tcp.srcport'] !== '') expect(row['tcp.checksum.status']).toBe('1');
        if (row['icmp.type'] !== '') expect(row['icmp.checksum.status']).toBe('1');
      }
    }
  });

  it('shows no private address outside and no public address inside', () => {
    const addresses = (file: string) =>
      new Set(fields(file, 'ip.src ip.dst').flatMap((r) => [r['ip.src'], r['ip.dst']]));
    const outsideAddresses = [...addresses(outside)];
    expect(outsideAddresses.filter((a) => a?.startsWith('192.168.'))).toEqual([]);
    expect(outsideAddresses).toContain(PUBLIC);
    const insideAddresses = [...addresses(inside)];
    expect(insideAddresses).not.toContain(PUBLIC);
    expect(insideAddresses).toContain('192.168.1.10');
  });

  it('carries every TCP segment on both sides, rewritten as the NAT table says', () => {
    // Inside end <-> outside end, from the trace's mappings.
    const toOutside = new Map<string, string>();
    for (const m of trace.ofType('nat.map'))
      if (m.protocol === 'tcp') toOutside.set(m.inside, m.outside);
    expect(toOutside).toEqual(
      new Map([
        [expect.stringMatching(/^192\.168\.1\.10:\d+$/), expect.stringMatching(/^203\.0\.113\.1:/)],
        [expect.stringMatching(/^192\.168\.1\.11:\d+$/), expect.stringMatching(/^203\.0\.113\.1:/)],
        ['192.168.1.20:80', `${PUBLIC}:8080`],
      ]),
    );
    const insideSegments = segments(inside);
    const outsideSegments = segments(outside);
    expect(insideSegments.length).toBeGreaterThan(50);
    // Each direction in order (the two links interleave the directions differently).
    const rewritten = insideSegments.map((s) => translated(s, toOutside));
    const fromPublic = (s: string) => s.startsWith(`${PUBLIC}:`);
    expect(rewritten.filter(fromPublic)).toEqual(outsideSegments.filter(fromPublic));
    expect(rewritten.filter((s) => !fromPublic(s))).toEqual(
      outsideSegments.filter((s) => !fromPublic(s)),
    );
  });

  it('shows the port forward: the friend asks for 8080 outside, the game server answers on 80 inside', () => {
    const friend = (file: string, port: string) =>
      segments(file).filter((s) => s.startsWith('192.0.2.20:') && s.includes(`:${port} `));
    // tshark writes the flags as twelve marks, the SYN as `··········S·`.
    const syn = (list: string[]) => list.find((s) => s.split(' ')[1]?.endsWith('S·'));
    expect(friend(outside, '8080')[0]).toMatch(
      new RegExp(`^192\\.0\\.2\\.20:\\d+>${PUBLIC}:8080 `),
    );
    expect(friend(inside, '80')[0]).toMatch(/^192\.0\.2\.20:\d+>192\.168\.1\.20:80 /);
    // The same SYN: its source port and sequence number unchanged.
    const rest = (s: string | undefined) =>
      `${s?.split('>')[0]} ${s?.split(' ').slice(1).join(' ')}`;
    expect(syn(friend(inside, '80'))).toBeDefined();
    expect(rest(syn(friend(inside, '80')))).toBe(rest(syn(friend(outside, '8080'))));
  });

  it('keeps the ping’s identifier, and only the source address changes', () => {
    const echoes = (file: string) =>
      fields(file, COLUMNS)
        .filter((r) => r['icmp.type'] === '8' || r['icmp.type'] === '0')
        .map((r) => `${r['ip.src']}>${r['ip.dst']} type ${r['icmp.type']} id ${r['icmp.ident']}`);
    const [request, reply] = echoes(inside);
    const id = request?.split(' id ')[1];
    expect([request, reply]).toEqual([
      `192.168.1.11>198.51.100.10 type 8 id ${id}`,
      `198.51.100.10>192.168.1.11 type 0 id ${id}`,
    ]);
    // Outside also the friend's ping to the router, answered by the router itself.
    expect(echoes(outside)).toEqual([
      `192.0.2.20>${PUBLIC} type 8 id ${echoes(outside)[0]?.split(' id ')[1]}`,
      `${PUBLIC}>192.0.2.20 type 0 id ${echoes(outside)[0]?.split(' id ')[1]}`,
      `${PUBLIC}>198.51.100.10 type 8 id ${id}`,
      `198.51.100.10>${PUBLIC} type 0 id ${id}`,
    ]);
  });
});
