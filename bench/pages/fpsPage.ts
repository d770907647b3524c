// Script of the benchmark page: nodes and links in SVG, N packets moving along the links on a
// canvas (coloured by protocol, sized by bytes, the nearest to a moving point labelled), drawn by
// drawPackets each animation frame. window.handshakeBench(n, ms) measures the frame rate.
import { drawPackets, nearestPackets, type DrawnPacket } from '../../src/viz/motion/index.ts';

const W = 1280;
const H = 720;
const LABELS = 12;
const COLORS = { tcp: '#0b5cad', udp: '#6d3fc0', icmp: '#b42318' } as const;
const PROTOCOLS = ['tcp', 'tcp', 'tcp', 'tcp', 'udp', 'udp', 'icmp'] as const;

/** What one run measured. */
export interface BenchResult {
  frames: number;
  seconds: number;
  fps: number;
  /** Mean time spent in the frame callback (moving, labelling, drawing), in ms. */
  drawMs: number;
}

declare global {
  interface Window {
    handshakeBench?: (packets: number, ms: number, warmupMs: number) => Promise<BenchResult>;
  }
}

/** A small seeded generator (mulberry32), so every run draws the same picture. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Twelve nodes on a 4 x 3 grid; links join neighbours, plus two diagonals.
const nodes = Array.from({ length: 12 }, (_, i) => ({
  x: 160 + (i % 4) * 320,
  y: 120 + Math.floor(i / 4) * 240,
}));
const links: [number, number][] = [];
for (let i = 0; i < 12; i++) {
  if (i % 4 < 3) links.push([i, i + 1]);
  if (i < 8) links.push([i, i + 4]);
}
links.push([0, 5], [6, 11]);

const SVG = 'http://www.w3.org/2000/svg';
const svg = document.getElementById('topology') as unknown as SVGSVGElement;
for (const [a, b] of links) {
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('x1', String(nodes[a]!.x));
  line.setAttribute('y1', String(nodes[a]!.y));
  line.setAttribute('x2', String(nodes[b]!.x));
  line.setAttribute('y2', String(nodes[b]!.y));
  line.setAttribute('stroke', '#6b7686');
  line.setAttribute('stroke-width', '2');
  svg.append(line);
}
for (const node of nodes) {
  const rect = document.createElementNS(SVG, 'rect');
  rect.setAttribute('x', String(node.x - 50));
  rect.setAttribute('y', String(node.y - 28));
  rect.setAttribute('width', '100');
  rect.setAttribute('height', '56');
  rect.setAttribute('rx', '8');
  rect.setAttribute('fill', '#ffffff');
  rect.setAttribute('stroke', '#c9d0da');
  svg.append(rect);
}

interface Moving {
  from: { x: number; y: number };
  to: { x: number; y: number };
  phase: number;
  /** Trips along the link per ms. */
  speed: number;
  text: string;
  dot: DrawnPacket;
}

function makePackets(n: number): Moving[] {
  const next = random(n);
  return Array.from({ length: n }, () => {
    const [a, b] = links[Math.floor(next() * links.length)]!;
    const forward = next() < 0.5;
    const protocol = PROTOCOLS[Math.floor(next() * PROTOCOLS.length)]!;
    const bytes = next() < 0.6 ? 1500 : 40 + Math.floor(next() * 200);
    return {
      from: nodes[forward ? a : b]!,
      to: nodes[forward ? b : a]!,
      phase: next(),
      speed: 1 / (1500 + next() * 2500),
      text: `${protocol.toUpperCase()} ${bytes}`,
      dot: { x: 0, y: 0, r: 2 + 4 * Math.sqrt(bytes / 1500), color: COLORS[protocol] },
    };
  });
}

const canvas = document.getElementById('packets') as HTMLCanvasElement;
const ctx = canvas.getContext('2d', { alpha: true }) as CanvasRenderingContext2D;

/** Moves every packet to time `now` (ms), labels the nearest to a point circling the middle. */
function drawFrame(moving: Moving[], dots: DrawnPacket[], labelled: number[], now: number): void {
  ctx.clearRect(0, 0, W, H);
  if (moving.length === 0) return;
  for (const m of moving) {
    const u = (m.phase + now * m.speed) % 1;
    m.dot.x = m.from.x + (m.to.x - m.from.x) * u;
    m.dot.y = m.from.y + (m.to.y - m.from.y) * u;
  }
  for (const i of labelled) dots[i]!.label = undefined;
  const fx = W / 2 + Math.cos(now / 1000) * 300;
  const fy = H / 2 + Math.sin(now / 1000) * 200;
  labelled.length = 0;
  for (const i of nearestPackets(dots, fx, fy, LABELS)) {
    dots[i]!.label = moving[i]!.text;
    labelled.push(i);
  }
  drawPackets(ctx, dots);
}

/** Animates `packets` dots (0: clear only) for `ms` after `warmupMs`, counting frames. */
function bench(packets: number, ms: number, warmupMs: number): Promise<BenchResult> {
  const moving = makePackets(packets);
  const dots = moving.map((m) => m.dot);
  const labelled: number[] = [];
  return new Promise((resolve) => {
    let start = -1;
    let frames = 0;
    let busy = 0;
    const began = performance.now();
    const tick = (now: number): void => {
      const t0 = performance.now();
      drawFrame(moving, dots, labelled, now);
      const spent = performance.now() - t0;
      if (start < 0 && now - began >= warmupMs) start = now;
      if (start >= 0) {
        if (now - start >= ms) {
          const seconds = (now - start) / 1000;
          resolve({ frames, seconds, fps: frames / seconds, drawMs: busy / Math.max(1, frames) });
          return;
        }
        frames++;
        busy += spent;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

window.handshakeBench = bench;
