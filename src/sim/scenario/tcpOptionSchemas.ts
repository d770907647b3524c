// The optional TCP features a node's `tcp` settings can turn on, each off by default: delayed
// ACKs (RFC 5681 4.2), window scaling and timestamps (RFC 7323), SACK (RFC 2018); and what its
// listeners do with SYNs: the SYN queue's length, SYN-ACK retries and SYN cookies (RFC 4987).

import { NS_PER_MS } from '../../engine/time.ts';
import { MAX_SCALED_WINDOW } from '../../net/tcp/tcpExtensions.ts';
import { boolean, duration, number, type Schema, type ValidationIssue } from '../schema/schema.ts';
import { phrase, phrased } from '../schema/phrase.ts';

/** RFC 5681 4.2: an ACK "MUST be generated within 500 ms" of the first unacknowledged packet. */
const MAX_ACK_DELAY = 500 * NS_PER_MS;

const delayText = 'The delayed-ACK timer, under 500ms as RFC 5681 requires (default 200ms).';
const anyDelay = duration({ min: 1, description: delayText });

/** The delayed-ACK timer: a duration below 500 ms. */
const delayedAckTimeout: Schema<number> = {
  parse(value, path, issues) {
    const ns = anyDelay.parse(value, path, issues);
    if (ns === undefined || ns < MAX_ACK_DELAY) return ns;
    issues.push(phrased(path, phrase('schema.ackDelay', { value: `${JSON.stringify(value)}` })));
    return undefined;
  },
  jsonSchema: () => anyDelay.jsonSchema(),
};

/** The fields of the optional features, spread into the node's `tcp` settings. */
export const TCP_OPTION_SETTINGS = {
  delayedAck: boolean(
    'Delayed ACKs (RFC 5681 4.2): acknowledge every second segment, or when delayedAckTimeout runs out (default false).',
  ),
  delayedAckTimeout,
  windowScaling: boolean(
    'Offer the window scale option (RFC 7323) so that windows can exceed 65535 bytes (default false).',
  ),
  timestamps: boolean(
    'Offer TCP timestamps (RFC 7323): TSval and TSecr on every segment, RTT from TSecr (default false).',
  ),
  sack: boolean(
    'Offer selective acknowledgments (RFC 2018): the receiver reports the blocks it holds beyond a hole, the sender recovers with them (RFC 6675) (default false).',
  ),
};

/** How a node's listeners treat SYNs: the SYN queue, SYN-ACK retries, SYN cookies. */
export const TCP_LISTENER_SETTINGS = {
  synAckRetries: number({
    integer: true,
    min: 0,
    max: 20,
    description:
      'SYN-ACK retransmissions before a half-open connection (SYN-RECEIVED) is given up (default 5, as Linux tcp_synack_retries: it lives 1+2+4+8+16+32 = 63s).',
  }),
  synBacklog: number({
    integer: true,
    min: 1,
    max: 65_535,
    description:
      "The most half-open connections (SYN-RECEIVED) one listener holds, its SYN queue; a SYN beyond is dropped, or answered with a SYN cookie (default 4096; Linux's tcp_max_syn_backlog is 128 or more by the memory, and the listen backlog bounds the queue too).",
  }),
  synCookies: boolean(
    'SYN cookies (RFC 4987 3.6, Linux tcp_syncookies): while a listener is full, answer a SYN with a SYN-ACK whose sequence number encodes the connection, and keep nothing; window scaling, SACK and timestamps are lost for it (default false).',
  ),
};

/** The largest window the 16-bit window field says without window scaling (RFC 9293 3.1). */
const MAX_UNSCALED_WINDOW = 65_535;

/**
 * What the optional features' fields cannot check alone: a receive window the window field can
 * advertise, at most 65535 bytes without window scaling (RFC 7323 1.1: the field is 16 bits) and
 * 65535 * 2^14 with it (RFC 7323 2.3: a shift of at most 14). Appends a problem naming the field.
 */
export function checkTcpOptionSettings(
  settings: { windowScaling?: boolean; receiveWindow?: number } | undefined,
  path: string,
  issues: ValidationIssue[],
): void {
  const window = settings?.receiveWindow;
  if (window === undefined) return;
  if (!settings?.windowScaling) {
    if (window <= MAX_UNSCALED_WINDOW) return;
    issues.push(
      phrased(
        `${path}.receiveWindow`,
        phrase('tcp.windowUnscaled', { max: `${MAX_UNSCALED_WINDOW}`, window: `${window}` }),
      ),
    );
    return;
  }
  if (window <= MAX_SCALED_WINDOW) return;
  issues.push(
    phrased(
      `${path}.receiveWindow`,
      phrase('tcp.windowScaled', { max: `${MAX_SCALED_WINDOW}`, window: `${window}` }),
    ),
  );
}
