// The transfer action: at a moment, a node sends a number of bytes over a new TCP connection to
// a sink (a file upload, iperf): the bulkSend kind started at `at`, so its records are the
// bulk sender's (app.write, app.state) under the action's name (`action3`).

import { object, type Infer } from '../../sim/schema/schema.ts';
import { byteSize } from '../../sim/schema/networkSchemas.ts';
import { peer, port } from '../../sim/scenario/commonSchemas.ts';
import {
  actionFields,
  defineActionBehaviour,
  defineActionKind,
} from '../../sim/kinds/actionKind.ts';
import { DEFAULT_BULK_PORT } from './bulkBytes.ts';
import { bulkSendKind, type BulkSendApp } from './bulkSendKind.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { bulkCheckPhrases } from './bulkCheckPhrases.ts';

export const transferAction = object(
  { ...actionFields('transfer'), target: peer, bytes: byteSize('How much data to send.') },
  { port: port(`TCP port of the sink (default ${DEFAULT_BULK_PORT}).`) },
  'At `at`, the node connects to a sink on `target` over TCP, sends `bytes`, then closes.',
);

export type TransferAction = Infer<typeof transferAction>;

export const transferActionKind = defineActionKind<TransferAction>({
  type: 'transfer',
  schema: transferAction,
  runsAs: bulkSendKind.type,
  target: (event) => ({ field: 'target', value: event.target }),
  check(event, path, listens, issues) {
    const at = event.port ?? DEFAULT_BULK_PORT;
    if (!listens(event.target, 'tcp', at))
      issues.push(
        phrased(
          `${path}.target`,
          bookPhrase(bulkCheckPhrases, 'check.noSink', { target: event.target, port: String(at) }),
        ),
      );
  },

  // Its behaviour is the bulk sender's, started at `at`.
  behaviour: () =>
    bulkSendKind.behaviour().then((sender) =>
      defineActionBehaviour<TransferAction>({
        start(context, event) {
          const app: BulkSendApp = {
            type: 'bulkSend',
            peer: event.target,
            bytes: event.bytes,
            start: event.at,
          };
          if (event.port !== undefined) app.port = event.port;
          sender.start(context, app);
        },
      }),
    ),
});
