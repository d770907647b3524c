// The ping action: at a moment, a node sends ICMP echo requests (RFC 792) to a host, one a
// second as ping(8) does, and the host's IP stack answers each with an echo reply. Every host
// and router answers pings (src/net/transport/icmpDispatcher.ts), so no app is needed there.

import { NS_PER_S } from '../../engine/time.ts';
import { number, object, type Infer } from '../../sim/schema/schema.ts';
import { peer } from '../../sim/scenario/commonSchemas.ts';
import {
  actionFields,
  defineActionBehaviour,
  defineActionKind,
} from '../../sim/kinds/actionKind.ts';

/** Bytes of data after the ICMP header: ping(8)'s default, 56 (84 bytes in the IP packet). */
export const PING_DATA_BYTES = 56;

export const pingAction = object(
  { ...actionFields('ping'), target: peer },
  {
    count: number({
      integer: true,
      min: 1,
      max: 100,
      description: 'Echo requests to send, one a second (default 1).',
    }),
  },
  'At `at`, the node sends ICMP echo requests to `target`, one a second; the target answers each.',
);

export type PingAction = Infer<typeof pingAction>;

/** ping(8)'s data: bytes counting up from 0x10 after the 8 of its timestamp (here zeros). */
function pingData(): Uint8Array {
  const data = new Uint8Array(PING_DATA_BYTES);
  for (let i = 8; i < PING_DATA_BYTES; i++) data[i] = (i + 8) & 0xff;
  return data;
}

/** Small and needing nothing but the node's IP stack, so loaded with the declaration. */
const pingBehaviour = defineActionBehaviour<PingAction>({
  start({ sim, host, label, addressOf }, event) {
    const dst = addressOf(event.target);
    if (dst === undefined) return; // validation makes sure it is known
    // The identifier tells this action's echoes from others' (ping(8) uses its process id):
    // here the action's number in the document (`action3` sends identifier 3).
    const identifier = Number(label.replace(/\D/g, '')) & 0xffff;
    const data = pingData();
    for (let k = 0; k < (event.count ?? 1); k++) {
      sim.scheduleAt(event.at + k * NS_PER_S, () =>
        host.net.send({
          dst,
          transport: { kind: 'icmp', message: 'echoRequest', identifier, sequence: k + 1 },
          payload: data,
        }),
      );
    }
  },
});

export const pingActionKind = defineActionKind<PingAction>({
  type: 'ping',
  schema: pingAction,
  target: (event) => ({ field: 'target', value: event.target }),
  behaviour: () => Promise.resolve(pingBehaviour),
});
