// The ftpServer kind: an FTP server (RFC 959) with accounts and files, passive data connections on
// ports drawn from the node's own random stream. Its schema and checks, always loaded; how it runs
// and its figures are in ftpServerBehaviour.ts, loaded when a scenario has such an app.

import { FTP_PORT } from '../../net/app/ftpPorts.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { ftpServerApp, type FtpServerApp } from './ftpSchemas.ts';
import './ftpTrace.ts';
import type { FtpServerFigures } from './ftpServerBehaviour.ts';
export type { FtpServerFigures } from './ftpServerBehaviour.ts';

export const ftpServerKind = defineAppKind<FtpServerApp, FtpServerFigures>({
  type: 'ftpServer',
  schema: ftpServerApp,
  traceName: 'ftpd',
  listens: (app) => ({ protocol: 'tcp', port: app.port ?? FTP_PORT }),
  behaviour: () => import('./ftpServerBehaviour.ts').then((module) => module.ftpServerBehaviour),
});
