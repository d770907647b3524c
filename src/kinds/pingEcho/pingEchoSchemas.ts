// Scenario pieces for the pinger (a UDP client sending numbered requests, stop-and-wait) and the
// echo server that answers them.

import { boolean, duration, literal, number, object, type Infer } from '../../sim/schema/schema.ts';
import { peer, port } from '../../sim/scenario/commonSchemas.ts';

export const pingerApp = object(
  { type: literal('pinger'), peer },
  {
    port: port('UDP port of the echo server (default 7).'),
    count: number({
      integer: true,
      min: 1,
      max: 1_000_000,
      description: 'Requests to send (default 4).',
    }),
    interval: duration({
      description: 'Pause after a reply (or giving up) before the next request (default 1s).',
    }),
    timeout: duration({
      min: 1,
      description: 'How long to wait for a reply before retrying (default 1s).',
    }),
    retries: number({
      integer: true,
      min: 0,
      max: 100,
      description: 'Retries per request (default 2).',
    }),
    start: duration({ description: 'When the first request is sent (default 0s).' }),
    size: number({
      integer: true,
      min: 8,
      max: 1472,
      description: 'Request payload in bytes (default 56).',
    }),
    dontFragment: boolean(
      'Send requests with Don\'t Fragment set, as `ping -M do` (default false): one too big for a link on the way is dropped there and the router answers ICMP "fragmentation needed"; once the path MTU is known, sending one that big fails at once with EMSGSIZE.',
    ),
  },
  'Sends a UDP request, waits for the reply, retries on timeout (stop-and-wait).',
);

export const echoApp = object(
  { type: literal('echo') },
  {
    port: port('UDP port to listen on (default 7).'),
    serviceTime: duration({ description: 'Time to prepare each reply (default 0s).' }),
  },
  'Answers each UDP request with a reply of the same size, one request at a time.',
);

export type PingerApp = Infer<typeof pingerApp>;
export type EchoApp = Infer<typeof echoApp>;
