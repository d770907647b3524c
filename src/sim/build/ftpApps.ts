// FTP in scenarios: the server (files and accounts, passive data ports from the node's own
// random stream) and the client (an XState user over FtpClientSession running its script).

import { createActor } from 'xstate';
import { afterAction } from './afterAction.ts';
import type { Simulator } from '../../engine/simulator.ts';
import { NS_PER_MS } from '../../engine/time.ts';
import { FTP_PORT } from '../../net/app/ftp/ftpMessages.ts';
import { ftpClientMachine } from '../../machines/apps/ftp/ftpClientMachine.ts';
import {
  FtpClientSession,
  type FtpClientMetrics,
  type FtpStep,
} from '../../machines/apps/ftp/ftpClientSession.ts';
import { FtpFileStore } from '../../machines/apps/ftp/ftpFiles.ts';
import {
  startFtpServer as listenFtp,
  type FtpServerMetrics,
} from '../../machines/apps/ftp/ftpServer.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import { traceStates } from '../appTrace.ts';
import type { FtpClientApp, FtpServerApp } from '../scenario/scenarioSchema.ts';
import type { Lookup } from './httpApps.ts';

/** Starts an FTP server on `node`. */
export function startFtpServer(
  sim: Simulator,
  tcp: TcpLayer,
  node: string,
  app: FtpServerApp,
): FtpServerMetrics {
  const port = app.port ?? FTP_PORT;
  const started = listenFtp(sim, tcp, {
    node,
    port,
    users: app.users ?? [],
    files: new FtpFileStore(app.files ?? []),
    passivePorts: sim.random.stream(`node:${node}/ftp/pasv`),
  });
  if (started.ok) return started.metrics;
  sim.record({
    t: sim.now(),
    type: 'app.error',
    node,
    app: 'ftp',
    op: 'listen',
    error: started.error,
  });
  const none = {
    sessions: 0,
    commands: 0,
    logins: 0,
    failedLogins: 0,
    bytesSent: 0,
    bytesReceived: 0,
  };
  return { node, port, ...none };
}

/** Starts an FTP client on `node`: resolve, connect, log in, run the script, QUIT. */
export function startFtpClient(
  sim: Simulator,
  tcp: TcpLayer,
  node: string,
  app: FtpClientApp,
  lookup: Lookup,
): FtpClientMetrics {
  const metrics: FtpClientMetrics = {
    node,
    server: app.server,
    commands: 0,
    replies: {},
    transfers: 0,
    bytesDown: 0,
    bytesUp: 0,
    error: null,
  };
  const script: FtpStep[] = app.script ?? [];
  let session: FtpClientSession | undefined;
  const fail = (error: string) => actor.send({ type: 'ftp.failed', error });
  const machine = ftpClientMachine.provide({
    actions: {
      connect: afterAction(sim, () =>
        lookup(app.server, (result) => {
          if (!result.ok) return fail(result.error);
          session = new FtpClientSession(
            sim,
            tcp,
            node,
            result.address,
            app.port ?? FTP_PORT,
            metrics,
          );
          session.connect(() => actor.send({ type: 'ftp.ready' }), fail);
        }),
      ),
      login: afterAction(sim, () =>
        session?.login(app.user ?? 'anonymous', app.password ?? 'guest', (error) =>
          error === null ? actor.send({ type: 'ftp.loggedIn' }) : fail(error),
        ),
      ),
      runStep: afterAction(sim, (_: unknown, step: number) => {
        const next = script[step];
        if (!session || !next) return fail('no such step');
        session.runStep(next, {
          started: () => actor.send({ type: 'ftp.transferStarted' }),
          done: () => actor.send({ type: 'ftp.stepDone' }),
          failed: fail,
        });
      }),
      quit: afterAction(sim, () => session?.quit(() => actor.send({ type: 'ftp.closed' }))),
      leave: afterAction(sim, () => session?.close()),
      failed: (_, error) => {
        metrics.error = error;
        sim.record({ t: sim.now(), type: 'app.error', node, app: 'ftp', op: 'session', error });
      },
    },
  });
  const actor = createActor(machine, {
    clock: sim.clock,
    input: { startMs: (app.start ?? 0) / NS_PER_MS, steps: script.length },
  });
  traceStates(sim, actor, node, 'ftp');
  actor.start();
  return metrics;
}
