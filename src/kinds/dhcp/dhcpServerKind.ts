// The dhcpServer kind: a DHCP server (RFC 2131) on UDP port 67 leasing the addresses of its pool
// to the clients on the segment of the interface the pool is on. Its schema and the check of its
// lease time, always loaded (the pool's place in the network is checked with the whole document:
// dhcpStaticFeature.ts); how it runs and its figures are in dhcpServerBehaviour.ts, loaded when a
// scenario has such an app. Only the ports are imported here, not the DHCP codec.

import { formatDuration } from '../../engine/time.ts';
import { DHCP_SERVER_PORT } from '../../net/app/dhcpPorts.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { dhcpCheckPhrases } from './dhcpCheckPhrases.ts';
import { dhcpServerApp, type DhcpServerApp } from './dhcpSchemas.ts';
import './dhcpTrace.ts';
import type { DhcpServerFigures } from './dhcpServerBehaviour.ts';
export type { DhcpServerFigures } from './dhcpServerBehaviour.ts';

const S = 1_000_000_000;

export const dhcpServerKind = defineAppKind<DhcpServerApp, DhcpServerFigures>({
  type: 'dhcpServer',
  schema: dhcpServerApp,
  traceName: 'dhcpd',
  listens: () => ({ protocol: 'udp', port: DHCP_SERVER_PORT }),
  check(app, { path, node }, issues) {
    const lease = app.leaseTime;
    if (lease !== undefined && lease % S !== 0)
      issues.push(
        phrased(
          `${path}.leaseTime`,
          bookPhrase(dhcpCheckPhrases, 'check.leaseSeconds', {
            node,
            lease: formatDuration(lease),
          }),
        ),
      );
  },
  behaviour: () => import('./dhcpServerBehaviour.ts').then((module) => module.dhcpServerBehaviour),
});
