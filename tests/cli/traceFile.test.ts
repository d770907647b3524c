// The streamed trace file and `handshake pcap`: `run --trace` writes the stored trace's lines byte
// for byte with the trace kept nowhere, payloads as base64; `pcap` reads the file back and writes
// the very captures `run --pcap` wrote, which tshark reads frame for frame.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.ts';
import { traceToJsonLines } from '../../src/engine/trace.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { tshark } from '../support/tshark.ts';

const BIN = join(process.cwd(), 'bin/handshake.js');
const BULK = 'simulations/tcp-bulk-transfer.json';
/** The bulk transfer's `bytes` ("300kB") in its scenario file. */
const BULK_BYTES = 300_000;
const dir = mkdtempSync(join(tmpdir(), 'handshake-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function handshake(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The trace's lines, parsed with plain JSON.parse (bytes stay `{ base64 }` objects). */
function lines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('handshake run --trace, streamed', () => {
  const trace = join(dir, 'bulk.jsonl');
  const wan = join(dir, 'run-wan.pcap');
  const laptop = join(dir, 'run-laptop.pcap');
  let run: ReturnType<typeof handshake>;
  beforeAll(() => {
    run = handshake(
      'run',
      BULK,
      '--trace',
      trace,
      `--pcap=wan=${wan}`,
      '--pcap',
      `laptop:eth0=${laptop}`,
      '--json',
    );
  });

  it('writes the lines of the trace a stored run keeps, byte for byte', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const parsed = parseScenarioText(readFileSync(BULK, 'utf8'));
    if (!parsed.ok) throw new Error('the bulk-transfer scenario does not validate');
    const records = runScenario(parsed.scenario).simulation.sim.trace.records;
    const text = readFileSync(trace, 'utf8');
    expect(text.length).toBeGreaterThan(1 << 20); // more than one chunk
    expect(text).toBe(traceToJsonLines(records));
    expect(JSON.parse(run.stdout).traceRecords).toBe(records.length);
  });

  it("writes payloads as base64 whose bytes are tshark's TCP payload on the link", () => {
    // The IP packets on the link (an ARP frame, `arp` where a packet has `ip`, has no payload).
    const onWan = lines(trace).filter(
      (r) => r.type === 'link.txBegin' && r.link === 'wan' && !('arp' in (r.packet as object)),
    );
    const payloads = onWan.map((r) => (r.packet as { payload: { base64: string } }).payload);
    const traced = payloads.reduce((sum, p) => sum + Buffer.from(p.base64, 'base64').length, 0);
    const seen = tshark(['-r', wan, '-Y', 'tcp.len > 0', '-T', 'fields', '-e', 'tcp.len'])
      .trim()
      .split('\n')
      .reduce((sum, n) => sum + Number(n), 0);
    // No segment was lost on "wan" (its losses are at the router's queue, before it): tshark
    // sees the 300 kB the scenario sends, once each, and the trace holds the same bytes.
    expect(seen).toBe(BULK_BYTES);
    expect(traced).toBe(BULK_BYTES);
    expect(payloads.every((p) => Object.keys(p).join() === 'base64')).toBe(true);
  });

  it('gives to `handshake pcap` the captures `run --pcap` wrote, byte for byte', () => {
    const wan2 = join(dir, 'pcap-wan.pcap');
    const laptop2 = join(dir, 'pcap-laptop.pcap');
    const { status, stdout, stderr } = handshake(
      'pcap',
      trace,
      `wan=${wan2}`,
      `laptop:eth0=${laptop2}`,
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(readFileSync(wan2)).toEqual(readFileSync(wan));
    expect(readFileSync(laptop2)).toEqual(readFileSync(laptop));
    const records = lines(trace);
    const onWan = records.filter((r) => r.type === 'link.txBegin' && r.link === 'wan').length;
    const atLaptop = records.filter(
      (r) => (r.type === 'link.txBegin' || r.type === 'link.rx') && r.node === 'laptop',
    ).length;
    expect(tshark(['-r', wan2]).trim().split('\n')).toHaveLength(onWan);
    expect(tshark(['-r', laptop2]).trim().split('\n')).toHaveLength(atLaptop);
    expect(stdout).toBe(
      `pcap file  ${wan2}: link wan, ${onWan} packets\n` +
        `pcap file  ${laptop2}: interface laptop:eth0, ${atLaptop} packets\n`,
    );
    expect(JSON.parse(run.stdout).pcaps).toEqual([
      { capture: 'link wan', file: wan, packets: onWan },
      { capture: 'interface laptop:eth0', file: laptop, packets: atLaptop },
    ]);
  });

  it('names the links that carried packets when the one asked for carried none', () => {
    const out = join(dir, 'none.pcap');
    const { status, stderr } = handshake('pcap', trace, `spare=${out}`);
    expect(status).toBe(2);
    expect(stderr).toBe(
      `handshake: ${trace}: no packet went onto link "spare" in this trace (links that carried packets: "lan", "wan")\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('says which file it cannot read or write, with status 3, and a broken trace with 2', () => {
    const missing = handshake('pcap', join(dir, 'nope.jsonl'), `wan=${join(dir, 'x.pcap')}`);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/nope\.jsonl: cannot read the trace: no such file/);
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${readFileSync(trace, 'utf8').slice(0, 5000)}\n{"t":1,"type":"link.rx",\n`);
    const broken = handshake('pcap', bad, `wan=${join(dir, 'y.pcap')}`);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^handshake: .*bad\.jsonl:\d+: /);
    expect(existsSync(join(dir, 'y.pcap'))).toBe(false);
    const unwritable = handshake('run', BULK, '--trace', join(dir, 'no-dir', 't.jsonl'));
    expect(unwritable.status).toBe(3);
    expect(unwritable.stderr).toMatch(/t\.jsonl: cannot write the trace: no such file/);
  });
});

describe('parsing pcap', () => {
  it('takes a trace file and captures in the form of --pcap', () => {
    expect(parseArgs(['pcap', 't.jsonl', 'wan=w.pcap', 'r:eth0=r.pcap'])).toEqual({
      command: 'pcap',
      file: 't.jsonl',
      pcaps: [
        { target: { kind: 'link', link: 'wan' }, path: 'w.pcap', spec: 'wan=w.pcap' },
        {
          target: { kind: 'interface', node: 'r', iface: 'eth0' },
          path: 'r.pcap',
          spec: 'r:eth0=r.pcap',
        },
      ],
    });
  });

  it.each([
    [['pcap'], /pcap needs a trace FILE/],
    [['pcap', 't.jsonl'], /pcap needs at least one LINK_ID=OUT\.pcap/],
    [['pcap', 't.jsonl', 'wan'], /^pcap: wan: expected LINK_ID=OUT\.pcap or NODE:IFACE=OUT\.pcap/],
    [['pcap', 't.jsonl', 'wan=a', 'lan=a'], /two files would be the same, a/],
    [['pcap', 't.jsonl', 'wan=t.jsonl'], /two files would be the same, t\.jsonl/],
    [['pcap', 't.jsonl', '-o', 'x'], /unknown flag for pcap: -o/],
  ])('refuses %j', (args, message) => {
    expect(() => parseArgs(args)).toThrow(UsageError);
    expect(() => parseArgs(args)).toThrow(message);
  });
});
