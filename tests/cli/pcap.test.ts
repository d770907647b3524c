// `handshake run FILE --pcap ...`: parsing the flag, and the real command writing captures that
// read back frame for frame as the trace says, or refusing a link or interface it does not have.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, parsePcap, PcapUsageError, UsageError } from '../../src/cli/args.ts';
import { readPcap, type PcapReadRecord } from '../../src/net/capture/pcapReader.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { frameBytes } from '../../src/net/wire/frameBytes.ts';
import { LINKTYPE_ETHERNET } from '../../src/net/capture/pcapWriter.ts';

const BIN = join(process.cwd(), 'bin/handshake.js');
const BULK = 'simulations/tcp-bulk-transfer.json';
const dir = mkdtempSync(join(tmpdir(), 'handshake-pcap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function handshake(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function readFrames(path: string): PcapReadRecord[] {
  const result = readPcap(new Uint8Array(readFileSync(path)));
  if (!result.ok) throw new Error(`${path}: ${result.error}`);
  expect(result.file).toMatchObject({ nanoseconds: true, linkType: LINKTYPE_ETHERNET });
  return result.file.records;
}

/** The bulk-transfer scenario run in this process: the trace the CLI's run also produces. */
function bulkTrace() {
  const parsed = parseScenarioText(readFileSync(BULK, 'utf8'));
  if (!parsed.ok) throw new Error('the bulk-transfer scenario does not validate');
  return runScenario(parsed.scenario).simulation.sim.trace;
}

describe('parsing --pcap', () => {
  it('takes LINK_ID=OUT.pcap and NODE:IFACE=OUT.pcap, repeated, spaced or inline', () => {
    const command = parseArgs([
      'run',
      BULK,
      '--pcap',
      'wan=wan.pcap',
      '--pcap=laptop:eth0=dir/laptop.pcap',
      '--json',
    ]);
    expect(command).toMatchObject({
      command: 'run',
      file: BULK,
      json: true,
      pcaps: [
        { target: { kind: 'link', link: 'wan' }, path: 'wan.pcap', spec: 'wan=wan.pcap' },
        {
          target: { kind: 'interface', node: 'laptop', iface: 'eth0' },
          path: 'dir/laptop.pcap',
          spec: 'laptop:eth0=dir/laptop.pcap',
        },
      ],
    });
    expect(parseArgs(['run', BULK])).toMatchObject({ pcaps: [] });
    // Only the first "=" separates: the rest belongs to the file name.
    expect(parsePcap('lan=a=b.pcap')).toMatchObject({ path: 'a=b.pcap' });
  });

  it.each([
    ['wan', /--pcap wan: expected LINK_ID=OUT\.pcap or NODE:IFACE=OUT\.pcap \(no "=" before/],
    ['=out.pcap', /--pcap =out\.pcap: expected .* \(no link or interface\)/],
    ['wan=', /--pcap wan=: expected .* \(no file after "="\)/],
    ['a:b:c=x.pcap', /"a:b:c" is neither a link id nor NODE:IFACE/],
    ['router:=x.pcap', /"router:" is neither a link id nor NODE:IFACE/],
    ['2wan=x.pcap', /"2wan" is neither a link id nor NODE:IFACE/],
  ])('refuses the malformed value %j, naming what is wrong', (value, message) => {
    expect(() => parsePcap(value)).toThrow(UsageError);
    expect(() => parsePcap(value)).toThrow(message);
    let error: unknown;
    try {
      parseArgs(['run', BULK, '--pcap', value]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PcapUsageError);
    expect(error).toMatchObject({ file: BULK, message: expect.stringMatching(message) });
  });

  it('refuses two outputs to one file', () => {
    expect(() => parseArgs(['run', BULK, '--pcap', 'lan=x.pcap', '--pcap', 'wan=x.pcap'])).toThrow(
      '--pcap lan=x.pcap and --pcap wan=x.pcap: two outputs would write to the same file, x.pcap',
    );
    expect(() => parseArgs(['run', BULK, '--trace', 'x', '--pcap', 'lan=x'])).toThrow(UsageError);
  });
});

describe('handshake run --pcap', () => {
  const trace = bulkTrace();
  const records = trace.records;

  it('writes a tap on a link and a capture on an interface that read back as the trace says', () => {
    const wan = join(dir, 'wan.pcap');
    const laptop = join(dir, 'laptop.pcap');
    const { status, stdout, stderr } = handshake(
      'run',
      BULK,
      '--pcap',
      `wan=${wan}`,
      `--pcap=laptop:eth0=${laptop}`,
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);

    // The tap on "wan": every packet the router or the server put on it, at its txBegin time.
    const onWan = records.filter((r) => r.type === 'link.txBegin' && r.link === 'wan');
    const wanFrames = readFrames(wan);
    expect(wanFrames).toHaveLength(onWan.length);
    expect(new Set(onWan.map((r) => r.type === 'link.txBegin' && r.node))).toEqual(
      new Set(['router', 'server']),
    );
    expect(stdout).toContain(`pcap file  ${wan}: link wan, ${onWan.length} packets`);

    // The laptop's interface: what it sent (txBegin) and what it received (link.rx).
    const atLaptop = records.filter(
      (r) =>
        (r.type === 'link.txBegin' || r.type === 'link.rx') &&
        r.node === 'laptop' &&
        r.iface === 'eth0',
    );
    const laptopFrames = readFrames(laptop);
    expect(laptopFrames).toHaveLength(atLaptop.length);
    expect(stdout).toContain(
      `pcap file  ${laptop}: interface laptop:eth0, ${atLaptop.length} packets`,
    );

    for (const [frames, expected] of [
      [wanFrames, onWan],
      [laptopFrames, atLaptop],
    ] as const) {
      frames.forEach((frame, i) => {
        const record = expected[i];
        if (record?.type !== 'link.txBegin' && record?.type !== 'link.rx') throw new Error('?');
        expect(frame.timeNs).toBe(record.t);
        expect(frame.bytes).toEqual(frameBytes(record.packet));
      });
    }
  });

  it('adds the captures to the --json summary', () => {
    const file = join(dir, 'lan.pcap');
    const { status, stdout } = handshake('run', BULK, '--pcap', `lan=${file}`, '--json');
    expect(status).toBe(0);
    const count = records.filter((r) => r.type === 'link.txBegin' && r.link === 'lan').length;
    expect(JSON.parse(stdout).pcaps).toEqual([{ capture: 'link lan', file, packets: count }]);
  });

  it('writes an empty capture for a link of the scenario that no packet crossed', () => {
    const scenario = JSON.parse(readFileSync(BULK, 'utf8'));
    scenario.nodes.push(
      { id: 'printer', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.3.9/24' }] },
      { id: 'nas', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.3.8/24' }] },
    );
    scenario.links.push({ id: 'spare', a: 'printer', b: 'nas', latency: '1ms' });
    const doc = join(dir, 'spare.json');
    writeFileSync(doc, JSON.stringify(scenario));
    const out = join(dir, 'spare.pcap');
    const { status, stdout } = handshake('run', doc, '--pcap', `spare=${out}`);
    expect(status).toBe(0);
    expect(stdout).toContain(`pcap file  ${out}: link spare, 0 packets`);
    expect(readFrames(out)).toEqual([]);
  });

  it.each([
    [
      'wan2=OUT',
      /^handshake: --pcap wan2=.*: the scenario has no link "wan2" \(the scenario's links: "lan", "wan"\)$/m,
    ],
    [
      'router:eth7=OUT',
      /^handshake: --pcap router:eth7=.*: node "router" has no interface "eth7" \(it has: "eth0", "eth1"; the scenario's links: "lan", "wan"\)$/m,
    ],
    [
      'printer:eth0=OUT',
      /^handshake: --pcap printer:eth0=.*: the scenario has no node "printer" \(its nodes: "laptop", "router", "server"; the scenario's links: "lan", "wan"\)$/m,
    ],
  ])('refuses %s, a capture the scenario cannot have, with status 2', (value, message) => {
    const out = join(dir, `refused-${value.split('=')[0]?.replace(':', '-')}.pcap`);
    const { status, stdout, stderr } = handshake('run', BULK, '--pcap', value.replace('OUT', out));
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1); // one message, no stack trace
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['wan', /no "=" before a file name\); the scenario's links: "lan", "wan"$/m],
    [
      'wan:=x.pcap',
      /"wan:" is neither a link id nor NODE:IFACE.*; the scenario's links: "lan", "wan"$/m,
    ],
  ])(
    'answers the malformed value %j with usage, the known links and status 2',
    (value, message) => {
      const { status, stdout, stderr } = handshake('run', BULK, '--pcap', value);
      expect(status).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).toMatch(/^usage:/m);
      expect(stderr).toMatch(/--pcap LINK_ID=OUT\.pcap/);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(stdout).toBe('');
    },
  );

  it('says so, with status 3 (I/O), when the capture cannot be written', () => {
    const out = join(dir, 'no-such-dir', 'x.pcap');
    const { status, stderr } = handshake('run', BULK, '--pcap', `wan=${out}`);
    expect(status).toBe(3);
    expect(stderr).toMatch(/x\.pcap: cannot write the capture: no such file/);
  });
});
