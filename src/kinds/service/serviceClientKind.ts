// The serviceClient kind: users of a request/response service, each visit sending its queries in
// order over one persistent connection, with the same workloads as web clients. Its schema and
// checks, always loaded; how it runs and its figures are in serviceClientBehaviour.ts, loaded when
// a scenario has such an app.

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
