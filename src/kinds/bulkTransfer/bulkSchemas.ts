// Scenario pieces for a bulk transfer: the sender that writes a number of bytes over TCP and the
// sink that reads them.

import { duration, literal, number, object, type Infer } from '../../sim/schema/schema.ts';
import { byteSize } from '../../sim/schema/networkSchemas.ts';
import { peer, port } from '../../sim/scenario/commonSchemas.ts';

export const bulkSendApp = object(
  { type: literal('bulkSend'), peer, bytes: byteSize('How much data to send.') },
  {
    port: port('TCP port of the sink (default 5001).'),
    start: duration({ description: 'When to connect (default 0s).' }),
  },
  'Connects over TCP, sends the bytes, then closes the connection.',
);

export const sinkApp = object(
  { type: literal('sink') },
  {
    port: port('TCP port to listen on (default 5001).'),
    backlog: number({
      integer: true,
      min: 1,
      max: 4096,
      description: 'Accept queue length (default 128).',
    }),
  },
  'Listens on a TCP port, accepts connections and reads all their data.',
);

export type BulkSendApp = Infer<typeof bulkSendApp>;
export type SinkApp = Infer<typeof sinkApp>;
