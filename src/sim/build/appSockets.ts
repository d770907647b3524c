// Sockets apps open when they start, with the failure recorded the same way for every kind: an
// app.error naming the app and the call, and no socket.

import type { UdpSocket } from '../../net/transport/udpLayer.ts';
import type { AppContext } from '../kinds/appKind.ts';

/** A UDP socket on `port` (any free port when none is given), or undefined after recording why. */
export function bindUdp(
  { sim, host, node, label }: Pick<AppContext, 'sim' | 'host' | 'node' | 'label'>,
  port?: number,
): UdpSocket | undefined {
  const opened = host.udp.bind(port);
  if (opened.ok) return opened.value;
  sim.record({
    t: sim.now(),
    type: 'app.error',
    node,
    app: label,
    op: 'bind',
    error: opened.error,
  });
  return undefined;
}
