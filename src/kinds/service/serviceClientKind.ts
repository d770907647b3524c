// The serviceClient kind: users of a request/response service, each visit sending its queries in
// order over one persistent connection, with the same workloads as web clients. Its schema, how
// its users start on a node, and its figures from the trace.

import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { DEFAULT_SERVICE_PORT } from './serviceProtocol.ts';
import { serviceClientApp, type ServiceClientApp } from './serviceSchemas.ts';
import './serviceTrace.ts';
import type { ServiceClientFigures } from './serviceClientBehaviour.ts';
export type { ServiceClientFigures } from './serviceClientBehaviour.ts';

export const serviceClientKind = defineAppKind<ServiceClientApp, ServiceClientFigures>({
  type: 'serviceClient',
  schema: serviceClientApp,
  traceName: 'service',
  target: (app) => ({
    field: 'server',
    value: app.server,
    socket: { protocol: 'tcp', port: app.port ?? DEFAULT_SERVICE_PORT },
  }),
  behaviour: () =>
    import('./serviceClientBehaviour.ts').then((module) => module.serviceClientBehaviour),
});
