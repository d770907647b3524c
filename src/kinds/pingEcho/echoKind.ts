// The echo kind: a UDP server that answers each request with a reply of the same bytes, one at a
// time and in arrival order, after a service time (RFC 862 with a queue). Its schema and checks,
// always loaded; how it runs and its figures are in echoBehaviour.ts, loaded when a scenario has
// such an app.

import { echoApp, type EchoApp } from './pingEchoSchemas.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { DEFAULT_ECHO_PORT } from './pingPayload.ts';
import './pingTrace.ts';
import type { EchoFigures } from './echoBehaviour.ts';
export type { EchoFigures } from './echoBehaviour.ts';

export type { EchoApp } from './pingEchoSchemas.ts';

export const echoKind = defineAppKind<EchoApp, EchoFigures>({
  type: 'echo',
  schema: echoApp,
  traceName: 'echo',
  listens: (app) => ({ protocol: 'udp', port: app.port ?? DEFAULT_ECHO_PORT }),
  behaviour: () => import('./echoBehaviour.ts').then((module) => module.echoBehaviour),
});
