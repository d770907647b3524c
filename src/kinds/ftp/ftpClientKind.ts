// The ftpClient kind: a user at an FTP prompt who connects, logs in, runs a script of commands
// (PWD, CWD, LIST, RETR, STOR over passive data connections) and quits. Its schema and checks,
// always loaded; how it runs and its figures are in ftpClientBehaviour.ts, loaded when a scenario
// has such an app.

import { FTP_PORT } from '../../net/app/ftpPorts.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { ftpClientApp, type FtpClientApp } from './ftpSchemas.ts';
import './ftpTrace.ts';
import type { FtpClientFigures } from './ftpClientBehaviour.ts';
export type { FtpClientFigures } from './ftpClientBehaviour.ts';

export const ftpClientKind = defineAppKind<FtpClientApp, FtpClientFigures>({
  type: 'ftpClient',
  schema: ftpClientApp,
  traceName: 'ftp',
  target: (app) => ({
    field: 'server',
    value: app.server,
    socket: { protocol: 'tcp', port: app.port ?? FTP_PORT },
  }),
  behaviour: () => import('./ftpClientBehaviour.ts').then((module) => module.ftpClientBehaviour),
});
