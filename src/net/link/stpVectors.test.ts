// Spanning tree arithmetic worked from IEEE 802.1D-2004: Table 17-3's path costs, and role
// selection (clause 17.19.21) on a switch that hears the root on two ports.
import { describe, expect, it } from 'vitest';
import { macFromNumber } from '../wire/mac.ts';
import { pathCostOf, selectRoles, type PriorityVector } from './stpVectors.ts';

const id = (priority: number, mac: number) => ({ priority, mac: macFromNumber(mac) });
const ROOT = id(32768, 1);
const B = id(32768, 2);
const ME = id(32768, 3);

describe('path costs', () => {
  it('are 20,000,000 / Mbit/s (Table 17-3), between 1 and 200,000,000', () => {
    expect([10e6, 100e6, 1e9, 10e9].map(pathCostOf)).toEqual([2_000_000, 200_000, 20_000, 2_000]);
    expect(pathCostOf(1)).toBe(200_000_000);
    expect(pathCostOf(Infinity)).toBe(1);
  });
});

describe('role selection', () => {
  const port = (portId: number, received?: PriorityVector) => ({
    portId,
    enabled: true,
    pathCost: 200_000,
    received,
  });

  it('makes itself root, every port designated, when it hears nobody better', () => {
    const roles = selectRoles(ME, [port(0x8001), port(0x8002)]);
    expect(roles).toEqual({
      rootId: ME,
      rootPathCost: 0,
      rootPort: -1,
      roles: ['designated', 'designated'],
    });
  });

  it('takes the cheaper way to the root as root port, the other heard better becomes alternate', () => {
    const direct = { rootId: ROOT, rootPathCost: 0, bridgeId: ROOT, portId: 0x8001 };
    const viaB = { rootId: ROOT, rootPathCost: 200_000, bridgeId: B, portId: 0x8002 };
    const roles = selectRoles(ME, [port(0x8001, viaB), port(0x8002, direct), port(0x8003)]);
    expect(roles.rootPort).toBe(1);
    expect(roles.rootPathCost).toBe(200_000);
    // Port 1 hears B offer cost 200,000 from bridge 2: better than this bridge's (3) offer.
    expect(roles.roles).toEqual(['alternate', 'root', 'designated']);
  });

  it('is designated where it offers the better vector: a lower bridge ID at equal cost', () => {
    const direct = { rootId: ROOT, rootPathCost: 0, bridgeId: ROOT, portId: 0x8001 };
    const fromWorse = {
      rootId: ROOT,
      rootPathCost: 200_000,
      bridgeId: id(32768, 9),
      portId: 0x8002,
    };
    const roles = selectRoles(ME, [port(0x8001, direct), port(0x8002, fromWorse)]);
    expect(roles.roles).toEqual(['root', 'designated']);
  });

  it('breaks a tie between equal ways by the receiving port’s ID, and disables ports without link', () => {
    const a = { rootId: ROOT, rootPathCost: 0, bridgeId: ROOT, portId: 0x8001 };
    const roles = selectRoles(ME, [
      { ...port(0x8002, a), enabled: false },
      port(0x8003, a),
      port(0x8001, a),
    ]);
    expect(roles.rootPort).toBe(2);
    expect(roles.roles).toEqual(['disabled', 'alternate', 'root']);
  });
});
