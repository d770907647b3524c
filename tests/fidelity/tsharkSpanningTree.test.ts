// The spanning tree's BPDUs read by tshark: simulations/switch-ring.json run by the command line
// (`handshake run --pcap`), captured on the link between switches 1 and 3 (l-31), where switch 3's
// designated port sends to switch 1's alternate one. Every BPDU must be an IEEE 802.3 frame with
// LLC 0x42/0x42/UI to 01:80:c2:00:00:00, dissected by Wireshark's STP dissector as an RST BPDU
// (version 2, type 0x02) whose root is switch 2 (priority 32768, its MAC) at cost 200,000 from
// switch 3 (one 100 Mbit/s hop, IEEE 802.1D-2004 Table 17-3), the timers 20/2/15 s; and nothing
// malformed, no expert warning.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMac } from '../../src/net/wire/mac.ts';
import { bridgeMac, interfaceMac, parseScenarioText, scenarioMacs } from '../../src/sim/index.ts';
import { expectClean, fields } from '../support/tshark.ts';

const FILE = 'simulations/switch-ring.json';
const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-stp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parsed = parseScenarioText(readFileSync(FILE, 'utf8'));
if (!parsed.ok) throw new Error(`${FILE} does not validate`);
const macs = scenarioMacs(parsed.scenario);

const pcap = join(dir, 'l-31.pcap');
execFileSync('node', ['bin/handshake.js', 'run', FILE, '--pcap', `l-31=${pcap}`], {
  stdio: 'pipe',
});

describe('tshark on the BPDUs of switch-ring’s link between switches 1 and 3', () => {
  const frames = fields(
    pcap,
    'frame.protocols eth.dst eth.src eth.len llc.dsap llc.ssap stp.protocol stp.version stp.type ' +
      'stp.root.hw stp.root.prio stp.root.cost stp.bridge.hw stp.port stp.flags.port_role ' +
      'stp.max_age stp.hello stp.forward',
  );
  const bpdus = frames.filter((f) => f['frame.protocols']?.endsWith(':stp'));

  it('dissects the BPDUs as RSTP in 802.3/LLC frames, with nothing malformed', () => {
    expect(bpdus.length).toBeGreaterThan(4);
    for (const f of bpdus) {
      expect(f['frame.protocols']).toBe('eth:llc:stp');
      expect(f['eth.dst']).toBe('01:80:c2:00:00:00');
      expect(f['eth.len']).toBe('39');
      expect([f['llc.dsap'], f['llc.ssap']]).toEqual(['0x42', '0x42']);
      expect([f['stp.protocol'], f['stp.version'], f['stp.type']]).toEqual(['0x0000', '2', '0x02']);
      expect([f['stp.max_age'], f['stp.hello'], f['stp.forward']]).toEqual(['20', '2', '15']);
    }
    expectClean(pcap);
  });

  it('shows switch 3 telling switch 1 of root switch 2 at one hop’s cost, once converged', () => {
    const s3 = formatMac(interfaceMac(macs, 's3', 'p2')!);
    const converged = bpdus.filter((f) => f['eth.src'] === s3 && f['stp.root.cost'] !== '0');
    expect(converged.length).toBeGreaterThan(3);
    for (const f of converged) {
      expect(f['stp.root.hw']).toBe(formatMac(bridgeMac(macs, 's2')!));
      expect(f['stp.root.prio']).toBe('32768');
      expect(f['stp.root.cost']).toBe('200000');
      expect(f['stp.bridge.hw']).toBe(formatMac(bridgeMac(macs, 's3')!));
      expect(f['stp.port']).toBe('0x8002'); // p2, priority 128
      expect(f['stp.flags.port_role']).toBe('3'); // designated
    }
  });
});
