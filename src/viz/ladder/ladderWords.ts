// The words of the ladder: what an arrow says, the reason of a loss beside its cross, and a tick
// of the time axis in a unit that suits its step.

import type { LadderArrow } from './ladder.ts';

const UNITS: [number, string][] = [
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
  [1, 'ns'],
];

/**
 * A tick of the time axis in a unit that suits the step between ticks: `0.1 s` for steps of
 * 100 ms, `20 ms`, `0.5 ms`, `250 µs`; `0` at the origin.
 */
export function formatTimeTick(ns: number, stepNs: number): string {
  if (ns === 0) return '0';
  const [size, unit] = UNITS.find(([u]) => stepNs >= u / 10) ?? [1, 'ns'];
  const decimals = Math.max(0, Math.ceil(-Math.log10(stepNs / size) - 1e-9));
  return `${Number((ns / size).toFixed(decimals))} ${unit}`;
}

/** The words drawn on an arrow: `↻ ACK seq=1 ack=1 len=1460 · GET /`, and shorter forms. */
export function arrowTexts(a: LadderArrow): string[] {
  const again = a.retransmit ? '↻ ' : '';
  const dup = a.duplicate ? ' (duplicate)' : '';
  const full = `${again}${a.label}${a.message ? ` · ${a.message}` : ''}${dup}`;
  return a.message ? [full, `${again}${a.message}${dup}`] : [full];
}

/** The reason of a loss as written beside its cross. */
export function lossText(a: LadderArrow, nameOf: (node: string) => string = (n) => n): string {
  const lost = a.lost;
  if (!lost) return '';
  return lost.link
    ? `${lost.reason} (link ${lost.link})`
    : `${lost.reason} at ${nameOf(lost.node)}`;
}
