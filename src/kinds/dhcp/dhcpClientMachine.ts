// A DHCP client's states, as RFC 2131 figure 5 draws them: INIT, SELECTING, REQUESTING, BOUND,
// RENEWING, REBINDING (INIT-REBOOT and REBOOTING are left out: a client here never starts with
// an address it remembers). The machine holds only the state; its I/O actions are placeholders
// that dhcpClient.ts provides (send a DISCOVER or a REQUEST, configure the interface, take the
// address away), and its events come from the network (an OFFER, an ACK, a NAK) and from the
// client's plain timers (retransmission, T1, T2, the lease's end). The labels are the figure's.

import { setup } from 'xstate';

/** What the client's network and timers tell the machine. */
export type DhcpClientEvent =
  | { type: 'start' }
  | { type: 'offer' }
  | { type: 'ack' }
  | { type: 'nak' }
  /** The retransmission timer: send the last message again. */
  | { type: 'retry' }
  /** REQUESTs in REQUESTING went unanswered after every retransmission. */
  | { type: 'giveUp' }
  | { type: 't1' }
  | { type: 't2' }
  | { type: 'expire' };

export const dhcpClientMachine = setup({
  types: { events: {} as DhcpClientEvent },
  actions: {
    /** Broadcasts a DHCPDISCOVER (a new one, or the same again on `retry`). */
    sendDiscover: () => {},
    /** Takes the OFFER that came (the first one) and broadcasts a DHCPREQUEST for it. */
    selectOffer: () => {},
    /** Sends the DHCPREQUEST of the state entered again (a retransmission). */
    resendRequest: () => {},
    /** Unicasts a DHCPREQUEST to the leasing server (RENEWING). */
    renew: () => {},
    /** Broadcasts a DHCPREQUEST to any server (REBINDING). */
    rebind: () => {},
    /** Records the lease, configures the interface and sets T1, T2 and the lease's end. */
    bind: () => {},
    /** A NAK, or no answer, or the lease's end: records why and starts over (a `start` event). */
    restart: () => {},
    /** The address is given up: taken off the interface, with its routes. */
    unbind: () => {},
  },
}).createMachine({
  id: 'dhcpClient',
  initial: 'init',
  states: {
    init: {
      meta: { label: 'INIT' },
      description: 'No address: the client is about to look for a DHCP server.',
      on: {
        start: {
          target: 'selecting',
          actions: 'sendDiscover',
          meta: { label: 'snd DHCPDISCOVER' },
        },
      },
    },
    selecting: {
      meta: { label: 'SELECTING' },
      description: 'A DISCOVER has gone out; waiting for a server’s OFFER.',
      on: {
        offer: {
          target: 'requesting',
          actions: 'selectOffer',
          meta: { label: 'rcv DHCPOFFER / snd DHCPREQUEST' },
        },
        retry: { actions: 'sendDiscover', meta: { label: 'snd DHCPDISCOVER' } },
      },
    },
    requesting: {
      meta: { label: 'REQUESTING' },
      description: 'It asked for the offered address; waiting for the server’s ACK or NAK.',
      on: {
        ack: { target: 'bound', actions: 'bind', meta: { label: 'rcv DHCPACK' } },
        nak: {
          target: 'init',
          actions: 'restart',
          meta: { label: 'rcv DHCPNAK' },
        },
        retry: { actions: 'resendRequest', meta: { label: 'snd DHCPREQUEST' } },
        giveUp: {
          target: 'init',
          actions: 'restart',
          meta: { label: 'no answer' },
        },
      },
    },
    bound: {
      meta: { label: 'BOUND' },
      description: 'It holds a lease: the interface has its address until T1.',
      on: {
        t1: {
          target: 'renewing',
          actions: 'renew',
          meta: { label: 'T1 expires / snd DHCPREQUEST' },
        },
      },
    },
    renewing: {
      meta: { label: 'RENEWING' },
      description: 'Past T1: it asks its own server to extend the lease.',
      on: {
        ack: { target: 'bound', actions: 'bind', meta: { label: 'rcv DHCPACK' } },
        nak: {
          target: 'init',
          actions: ['unbind', 'restart'],
          meta: { label: 'rcv DHCPNAK' },
        },
        retry: { actions: 'resendRequest', meta: { label: 'snd DHCPREQUEST' } },
        t2: {
          target: 'rebinding',
          actions: 'rebind',
          meta: { label: 'T2 expires / snd DHCPREQUEST' },
        },
      },
    },
    rebinding: {
      meta: { label: 'REBINDING' },
      description: 'Past T2: its server did not answer, so it asks any server.',
      on: {
        ack: { target: 'bound', actions: 'bind', meta: { label: 'rcv DHCPACK' } },
        nak: {
          target: 'init',
          actions: ['unbind', 'restart'],
          meta: { label: 'rcv DHCPNAK' },
        },
        retry: { actions: 'resendRequest', meta: { label: 'snd DHCPREQUEST' } },
        expire: {
          target: 'init',
          actions: ['unbind', 'restart'],
          meta: { label: 'lease expired' },
        },
      },
    },
  },
});
