import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import { tcpConnectionMachine, type TcpConnectionEvent } from './tcpConnectionMachine.ts';

/** Drives a machine through events and returns "state [actions]" after each one. */
function drive(events: TcpConnectionEvent['type'][], run?: (sim: Simulator) => void) {
  const sim = new Simulator();
  const actions: string[] = [];
  const note = (name: string) => () => actions.push(name);
  const machine = tcpConnectionMachine.provide({
    actions: {
      sendSyn: note('SYN'),
      sendSynAck: note('SYN,ACK'),
      sendAck: note('ACK'),
      sendFin: note('FIN'),
      sendRst: note('RST'),
      established: note('established'),
      peerClosed: note('eof'),
      failed: (_, error) => actions.push(error),
      released: note('released'),
    },
  });
  const actor = createActor(machine, { clock: sim.clock, input: { mslMs: 30_000 } }).start();
  const steps = events.map((type) => {
    actions.length = 0;
    actor.send({ type } as TcpConnectionEvent);
    return `${String(actor.getSnapshot().value)} [${actions.join(' ')}]`;
  });
  run?.(sim);
  return { steps, actor, sim };
}

describe('tcpConnectionMachine (RFC 9293 figure 5)', () => {
  it('active open, then active close through TIME-WAIT', () => {
    const { steps, actor, sim } = drive([
      'app.connect',
      'tcp.synAck',
      'app.close',
      'tcp.ackOfFin',
      'tcp.fin',
    ]);
    expect(steps).toEqual([
      'SYN-SENT [SYN]',
      'ESTABLISHED [ACK established]',
      'FIN-WAIT-1 [FIN]',
      'FIN-WAIT-2 []',
      'TIME-WAIT [ACK eof]',
    ]);
    sim.run();
    // TIME-WAIT lasts 2 MSL = 60 s.
    expect(sim.now()).toBe(60_000_000_000);
    expect(actor.getSnapshot().value).toBe('CLOSED');
  });

  it('passive open, then passive close through CLOSE-WAIT and LAST-ACK', () => {
    const { steps } = drive([
      'app.listen',
      'tcp.syn',
      'tcp.ackOfSyn',
      'tcp.fin',
      'app.close',
      'tcp.ackOfFin',
    ]);
    expect(steps).toEqual([
      'LISTEN []',
      'SYN-RECEIVED [SYN,ACK]',
      'ESTABLISHED [established]',
      'CLOSE-WAIT [ACK eof]',
      'LAST-ACK [FIN]',
      'CLOSED [released]',
    ]);
  });

  it('simultaneous open (figure 7) and simultaneous close (figure 13)', () => {
    const { steps } = drive([
      'app.connect',
      'tcp.syn',
      'tcp.synAck',
      'app.close',
      'tcp.fin',
      'tcp.ackOfFin',
    ]);
    expect(steps).toEqual([
      'SYN-SENT [SYN]',
      'SYN-RECEIVED [SYN,ACK]',
      'ESTABLISHED [established]',
      'FIN-WAIT-1 [FIN]',
      'CLOSING [ACK eof]',
      'TIME-WAIT []',
    ]);
  });

  it('refused, reset and timed-out connections report the errno', () => {
    expect(drive(['app.connect', 'tcp.rst']).steps[1]).toBe('CLOSED [ECONNREFUSED released]');
    expect(drive(['app.connect', 'tcp.synAck', 'tcp.rst']).steps[2]).toBe(
      'CLOSED [ECONNRESET released]',
    );
    expect(drive(['app.connect', 'tcp.giveUp']).steps[1]).toBe('CLOSED [ETIMEDOUT released]');
    expect(drive(['app.listen', 'tcp.syn', 'tcp.rst']).steps[2]).toBe('CLOSED [released]');
  });

  it('aborts with RST only when synchronized', () => {
    expect(drive(['app.connect', 'tcp.synAck', 'app.abort']).steps[2]).toBe(
      'CLOSED [RST released]',
    );
    expect(drive(['app.connect', 'app.abort']).steps[1]).toBe('CLOSED [released]');
    expect(drive(['app.abort']).steps[0]).toBe('CLOSED []');
  });

  it('restarts 2 MSL when a retransmitted FIN reaches TIME-WAIT', () => {
    const { actor, sim } = drive([
      'app.connect',
      'tcp.synAck',
      'app.close',
      'tcp.ackOfFin',
      'tcp.fin',
    ]);
    sim.run({ until: 50_000_000_000 });
    actor.send({ type: 'tcp.fin' });
    sim.run();
    expect(sim.now()).toBe(110_000_000_000); // 50 s + 2 MSL
    expect(actor.getSnapshot().value).toBe('CLOSED');
  });
});
