// The optional TCP features a node's `tcp` settings can turn on, each off by default: delayed
// ACKs (RFC 5681 4.2).

import { NS_PER_MS } from '../../engine/time.ts';
import { boolean, duration, type Schema } from '../schema/schema.ts';

/** RFC 5681 4.2: "an ACK ... MUST be generated within 500 ms of the arrival of the first unacknowledged packet". */
const MAX_ACK_DELAY = 500 * NS_PER_MS;

const delayText = 'The delayed-ACK timer, under 500ms as RFC 5681 requires (default 200ms).';
const anyDelay = duration({ min: 1, description: delayText });

/** The delayed-ACK timer: a duration below 500 ms. */
const delayedAckTimeout: Schema<number> = {
  parse(value, path, issues) {
    const ns = anyDelay.parse(value, path, issues);
    if (ns === undefined || ns < MAX_ACK_DELAY) return ns;
    issues.push({
      path,
      message: `expected a duration below 500ms (RFC 5681 4.2), got ${JSON.stringify(value)}`,
    });
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
};
