// The DHCP client's machine alone, on a simulated clock: RFC 2131 figure 5's transitions (INIT
// to SELECTING with a DISCOVER, an OFFER to REQUESTING, an ACK to BOUND, T1 to RENEWING, T2 to
// REBINDING, a NAK or the lease's end back to INIT), and which actions each asks for.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import { dhcpClientMachine, type DhcpClientEvent } from './dhcpClientMachine.ts';

function client() {
  const done: string[] = [];
  const record = (name: string) => () => void done.push(name);
  const machine = dhcpClientMachine.provide({
    actions: Object.fromEntries(
      [
        'sendDiscover',
        'selectOffer',
        'resendRequest',
        'renew',
        'rebind',
        'bind',
        'restart',
        'unbind',
      ].map((name) => [name, record(name)]),
    ),
  });
  const actor = createActor(machine, { clock: new Simulator({ seed: 1 }).clock });
  actor.start();
  const send = (...events: DhcpClientEvent['type'][]) => {
    for (const type of events) actor.send({ type } as DhcpClientEvent);
    return actor.getSnapshot().value;
  };
  return { send, done };
}

describe('dhcpClientMachine', () => {
  it('goes INIT, SELECTING, REQUESTING, BOUND, sending as figure 5 says', () => {
    const { send, done } = client();
    expect(send()).toBe('init');
    expect(send('start')).toBe('selecting');
    expect(send('retry')).toBe('selecting'); // no offer yet: the DISCOVER again
    expect(send('ack', 'nak')).toBe('selecting'); // not waiting for these
    expect(send('offer')).toBe('requesting');
    expect(send('offer', 'retry')).toBe('requesting'); // a second offer is ignored
    expect(send('ack')).toBe('bound');
    expect(done).toEqual(['sendDiscover', 'sendDiscover', 'selectOffer', 'resendRequest', 'bind']);
  });

  it('renews at T1, rebinds at T2, and is BOUND again on an ACK', () => {
    const { send, done } = client();
    send('start', 'offer', 'ack');
    expect(send('t1')).toBe('renewing');
    expect(send('ack')).toBe('bound');
    expect(send('t1', 't2')).toBe('rebinding');
    expect(send('ack')).toBe('bound');
    expect(done.slice(3)).toEqual(['renew', 'bind', 'renew', 'rebind', 'bind']);
  });

  it('goes back to INIT on a NAK, on no answer, and when the lease ends', () => {
    const nak = client();
    nak.send('start', 'offer');
    expect(nak.send('nak')).toBe('init');
    expect(nak.done.at(-1)).toBe('restart');
    const silent = client();
    silent.send('start', 'offer');
    expect(silent.send('giveUp')).toBe('init');
    const expired = client();
    expired.send('start', 'offer', 'ack', 't1', 't2');
    expect(expired.send('expire')).toBe('init');
    expect(expired.done.slice(-2)).toEqual(['unbind', 'restart']);
    const refused = client();
    refused.send('start', 'offer', 'ack', 't1');
    expect(refused.send('nak')).toBe('init');
    expect(refused.done.slice(-2)).toEqual(['unbind', 'restart']);
  });
});
