// Draws packet dots (and short labels for a few) on a 2D canvas context: one path and one fill per
// colour, then the labels. Shared by the packet layer and the browser benchmark (bench/pages/).

/** A dot in canvas pixels; `label` is drawn beside it when given. */
export interface DrawnPacket {
  x: number;
  y: number;
  r: number;
  color: string;
  label?: string | undefined;
}

/** The part of CanvasRenderingContext2D the drawing uses (a fake one will do in tests). */
export type PacketContext = Pick<
  CanvasRenderingContext2D,
  | 'beginPath'
  | 'moveTo'
  | 'arc'
  | 'fill'
  | 'fillText'
  | 'strokeText'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineJoin'
  | 'font'
  | 'textBaseline'
>;

export interface DrawOptions {
  /** Label font (default `11px system-ui, sans-serif`). */
  font?: string;
  /** Label text colour and the halo drawn behind it so it reads over lines and dots. */
  labelColor?: string;
  haloColor?: string;
}

const TAU = Math.PI * 2;

/**
 * Draws every packet as a filled circle, batched by colour (a fill per colour, not per dot, is
 * what keeps thousands of dots at frame rate), then the labels on top. Does not clear the canvas.
 */
export function drawPackets(
  ctx: PacketContext,
  packets: readonly DrawnPacket[],
  options: DrawOptions = {},
): void {
  const byColor = new Map<string, DrawnPacket[]>();
  for (const p of packets) {
    const group = byColor.get(p.color);
    if (group) group.push(p);
    else byColor.set(p.color, [p]);
  }
  for (const [color, group] of byColor) {
    ctx.beginPath();
    for (const p of group) {
      ctx.moveTo(p.x + p.r, p.y);
      ctx.arc(p.x, p.y, p.r, 0, TAU);
    }
    ctx.fillStyle = color;
    ctx.fill();
  }
  let styled = false;
  for (const p of packets) {
    if (!p.label) continue;
    if (!styled) {
      ctx.font = options.font ?? '11px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      ctx.lineWidth = 3;
      ctx.strokeStyle = options.haloColor ?? '#ffffff';
      ctx.fillStyle = options.labelColor ?? '#15191f';
      styled = true;
    }
    const x = p.x + p.r + 3;
    ctx.strokeText(p.label, x, p.y);
    ctx.fillText(p.label, x, p.y);
  }
}

/**
 * Indices of the `k` packets nearest to (x, y), nearest first: the ones worth a label. One pass
 * with a small sorted list, so it stays cheap for thousands of packets and a dozen labels.
 */
export function nearestPackets(
  packets: readonly { x: number; y: number }[],
  x: number,
  y: number,
  k: number,
): number[] {
  const best: number[] = [];
  const dist: number[] = [];
  if (k <= 0) return best;
  for (let i = 0; i < packets.length; i++) {
    const p = packets[i] as { x: number; y: number };
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (best.length === k && d >= (dist[k - 1] as number)) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && (dist[at - 1] as number) > d) {
      if (at < k) {
        best[at] = best[at - 1] as number;
        dist[at] = dist[at - 1] as number;
      }
      at--;
    }
    best[at] = i;
    dist[at] = d;
  }
  return best;
}
