// Every TCP setting a scenario accepts, with the values that cannot work refused when the document
// is validated (naming the field), and the extremes that can work run to the end without an error.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../runScenario.ts';
import { validateScenario } from './validateScenario.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

/** A client uploading `bytes` to a sink over one 1 ms link, with `tcp` on both nodes. */
function upload(tcp: Record<string, unknown>, bytes = 20_000) {
  const node = (id: string, address: string, app: Record<string, unknown>) => ({
    id,
    role: id === 'c' ? 'client' : 'server',
    interfaces: [{ name: 'eth0', address }],
    tcp,
    apps: [app],
  });
  return {
    format: 'handshake/scenario@1',
    name: 'an upload',
    until: '30s',
    nodes: [
      node('c', '10.0.0.1/24', { type: 'bulkSend', peer: 's', bytes: `${bytes}B` }),
      node('s', '10.0.0.2/24', { type: 'sink' }),
    ],
    links: [{ id: 'l', a: 'c', b: 's', latency: '1ms', bandwidth: '10Mbps' }],
  };
}

/** The problems found in the client's `tcp` (the server has the same settings). */
function issuesOf(tcp: Record<string, unknown>) {
  const result = validateScenario(upload(tcp));
  if (result.ok) return [];
  return result.issues.filter((i) => i.path.startsWith('$.nodes[0]'));
}

const at = (field: string) => `$.nodes[0].tcp.${field}`;

describe('TCP settings that cannot work are refused by validation, naming the field', () => {
  it.each([
    // [settings, field, message]: single fields, checked by the schema.
    [
      { congestionControl: 'cubic' },
      'congestionControl',
      'expected one of "newreno", "reno", got a string ("cubic")',
    ],
    [{ mss: 87 }, 'mss', 'expected an integer >= 88 <= 65495, got a number (87)'],
    [{ mss: 65_496 }, 'mss', 'expected an integer >= 88 <= 65495, got a number (65496)'],
    [{ mss: 1460.5 }, 'mss', 'expected an integer >= 88 <= 65495, got a number (1460.5)'],
    [
      { receiveWindow: -1 },
      'receiveWindow',
      'expected a whole number of bytes >= 0, got a number (-1)',
    ],
    [{ initialRto: '0s' }, 'initialRto', 'expected a duration of at least 1 ns, got "0s"'],
    [{ initialRto: '2h' }, 'initialRto', 'expected a duration of at most 3600 s, got "2h"'],
    [{ minRto: '0s' }, 'minRto', 'expected a duration of at least 1 ns, got "0s"'],
    [{ minRto: '61m' }, 'minRto', 'expected a duration of at most 3600 s, got "61m"'],
    // RFC 6298 2.5: "a maximum value MAY be placed on RTO provided it is at least 60 seconds".
    [{ maxRto: '30s' }, 'maxRto', 'expected a duration of at least 60 s, got "30s"'],
    [{ maxRto: '59999ms' }, 'maxRto', 'expected a duration of at least 60 s, got "59999ms"'],
    [{ maxRto: '2h' }, 'maxRto', 'expected a duration of at most 3600 s, got "2h"'],
    [{ msl: '-1s' }, 'msl', expect.stringMatching(/^"-1s" is not a duration/)],
    [{ msl: '2h' }, 'msl', 'expected a duration of at most 3600 s, got "2h"'],
    [{ synRetries: -1 }, 'synRetries', 'expected an integer >= 0 <= 20, got a number (-1)'],
    [{ synRetries: 21 }, 'synRetries', 'expected an integer >= 0 <= 20, got a number (21)'],
    [{ retries: 0 }, 'retries', 'expected an integer >= 1 <= 30, got a number (0)'],
    [{ retries: 31 }, 'retries', 'expected an integer >= 1 <= 30, got a number (31)'],
    // Combinations, checked by checkTcpSettings.ts.
    [
      { receiveWindow: 0 },
      'receiveWindow',
      'receiveWindow (0 bytes) is smaller than mss (1460 bytes, the default): expected a buffer that holds at least one full segment',
    ],
    [
      { receiveWindow: 1000 },
      'receiveWindow',
      'receiveWindow (1000 bytes) is smaller than mss (1460 bytes, the default): expected a buffer that holds at least one full segment',
    ],
    [
      { sendBuffer: 0 },
      'sendBuffer',
      'sendBuffer (0 bytes) is smaller than mss (1460 bytes, the default): expected a buffer that holds at least one full segment',
    ],
    [
      { mss: 9000, sendBuffer: '8KiB' },
      'sendBuffer',
      'sendBuffer (8192 bytes) is smaller than mss (9000 bytes): expected a buffer that holds at least one full segment',
    ],
    [
      { minRto: '90s' },
      'minRto',
      'minRto (90 s) exceeds maxRto (60 s, the default): expected minRto <= maxRto, or no RTO lies between them',
    ],
    [
      { minRto: '3m', maxRto: '2m' },
      'minRto',
      'minRto (180 s) exceeds maxRto (120 s): expected minRto <= maxRto, or no RTO lies between them',
    ],
    [
      { initialRto: '500ms' },
      'initialRto',
      'initialRto (500 ms) is below minRto (1 s, the default): expected minRto <= initialRto <= maxRto (RFC 6298 bounds every RTO, the first one too)',
    ],
    [
      { initialRto: '90s' },
      'initialRto',
      'initialRto (90 s) is above maxRto (60 s, the default): expected minRto <= initialRto <= maxRto (RFC 6298 bounds every RTO, the first one too)',
    ],
    // RFC 7323 1.1/2.3: the window field is 16 bits; without window scaling no more than 65535
    // bytes can be advertised, so a bigger buffer would be a silent cap.
    [
      { receiveWindow: 65_536 },
      'receiveWindow',
      'expected at most 65535 bytes without windowScaling (RFC 7323: without the window scale option the window field is 16 bits), got 65536; set "windowScaling": true for a larger window',
    ],
    [
      { receiveWindow: '1MiB', windowScaling: false },
      'receiveWindow',
      'expected at most 65535 bytes without windowScaling (RFC 7323: without the window scale option the window field is 16 bits), got 1048576; set "windowScaling": true for a larger window',
    ],
    [{ receiveWindow: 65_535 }, null, null],
    [{ receiveWindow: 65_536, windowScaling: true }, null, null],
    [{ receiveWindow: 65_535 * 2 ** 14, windowScaling: true }, null, null],
    [{ initialRto: '1s', minRto: '200ms', maxRto: '60s' }, null, null],
  ] as const)('%j', (tcp, field, message) => {
    const issues = issuesOf(tcp);
    if (field === null) expect(issues).toEqual([]);
    else expect(issues).toEqual([{ path: at(field), message }]);
  });

  it('reports every impossible setting of a node at once', () => {
    const issues = issuesOf({ sendBuffer: 100, receiveWindow: 100, maxRto: '1s' });
    expect(issues.map((i) => i.path)).toEqual([at('maxRto')]); // the schema stops first
    const later = issuesOf({ sendBuffer: 100, receiveWindow: 100, minRto: '2m' });
    expect(later.map((i) => i.path)).toEqual([at('minRto'), at('receiveWindow'), at('sendBuffer')]);
  });
});

describe('TCP settings at the edges of what works run without an internal error', () => {
  // Before validation checked them, maxRto "30s" or a zero buffer passed and a connection threw
  // a RangeError when it was made. Each accepted extreme runs to its end: the transfer completes,
  // or (a first RTO of 1 ns gives up on the SYN within 127 ns, before any answer can come back
  // over a 1 ms link; the server's SYN-ACKs likewise) fails as a program sees it, ETIMEDOUT.
  it.each([
    [{ congestionControl: 'reno', mss: 88, receiveWindow: 88, sendBuffer: 88 }, 5000],
    [
      { mss: 65_495, minRto: '1h', initialRto: '1h', maxRto: '1h', msl: '1h', synRetries: 20 },
      5000,
    ],
    [{ minRto: '2s', msl: '0s', retries: 1 }, 5000], // no initialRto: 1 s raised to minRto
    [{ minRto: '1ns', initialRto: '1ns', synRetries: 0 }, 0],
    [{ minRto: '1ns', initialRto: '1ns', synRetries: 6 }, 0],
    // The largest window RFC 7323 allows, 65535 << 14 bytes, on both ends: shift 14 in the SYNs.
    [{ windowScaling: true, receiveWindow: 65_535 * 2 ** 14, sendBuffer: '4MiB' }, 5000],
  ])('%j', (tcp, bytes) => {
    const parsed = validateScenario(upload(tcp, 5000));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const { summary, simulation, result } = runScenario(parsed.scenario);
    expect(result.reason).not.toBe('maxEvents');
    expect(summary.apps.sink?.[0]?.bytesReceived ?? 0).toBe(bytes);
    const errors = simulation.sim.trace.ofType('socket.error').map((r) => r.error);
    expect(new Set(errors)).toEqual(new Set(bytes > 0 ? [] : ['ETIMEDOUT']));
  });
});

describe('the largest receive window RFC 7323 allows', () => {
  it('validates, offers shift 14 in the SYNs, and moves 1 MB with later windows scaled', () => {
    // RFC 7323 2.3: the shift is at most 14, so 65535 << 14 = 1073725440 bytes is the most.
    const tcp = { windowScaling: true, receiveWindow: 65_535 * 2 ** 14, sendBuffer: '4MiB' };
    const parsed = validateScenario(upload(tcp, 1_000_000));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const { summary, simulation, result } = runScenario(parsed.scenario);
    expect(result.reason).toBe('until');
    expect(summary.apps.sink?.[0]?.bytesReceived).toBe(1_000_000);
    const shifts = simulation.sim.trace
      .ofType('link.txBegin')
      .filter(carriesIp)
      .flatMap((r) => (r.packet.transport.kind === 'tcp' ? r.packet.transport.options : []))
      .flatMap((o) => (o.kind === 'windowScale' ? [o.shift] : []));
    expect(shifts).toEqual([14, 14]); // the SYN and the SYN+ACK, and no later segment
    expect(simulation.sim.trace.ofType('socket.error')).toEqual([]);
  });
});
