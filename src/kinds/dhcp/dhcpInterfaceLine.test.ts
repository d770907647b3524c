// The node inspector's interface line of an interface configured by DHCP, on
// simulations/dhcp-home.json run headless: before its ACK the laptop's eth0 has no address (the
// inspector says "waiting for DHCP"), after it the address the lease gave, with the prefix the
// router's subnet mask says; the phone's fixed address is as written. Expected addresses are the
// bottom of the pool in the order of the DISCOVERs (RFC 2131 4.3.1, leasePool.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { interfaceLines, withLeases } from '../../viz/sockets/index.ts';
import { dhcpRecords, leasedAddressesAt } from './dhcpLeasesView.ts';

const parsed = parseScenarioText(readFileSync('simulations/dhcp-home.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const scenario = parsed.scenario;
const records = runScenario(scenario).simulation.sim.trace.records;

/** The node's interface lines at `time`, with their DHCP leases then. */
function linesAt(node: string, time: number) {
  const ifaces = (scenario.nodes.find((n) => n.id === node)?.interfaces ?? [])
    .filter((i) => i.dhcp)
    .map((i) => i.name);
  const leases = leasedAddressesAt(dhcpRecords(records, node), ifaces, time);
  return withLeases(interfaceLines(scenario, node), leases);
}

const S = 1_000_000_000;

describe('the interface line of a DHCP interface (dhcp-home.json)', () => {
  const firstBound = records.find((r) => r.type === 'dhcp.bound' && r.node === 'laptop1');

  it('has no address before the lease, and is marked as DHCP’s', () => {
    const [eth0] = linesAt('laptop1', 0);
    expect(eth0).toMatchObject({ name: 'eth0', dhcp: true, mtu: 1500, link: 'l1' });
    expect(eth0?.address).toBeUndefined();
    expect(firstBound).toBeDefined();
    expect(linesAt('laptop1', (firstBound?.t ?? 0) - 1)[0]?.address).toBeUndefined();
  });

  it('shows the leased address from the moment of the ACK', () => {
    expect(linesAt('laptop1', firstBound?.t ?? 0)[0]?.address).toBe('192.168.1.100/24');
    expect(linesAt('laptop1', 13.5 * S)[0]).toMatchObject({
      address: '192.168.1.100/24',
      dhcp: true,
    });
    expect(linesAt('laptop2', 13.5 * S)[0]?.address).toBe('192.168.1.101/24');
    // Renewed at T1 (30 s) by the same server: the same address to the end of the run.
    expect(linesAt('laptop1', 44 * S)[0]?.address).toBe('192.168.1.100/24');
  });

  it('leaves a fixed address as written', () => {
    expect(linesAt('phone', 0)[0]).toMatchObject({ address: '192.168.1.50/24' });
    expect(linesAt('phone', 0)[0]?.dhcp).toBeUndefined();
  });

  it('loses the address again when the lease is gone', () => {
    const line = linesAt('laptop1', 13.5 * S);
    const gone = withLeases(line, new Map([['eth0', null]]));
    expect(gone[0]?.address).toBeUndefined();
    expect(gone[0]?.dhcp).toBe(true);
  });
});
