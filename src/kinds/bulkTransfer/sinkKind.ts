// The sink kind: a TCP server that accepts connections and reads everything sent to it (the
// receiving end of a bulk transfer, ns-3's PacketSink). Its schema and checks, always loaded; how
// it runs and its figures are in sinkBehaviour.ts, loaded when a scenario has such an app.

import { sinkApp, type SinkApp } from './bulkSchemas.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { DEFAULT_BULK_PORT } from './bulkBytes.ts';
import './bulkTrace.ts';
import type { SinkFigures } from './sinkBehaviour.ts';
export type { SinkFigures } from './sinkBehaviour.ts';

export type { SinkApp } from './bulkSchemas.ts';

export const sinkKind = defineAppKind<SinkApp, SinkFigures>({
  type: 'sink',
  schema: sinkApp,
  traceName: 'sink',
  listens: (app) => ({ protocol: 'tcp', port: app.port ?? DEFAULT_BULK_PORT }),
  behaviour: () => import('./sinkBehaviour.ts').then((module) => module.sinkBehaviour),
});
