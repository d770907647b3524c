// The ftpServer behaviour: an FTP server (RFC 959) with accounts and files, passive data
// connections on ports drawn from the node's own random stream. How it starts on a node, and its
// figures from the trace: sessions, commands, logins, and bytes moved on data connections.

import { FTP_PORT } from '../../net/app/ftp/ftpMessages.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { FtpFileStore } from './ftpFiles.ts';
import { startFtpServer } from './ftpServer.ts';
import { type FtpServerApp } from './ftpSchemas.ts';
import './ftpTrace.ts';

/** What an FTP server did. */
export interface FtpServerFigures {
  node: string;
  port: number;
  sessions: number;
  commands: number;
  logins: number;
  failedLogins: number;
  bytesSent: number;
  bytesReceived: number;
}

export const ftpServerBehaviour = defineAppBehaviour<FtpServerApp, FtpServerFigures>({
  start({ sim, host, node, label }, app) {
    const started = startFtpServer(sim, host.tcp, {
      node,
      app: label,
      port: app.port ?? FTP_PORT,
      users: app.users ?? [],
      files: new FtpFileStore(app.files ?? []),
      passivePorts: sim.random.stream(`node:${node}/ftp/pasv`),
    });
    if (!started.ok)
      sim.record({
        t: sim.now(),
        type: 'app.error',
        node,
        app: label,
        op: 'listen',
        error: started.error,
      });
  },
  figures: {
    fold({ node, app }) {
      const figures: FtpServerFigures = {
        node,
        port: app.port ?? FTP_PORT,
        sessions: 0,
        commands: 0,
        logins: 0,
        failedLogins: 0,
        bytesSent: 0,
        bytesReceived: 0,
      };
      return {
        types: ['ftp.session', 'ftp.serve', 'ftp.data'],
        add(record) {
          if (record.type === 'ftp.session') figures.sessions++;
          else if (record.type === 'ftp.serve') {
            figures.commands++;
            if (record.verb === 'PASS' && record.code === 230) figures.logins++;
            if (record.verb === 'PASS' && record.code === 530) figures.failedLogins++;
          } else if (record.type === 'ftp.data') {
            if (record.direction === 'sent') figures.bytesSent += record.bytes;
            else figures.bytesReceived += record.bytes;
          }
        },
        result: () => ({ ...figures }),
      };
    },
    lines: (f) => [
      `ftp server ${f.node}:${f.port}: ${f.sessions} sessions, ${f.logins} logins (${f.failedLogins} refused), ` +
        `${f.commands} commands, ${f.bytesSent} bytes sent, ${f.bytesReceived} received`,
    ],
  },
});
