// The pinger kind: a UDP client that sends numbered requests one at a time, waits for each reply
// and retries after a timeout (stop-and-wait). Its schema and checks, always loaded; how it runs
// and its figures are in pingerBehaviour.ts, loaded when a scenario has such an app.

import { pingerApp, type PingerApp } from './pingEchoSchemas.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import './pingTrace.ts';
import type { PingerFigures } from './pingerBehaviour.ts';
export type { PingerFigures } from './pingerBehaviour.ts';

export type { PingerApp } from './pingEchoSchemas.ts';

export const pingerKind = defineAppKind<PingerApp, PingerFigures>({
  type: 'pinger',
  schema: pingerApp,
  traceName: 'pinger',
  target: (app) => ({ field: 'peer', value: app.peer }),
  behaviour: () => import('./pingerBehaviour.ts').then((module) => module.pingerBehaviour),
});
