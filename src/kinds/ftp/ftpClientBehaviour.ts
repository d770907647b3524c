// The ftpClient behaviour: a user at an FTP prompt who connects, logs in, runs a script of commands
// (PWD, CWD, LIST, RETR, STOR over passive data connections) and quits. How it starts on a node,
// and its figures from the trace.

import { createActor } from 'xstate';
import { NS_PER_MS } from '../../engine/time.ts';
import { FTP_PORT } from '../../net/app/ftp/ftpMessages.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { traceStates } from '../../sim/appTrace.ts';
import { afterAction } from '../../sim/build/afterAction.ts';
import { countInto, statusText } from '../../sim/summary/figureMath.ts';
import { ftpClientMachine } from './ftpClientMachine.ts';
import { FtpClientSession, type FtpStep } from './ftpClientSession.ts';
import { type FtpClientApp } from './ftpSchemas.ts';
import './ftpTrace.ts';

/** What an FTP client did. */
export interface FtpClientFigures {
  node: string;
  server: string;
  commands: number;
  /** Replies by code. */
  replies: Record<string, number>;
  transfers: number;
  bytesDown: number;
  bytesUp: number;
  error: string | null;
}

export const ftpClientBehaviour = defineAppBehaviour<FtpClientApp, FtpClientFigures>({
  start({ sim, host, node, label, lookup }, app) {
    const script: FtpStep[] = app.script ?? [];
    let session: FtpClientSession | undefined;
    const fail = (error: string) => actor.send({ type: 'ftp.failed', error });
    const machine = ftpClientMachine.provide({
      actions: {
        connect: afterAction(sim, () =>
          lookup(app.server, (result) => {
            if (!result.ok) return fail(result.error);
            const port = app.port ?? FTP_PORT;
            session = new FtpClientSession(sim, host.tcp, node, result.address, port, label);
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
        failed: (_, error) =>
          sim.record({ t: sim.now(), type: 'app.error', node, app: label, op: 'session', error }),
      },
    });
    const actor = createActor(machine, {
      clock: sim.clock,
      input: { startMs: (app.start ?? 0) / NS_PER_MS, steps: script.length },
    });
    traceStates(sim, actor, node, label);
    actor.start();
  },
  figures: {
    fold({ node, app }) {
      const figures = { commands: 0, transfers: 0, bytesDown: 0, bytesUp: 0 };
      const replies: Record<string, number> = {};
      let error: string | null = null;
      return {
        types: ['ftp.command', 'ftp.reply', 'ftp.transfer', 'app.error'],
        add(record) {
          if (record.type === 'ftp.command') figures.commands++;
          else if (record.type === 'ftp.reply') countInto(replies, record.code);
          else if (record.type === 'ftp.transfer') {
            figures.transfers++;
            if (record.direction === 'down') figures.bytesDown += record.bytes;
            else figures.bytesUp += record.bytes;
          } else if (record.type === 'app.error') error = record.error;
        },
        result: () => ({
          node,
          server: app.server,
          commands: figures.commands,
          replies: { ...replies },
          transfers: figures.transfers,
          bytesDown: figures.bytesDown,
          bytesUp: figures.bytesUp,
          error,
        }),
      };
    },
    lines: (c) => [
      `ftp client ${c.node} -> ${c.server}: ${c.commands} commands (replies ${statusText(c.replies)}), ` +
        `${c.transfers} transfers, ${c.bytesDown} bytes down, ${c.bytesUp} up${c.error ? `; stopped: ${c.error}` : ''}`,
    ],
  },
});
