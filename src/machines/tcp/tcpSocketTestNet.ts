// Shared by the socket error tests: the `socket.error` records and segments a run left in its
// trace, and a connection from A to B:80 brought up to ESTABLISHED.
import { expect } from 'vitest';
import { NS_PER_MS } from '../../engine/time.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';
import { B, type TwoHosts } from '../../../tests/support/tcpNetwork.ts';
import type { TcpConnection } from './tcpConnection.ts';

/** 10.0.0.3: on A's subnet, but no host has it, so nothing ever answers. */
export const NOBODY = 0x0a000003;

/** The `socket.error` records, as "node protocol op error socket". */
export function socketErrors(net: TwoHosts): string[] {
  return net.sim.trace
    .ofType('socket.error')
    .map((r) => `${r.node} ${r.protocol} ${r.op} ${r.error} ${r.socket}`);
}

/** TCP segments `node` put on the wire, with their send times. */
export function segmentsFrom(net: TwoHosts, node: string): { t: number; packet: Packet }[] {
  return net.sim.trace
    .ofType('link.txBegin')
    .filter(carriesIp)
    .filter((r) => r.node === node && r.packet.transport.kind === 'tcp')
    .map((r) => ({ t: r.t, packet: r.packet }));
}

/** A connects to B:80, B accepts at once; returns both ends once established. */
export function established(net: TwoHosts): { client: TcpConnection; server: () => TcpConnection } {
  const listener = net.b.tcp.listen(80);
  if (!listener.ok) throw new Error(listener.error);
  let server: TcpConnection | undefined;
  listener.value.onConnection = (l) => {
    const accepted = l.accept();
    if (accepted.ok) server = accepted.value;
  };
  const client = net.a.tcp.connect(B, 80);
  if (!client.ok) throw new Error(client.error);
  for (let i = 0; i < 100 && !server; i++) net.sim.run({ until: net.sim.now() + 100 * NS_PER_MS });
  expect(client.value.state).toBe('ESTABLISHED');
  return {
    client: client.value,
    server: () => {
      if (!server) throw new Error('B accepted nothing');
      return server;
    },
  };
}
