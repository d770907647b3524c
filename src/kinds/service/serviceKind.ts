// The service kind: a generic request/response server (a database, a cache) answering line-based
// queries, each costing its service time on the node's CPU. Its schema, how it starts on a node,
// and its figures from the server's records.

import { defineAppKind } from '../../sim/kinds/appKind.ts';
import type { ServerFigures } from '../../sim/summary/serverFigures.ts';
import { DEFAULT_SERVICE_PORT } from './serviceProtocol.ts';
import { serviceServerApp, type ServiceServerApp } from './serviceSchemas.ts';

export const serviceKind = defineAppKind<ServiceServerApp, ServerFigures>({
  type: 'service',
  schema: serviceServerApp,
  traceName: 'db',
  nameOf: (app) => app.name,
  usesCpu: true,
  listens: (app) => ({ protocol: 'tcp', port: app.port ?? DEFAULT_SERVICE_PORT }),
  behaviour: () => import('./serviceBehaviour.ts').then((module) => module.serviceBehaviour),
});
