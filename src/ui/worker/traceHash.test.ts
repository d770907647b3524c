// The trace fingerprint and the SHA-256 under it, against node:crypto: known vectors,
// every padding length, pieces of any size, and whole traces of the scenarios.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceToJsonLines } from '../../engine/trace.ts';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { Sha256 } from '../../net/app/sha256.ts';
import { traceSha256 } from './traceHash.ts';

const node = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('Sha256', () => {
  it('gives the FIPS 180-4 example digests', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(new Sha256().hex()).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(new Sha256().update(text('abc')).hex()).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(
      new Sha256().update(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).hex(),
    ).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with node:crypto for every length around the block size, in any pieces', () => {
    const data = new Uint8Array(randomBytes(1000));
    for (let length = 0; length <= 300; length++) {
      const bytes = data.subarray(0, length);
      expect(new Sha256().update(bytes).hex(), `length ${length}`).toBe(node(bytes));
    }
    for (const size of [1, 7, 63, 64, 65, 200]) {
      const hash = new Sha256();
      for (let i = 0; i < data.length; i += size) hash.update(data.subarray(i, i + size));
      expect(hash.hex()).toBe(node(data));
    }
  });
});

describe('traceSha256', () => {
  it('fingerprints a whole run as the CLI does, from its packed trace', () => {
    const text = readFileSync(
      new URL('../../../simulations/tcp-bulk-transfer.json', import.meta.url),
      'utf8',
    );
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new Error('invalid');
    const trace = runScenario(parsed.scenario).simulation.sim.trace;
    // More than one 256 KiB piece of JSON: the pieces join up.
    expect(traceToJsonLines(trace.records).length).toBeGreaterThan(1 << 19);
    expect(traceSha256(trace.length, (i) => trace.get(i))).toBe(
      node(traceToJsonLines(trace.records)),
    );
    expect(traceSha256(0, (i) => trace.get(i))).toBe(node(''));
  });
});
