// The dhcpServer behaviour: how a DHCP server starts on its node (a LeasePool over its pool, on
// the interface whose subnet holds it, serving on UDP port 67: dhcpServer.ts), and its figures
// from the trace: offers, leases given or renewed, NAKs, and DISCOVERs it had no address for.

import { contains, formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { bindUdp } from '../../sim/build/appSockets.ts';
import { DHCP_SERVER_PORT } from '../../net/app/dhcpPorts.ts';
import { LeasePool } from './leasePool.ts';
import { serveDhcp } from './dhcpServer.ts';
import type { DhcpServerApp } from './dhcpSchemas.ts';
import './dhcpTrace.ts';

const S = 1_000_000_000;

/** What a DHCP server did. */
export interface DhcpServerFigures {
  node: string;
  /** Its pool, as "first to last". */
  range: string;
  offers: number;
  acks: number;
  naks: number;
  noOffers: number;
}

export const dhcpServerBehaviour = defineAppBehaviour<DhcpServerApp, DhcpServerFigures>({
  start(context, app) {
    const { sim, host, node, label } = context;
    const iface = host.net.interfaces.find(
      (x) => x.address !== 0 && contains(x.prefix, app.pool.first),
    );
    if (!iface) return; // validation makes sure the pool is on one of the node's subnets
    const socket = bindUdp(context, DHCP_SERVER_PORT);
    if (!socket) return;
    const pool = new LeasePool({
      first: app.pool.first,
      last: app.pool.last,
      excluded: [iface.address],
      leaseSeconds: Math.round((app.leaseTime ?? 3600 * S) / S),
    });
    const routers =
      app.router !== undefined ? [app.router] : host.net.router ? [iface.address] : [];
    serveDhcp(
      sim,
      host.net,
      socket,
      { node, app: label },
      {
        iface: iface.name,
        pool,
        routers,
        dnsServers: app.dns ?? [],
      },
    );
  },
  figures: {
    fold({ node, app }) {
      const figures = {
        node,
        range: `${formatIpv4(app.pool.first)} to ${formatIpv4(app.pool.last)}`,
        offers: 0,
        acks: 0,
        naks: 0,
        noOffers: 0,
      };
      return {
        types: ['dhcp.offer', 'dhcp.ack', 'dhcp.nak', 'dhcp.noOffer'],
        add(record) {
          if (record.type === 'dhcp.offer') figures.offers++;
          else if (record.type === 'dhcp.ack') figures.acks++;
          else if (record.type === 'dhcp.nak') figures.naks++;
          else figures.noOffers++;
        },
        result: () => ({ ...figures }),
      };
    },
    lines: (d) => [
      `dhcp server ${d.node} (${d.range}): ${d.offers} offers, ${d.acks} leases, ${d.naks} NAKs, ${d.noOffers} DISCOVERs unanswered`,
    ],
  },
});
