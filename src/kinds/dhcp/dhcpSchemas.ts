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
    first: ipv4('The first address the server gives out, e.g. 192.168.1.100.'),
    last: ipv4('The last address it gives out (inclusive), e.g. 192.168.1.199.'),
  },
  {},
  'The addresses the server leases: a range inside the subnet of one of its interfaces, the one it serves.',
);

export const dhcpServerApp = object(
  { type: literal('dhcpServer'), pool },
  {
    leaseTime: duration({
      min: 10 * S,
      max: MAX_LEASE_NS,
      description:
        'How long a lease lasts, in whole seconds (default 1h). Clients renew at half of it (T1) and rebind at seven eighths (T2); a short one such as "60s" shows renewal in a short run.',
    }),
    router: ipv4(
      'The default gateway it tells clients (option 3). Default: its own address on the served interface if the node is a router, else none.',
    ),
    dns: array(
      ipv4(
        'A DNS server it tells clients (option 6), most preferred first. A client whose node has a `dns` setting asks the first.',
      ),
      { maxItems: 4 },
    ),
  },
  'A DHCP server (RFC 2131) on UDP port 67: it offers addresses from its pool to clients on the segment of the interface the pool is on, and leases them.',
);

export type DhcpServerApp = Infer<typeof dhcpServerApp>;
