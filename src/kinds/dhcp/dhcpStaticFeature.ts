// What a schema cannot see of DHCP in a scenario, from the document alone: a server's pool must
// lie inside the subnet of one of its node's interfaces (the one it serves), hold no static
// address of its segment, and its router must be on that subnet (errors, naming the node). The
// warnings and the stand-in addresses for the reachability warnings are in dhcpWarningsFeature.ts, which
// the page's first code does not carry.
import { contains, formatIpv4, formatPrefix, prefixMask } from '../../net/wire/ipv4Address.ts';
import type { ValidationIssue } from '../../sim/schema/schema.ts';
import { bookPhrase, phrased, type Phrase } from '../../sim/schema/phrase.ts';
import type { Scenario, ScenarioNode } from '../../sim/scenario/scenarioSchema.ts';
import { segmentsOf } from '../../sim/scenario/scenarioSegments.ts';
import { dhcpCheckPhrases } from './dhcpCheckPhrases.ts';
import type { DhcpServerApp } from './dhcpSchemas.ts';

/** A DHCP server of the document: where it is, and its segment (none: its pool is on no subnet). */
export interface ServerAt {
  nodeIndex: number;
  appIndex: number;
  app: DhcpServerApp;
  /** The interface whose subnet holds the pool's first address. */
  iface: NonNullable<ScenarioNode['interfaces']>[number] | undefined;
  segment: string | undefined;
}

/** The DHCP servers of the document, and the segment of every interface (`nodeIndex:iface`). */
export function serversOf(scenario: Scenario) {
  const segments = segmentsOf(
    scenario,
    scenario.nodes.map((n) => !!n.interfaces?.some((x) => x.address || x.dhcp)),
  );
  const servers: ServerAt[] = [];
  scenario.nodes.forEach((node, nodeIndex) => {
    node.apps?.forEach((app, appIndex) => {
      if (app.type !== 'dhcpServer') return;
      const iface = node.interfaces?.find(
        (x) => x.address && contains(x.address.prefix, app.pool.first),
      );
      const segment = iface && segments.get(`${nodeIndex}:${iface.name}`);
      servers.push({ nodeIndex, appIndex, app, iface, segment });
    });
  });
  return { servers, segments };
}

const range = (app: DhcpServerApp) => `${formatIpv4(app.pool.first)}–${formatIpv4(app.pool.last)}`;

/** Whether a pool runs upwards inside a subnet, without its network and broadcast addresses. */
function fits(app: DhcpServerApp, subnet: { network: number; length: number }): boolean {
  const { first, last } = app.pool;
  const broadcast = (subnet.network | ~prefixMask(subnet.length)) >>> 0;
  const ends = subnet.length > 30 || (first !== subnet.network && last !== broadcast);
  return first <= last && contains(subnet, last) && ends;
}

/** Adds an issue for each DHCP server whose pool or router does not fit its node and segment. */
export function checkDhcp(scenario: Scenario, issues: ValidationIssue[]): void {
  const { servers, segments } = serversOf(scenario);
  for (const { nodeIndex, appIndex, app, iface, segment } of servers) {
    const node = scenario.nodes[nodeIndex] as ScenarioNode;
    const path = `$.nodes[${nodeIndex}].apps[${appIndex}]`;
    const say = (at: string, phrase: Phrase) => issues.push(phrased(`${path}.${at}`, phrase));
    const served = iface?.address?.prefix;
    if (!served || !fits(app, served)) {
      const subnets = (node.interfaces ?? []).flatMap((x) => (x.address ? [x.address.prefix] : []));
      say(
        'pool',
        bookPhrase(dhcpCheckPhrases, 'check.poolOutside', {
          node: node.id,
          range: range(app),
          subnets: subnets.map(formatPrefix).join(', ') || '-',
        }),
      );
      continue;
    }
    scenario.nodes.forEach((other, k) => {
      for (const x of other.interfaces ?? []) {
        const address = x.address?.address;
        if (address === undefined || segments.get(`${k}:${x.name}`) !== segment) continue;
        if (address < app.pool.first || address > app.pool.last) continue;
        say(
          'pool',
          bookPhrase(dhcpCheckPhrases, 'check.poolHoldsStatic', {
            node: node.id,
            range: range(app),
            address: formatIpv4(address),
            owner: `${other.id}:${x.name}`,
          }),
        );
      }
    });
    if (app.router !== undefined && !contains(served, app.router))
      say(
        'router',
        bookPhrase(dhcpCheckPhrases, 'check.routerOffSubnet', {
          node: node.id,
          router: formatIpv4(app.router),
          subnet: formatPrefix(served),
        }),
      );
  }
}
