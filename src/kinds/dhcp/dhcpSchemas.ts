// Scenario pieces for DHCP: the dhcpServer app (its pool of addresses on one of its node's
// subnets, the lease time, and the router and DNS servers it tells clients of). An interface that
// takes its address from such a server says `"address": "dhcp"` (src/sim/schema/networkSchemas.ts).

import { array, duration, literal, object, type Infer } from '../../sim/schema/schema.ts';
import { ipv4 } from '../../sim/schema/networkSchemas.ts';

const S = 1_000_000_000;

/** The longest lease a scenario may set: a day (option 51 could say 136 years). */
export const MAX_LEASE_NS = 24 * 3600 * S;

const pool = object(
  {
    first: ipv4('The first address it gives out, e.g. 192.168.1.100.'),
    last: ipv4('The last address it gives out, e.g. 192.168.1.199.'),
  },
  {},
  'The addresses it leases, inside the subnet of the interface it serves.',
);

export const dhcpServerApp = object(
  { type: literal('dhcpServer'), pool },
  {
    leaseTime: duration({
      min: 10 * S,
      max: MAX_LEASE_NS,
      description:
        'How long a lease lasts, in whole seconds (default 1h). Clients renew at half of it (T1).',
    }),
    router: ipv4(
      'The default gateway it tells clients (option 3); a router names itself unless set.',
    ),
    dns: array(ipv4('A DNS server it tells clients (option 6).'), { maxItems: 4 }),
  },
  'A DHCP server (RFC 2131) on UDP port 67, leasing its pool to the clients of its segment.',
);

export type DhcpServerApp = Infer<typeof dhcpServerApp>;
