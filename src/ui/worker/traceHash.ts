// The trace fingerprint (SHA-256 of the records as JSON Lines, as `handshake run --trace` writes
// them) computed in slices: a big trace is gigabytes of JSON, which neither fits in one string
// nor may block the page, so lines are hashed a few milliseconds at a time.

import type { TraceRecord } from '../../engine/trace.ts';
import { traceLineWriter } from '../../engine/traceJson.ts';
import { Sha256 } from '../../net/app/sha256.ts';

export interface HashOptions {
  /** Work this long (ms) between pauses; a function is asked again after every pause. */
  budgetMs?: number | (() => number);
  /** How to pause (default: a new task, which lets the page draw and handle input). */
  pause?: () => Promise<void>;
  /** Stop early (a newer run started); the promise then resolves to null. */
  cancelled?: () => boolean;
}

/** Encode lines in pieces of about this many characters. */
const PIECE = 1 << 18;

/** Hex SHA-256 of `records` as JSON Lines, byte for byte the CLI's trace file. */
export async function traceSha256(
  records: readonly TraceRecord[],
  options: HashOptions = {},
): Promise<string | null> {
  const given = options.budgetMs ?? 10;
  const budgetNow = typeof given === 'function' ? given : () => given;
  let budget = budgetNow();
  const pause = options.pause ?? nextTask;
  const hash = new Sha256();
  const encoder = new TextEncoder();
  const line = traceLineWriter();
  let piece = '';
  let since = performance.now();
  for (let i = 0; i < records.length; i++) {
    piece += line(records[i] as TraceRecord);
    if (piece.length >= PIECE) {
      hash.update(encoder.encode(piece));
      piece = '';
    }
    if ((i & 63) === 63 && performance.now() - since > budget) {
      await pause();
      if (options.cancelled?.()) return null;
      budget = budgetNow();
      since = performance.now();
    }
  }
  hash.update(encoder.encode(piece));
  return hash.hex();
}

/** Resolves in a new task: a message to itself, which (unlike a timer) is never clamped to 4 ms. */
function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
