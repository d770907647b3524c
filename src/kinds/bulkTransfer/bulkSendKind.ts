// The bulkSend kind: a TCP client that connects, writes a number of bytes as fast as TCP takes
// them, and closes (a file upload, iperf, ns-3's BulkSend). Its schema and checks, always loaded;
// how it runs and its figures are in bulkSendBehaviour.ts, loaded when a scenario has such an app.

import { bulkSendApp, type BulkSendApp } from './bulkSchemas.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { DEFAULT_BULK_PORT } from './bulkBytes.ts';
import './bulkTrace.ts';
import type { BulkSendFigures } from './bulkSendBehaviour.ts';
export type { BulkSendFigures } from './bulkSendBehaviour.ts';

export type { BulkSendApp } from './bulkSchemas.ts';

export const bulkSendKind = defineAppKind<BulkSendApp, BulkSendFigures>({
  type: 'bulkSend',
  schema: bulkSendApp,
  traceName: 'bulkSend',
  target: (app) => ({
    field: 'peer',
    value: app.peer,
    socket: { protocol: 'tcp', port: app.port ?? DEFAULT_BULK_PORT },
  }),
  behaviour: () => import('./bulkSendBehaviour.ts').then((module) => module.bulkSendBehaviour),
});
