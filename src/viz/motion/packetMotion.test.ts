// Packet motion: dots leave at txBegin and arrive at rx, keep to their lane, fall when dropped;
// sizes, labels and hit-testing. Checked on hand-made hops and on the default scenario's run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Packet } from '../../net/wire/packet.ts';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import {
  FALL,
  LANE,
  dropText,
  hitTest,
  hopProgress,
  nodeAt,
  packetDots,
  radiusScale,
  shortLabel,
  type LinkGeometry,
} from './packetMotion.ts';
import { TraceIndex, type Hop } from '../trace/index.ts';

/** A horizontal link from (0, 0) at laptop to (100, 0) at server, 20 ns of latency. */
const wifi: LinkGeometry = {
  ax: 0,
  ay: 0,
  bx: 100,
  by: 0,
  aNode: 'laptop',
  aIface: undefined,
  bNode: 'server',
  bIface: undefined,
  latency: 20,
};
const links = new Map([['wifi', wifi]]);

function hop(fields: Partial<Hop>): Hop {
  return {
    id: 0,
    pkt: 1,
    link: 'wifi',
    fromNode: 'laptop',
    fromIface: 'wlan0',
    toNode: 'server',
    toIface: 'eth0',
    txBegin: 100,
    txEnd: 110,
    rx: 130,
    drop: null,
    bytes: 84,
    packet: null,
    protocol: 'udp',
    retransmit: false,
    duplicate: false,
    visibleUntil: 130,
    ...fields,
  };
}

function tcp(flags: Partial<Record<'syn' | 'ack' | 'fin' | 'rst', boolean>>, text = ''): Packet {
  return {
    id: 1,
    ip: {
      version: 4,
      dscp: 0,
      ecn: 0,
      identification: 0,
      dontFragment: true,
      moreFragments: false,
      fragmentOffset: 0,
      ttl: 64,
      src: 1,
      dst: 2,
    },
    transport: {
      kind: 'tcp',
      srcPort: 49152,
      dstPort: 80,
      seq: 0,
      ack: 0,
      flags: {
        cwr: false,
        ece: false,
        urg: false,
        psh: false,
        ack: false,
        syn: false,
        fin: false,
        rst: false,
        ...flags,
      },
      window: 65535,
      urgentPointer: 0,
      options: [],
    },
    payload: new TextEncoder().encode(text),
  };
}

describe('packetDots', () => {
  it('leaves the sender at txBegin and reaches the receiver at rx, streaking while it serialises', () => {
    const h = hop({});
    const at = (t: number) => packetDots([h], t, links)[0]!;
    expect(at(100)).toMatchObject({ x: 0, y: LANE, headX: 0, tailX: 0 });
    // Serialisation ends at 110: the first bit is half way (10 of 20 ns), the last at the start.
    expect(at(110)).toMatchObject({ headX: 50, tailX: 0, x: 25 });
    // Propagation: rx - txEnd = 20 ns; at 130 the last bit arrives.
    expect(at(120)).toMatchObject({ headX: 100, tailX: 50, x: 75 });
    expect(at(130)).toMatchObject({ x: 100, headX: 100, tailX: 100 });
    expect(at(130).alpha).toBe(1);
  });

  it('goes the other way from b to a, on the other side of the line', () => {
    const back = packetDots([hop({ fromNode: 'server', toNode: 'laptop' })], 100, links)[0]!;
    expect(back).toMatchObject({ x: 100, y: -LANE });
  });

  it('places a packet whose arrival is not recorded by the link latency', () => {
    const open = hop({ txEnd: null, rx: null, visibleUntil: Infinity });
    expect(hopProgress(open, 105, 20)).toEqual({ head: 0.25, tail: 0 });
    const sent = hop({ rx: null, visibleUntil: Infinity });
    expect(hopProgress(sent, 120, 20)).toEqual({ head: 1, tail: 0.5 });
  });

  it('lets a lost packet fall and fade after the loss, with its reason', () => {
    const lost = hop({
      rx: null,
      drop: { t: 130, reason: 'loss', atQueue: false },
      visibleUntil: 150,
    });
    const before = packetDots([lost], 120, links)[0]!;
    expect(before).toMatchObject({ falling: false, dropText: null, alpha: 1 });
    const halfway = packetDots([lost], 140, links)[0]!;
    expect(halfway.falling).toBe(true);
    expect(halfway.dropText).toBe('lost');
    expect(halfway.alpha).toBeCloseTo(0.5);
    expect(halfway.y).toBeCloseTo(LANE + FALL / 4);
    // Reduced motion: it stays where it was lost, fully drawn, until it is gone.
    const still = packetDots([lost], 140, links, { reducedMotion: true })[0]!;
    expect(still).toMatchObject({ x: 100, y: LANE, alpha: 1, dropText: 'lost' });
  });

  it('drops a packet refused by a full queue at the sender end', () => {
    const drop = hop({
      txBegin: 200,
      txEnd: null,
      rx: null,
      drop: { t: 200, reason: 'queueFull', atQueue: true },
      visibleUntil: 210,
    });
    const dot = packetDots([drop], 200, links)[0]!;
    expect(dot).toMatchObject({ x: 0, y: LANE, dropText: 'queue full' });
    expect(dropText('linkDown', false)).toBe('link down');
  });

  it('skips hops on links the picture does not draw', () => {
    expect(packetDots([hop({ link: 'elsewhere' })], 100, links)).toEqual([]);
  });

  it('moves every dot of the default run monotonically from its sender to its receiver', () => {
    const parsed = parseScenarioText(
      readFileSync(new URL('../../../simulations/ping-over-a-link.json', import.meta.url), 'utf8'),
    );
    if (!parsed.ok) throw new Error('invalid');
    const index = new TraceIndex();
    index.append(runScenario(parsed.scenario).simulation.sim.trace.records);
    const geometry = new Map([['wifi', { ...wifi, bx: 1000, latency: 20_000_000 }]]);
    for (const h of index.hops.filter((x) => x.rx !== null)) {
      const xs = [0, 0.25, 0.5, 0.75, 1].map((f) => {
        const t = h.txBegin + f * (h.rx! - h.txBegin);
        return packetDots([h], t, geometry)[0]!.x;
      });
      const toServer = h.fromNode === 'laptop';
      expect(xs[0]).toBe(toServer ? 0 : 1000);
      expect(xs[4]).toBe(toServer ? 1000 : 0);
      for (let i = 1; i < xs.length; i++) {
        if (toServer) expect(xs[i]).toBeGreaterThan(xs[i - 1]!);
        else expect(xs[i]).toBeLessThan(xs[i - 1]!);
      }
    }
  });
});

describe('sizes, labels and hits', () => {
  it('sizes dots by the square root of their bytes', () => {
    expect(radiusScale(0)).toBe(3.5);
    expect(radiusScale(1500)).toBe(10);
    expect(radiusScale(9000)).toBe(10);
    expect(radiusScale(375)).toBeCloseTo(3.5 + 6.5 / 2);
  });

  it('labels control segments, HTTP and DNS as important, data and ACKs as minor', () => {
    expect(shortLabel(tcp({ syn: true }))).toEqual({ text: 'SYN', important: true });
    expect(shortLabel(tcp({ syn: true, ack: true }))).toEqual({ text: 'SYN-ACK', important: true });
    expect(shortLabel(tcp({ fin: true, ack: true }))).toEqual({ text: 'FIN-ACK', important: true });
    // The application message where it is short (RFC 9112 request line: method and target).
    expect(shortLabel(tcp({ ack: true }, 'GET / HTTP/1.1\r\n'))).toEqual({
      text: 'GET /',
      important: true,
    });
    const long = 'GET /images/a-very-long-picture-name.png HTTP/1.1\r\n';
    expect(shortLabel(tcp({ ack: true }, long))?.text).toBe('GET');
    expect(shortLabel(tcp({ ack: true }, 'HTTP/1.1 404 Not Found'))?.text).toBe('HTTP 404');
    expect(shortLabel(tcp({ ack: true }, 'xxxxxx'))).toEqual({ text: 'data', important: false });
    expect(shortLabel(tcp({ ack: true }))).toEqual({ text: 'ACK', important: false });
    const dns = tcp({});
    dns.transport = { kind: 'udp', srcPort: 5353, dstPort: 53 };
    expect(shortLabel(dns)).toEqual({ text: 'DNS', important: true });
    expect(shortLabel(null)).toBeNull();
  });

  it('hits the nearest dot under the pointer, with some slop', () => {
    const dots = [
      { x: 10, y: 10, r: 3 },
      { x: 14, y: 10, r: 3 },
    ];
    expect(hitTest(dots, 10, 10)).toBe(0);
    expect(hitTest(dots, 13, 10)).toBe(1);
    expect(hitTest(dots, 20, 10)).toBe(1);
    expect(hitTest(dots, 40, 40)).toBe(-1);
    const nodes = [{ id: 'a', x: 100, y: 50, height: 60 }];
    expect(nodeAt(nodes, 200, 0, 20)?.id).toBe('a');
    expect(nodeAt(nodes, 200, 201, 20)).toBeUndefined();
  });
});
