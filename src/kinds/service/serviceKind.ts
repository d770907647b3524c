// The service kind: a generic request/response server (a database, a cache) answering line-based
// queries, each costing its service time on the node's CPU. Its schema and checks, always loaded;
// how it runs and its figures are in serviceBehaviour.ts, loaded when a scenario has such an app.

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
