// The FTP client machine alone on a simulated clock: connecting, loggingIn, a command per step
// (transferring while a LIST/RETR/STOR moves data), quitting, done; any failure ends in failed.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import { ftpClientMachine } from './ftpClientMachine.ts';

function start(steps: number) {
  const sim = new Simulator();
  const log: string[] = [];
  const machine = ftpClientMachine.provide({
    actions: {
      connect: () => log.push('connect'),
      login: () => log.push('login'),
      runStep: (_, step) => log.push(`step ${step}`),
      quit: () => log.push('quit'),
      leave: () => log.push('leave'),
      failed: (_, error) => log.push(`failed ${error}`),
    },
  });
  const actor = createActor(machine, { clock: sim.clock, input: { startMs: 10, steps } });
  actor.start();
  return { sim, actor, log };
}

describe('ftpClientMachine', () => {
  it('runs connect, login, each step, quit', () => {
    const { sim, actor, log } = start(2);
    sim.run();
    expect(actor.getSnapshot().value).toBe('connecting');
    actor.send({ type: 'ftp.ready' });
    actor.send({ type: 'ftp.loggedIn' });
    expect(actor.getSnapshot().value).toBe('commanding');
    actor.send({ type: 'ftp.transferStarted' });
    expect(actor.getSnapshot().value).toBe('transferring');
    actor.send({ type: 'ftp.stepDone' });
    actor.send({ type: 'ftp.stepDone' });
    expect(actor.getSnapshot().value).toBe('quitting');
    actor.send({ type: 'ftp.closed' });
    expect(actor.getSnapshot().value).toBe('done');
    expect(log).toEqual(['connect', 'login', 'step 0', 'step 1', 'quit', 'leave']);
  });

  it('goes straight to quitting without steps, and to failed on an error', () => {
    const a = start(0);
    a.sim.run();
    a.actor.send({ type: 'ftp.ready' });
    a.actor.send({ type: 'ftp.loggedIn' });
    expect(a.actor.getSnapshot().value).toBe('quitting');
    const b = start(1);
    b.sim.run();
    b.actor.send({ type: 'ftp.failed', error: 'ECONNREFUSED' });
    expect(b.actor.getSnapshot().value).toBe('failed');
    expect(b.log).toEqual(['connect', 'failed ECONNREFUSED', 'leave']);
  });
});
