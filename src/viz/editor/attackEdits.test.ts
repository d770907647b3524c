// The editor's attacks at a moment: the first values a form gets from the topology (a client
// attacks a server that listens), the SYN flood's and the port scan's events as the document
// takes them (added, undone and redone exactly through the edit history), and a form's text
// refused with the field named.
import { describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from '../../sim/index.ts';
import twoSubnets from '../../../simulations/two-subnets.json';
import portScanExample from '../../../simulations/port-scan.json';
import {
  AddEvent,
  attackDefaults,
  EditHistory,
  portScanFromForm,
  synFloodFromForm,
  type Json,
  type PortScanForm,
  type SynFloodForm,
} from './index.ts';

function scenario(value: unknown): Scenario {
  const result = validateScenario(value);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

const flood = (more: Partial<SynFloodForm>): SynFloodForm => ({
  at: '2s',
  node: 'laptop',
  target: 'server',
  port: '5001',
  rate: '100',
  duration: '5s',
  spoofFrom: '',
  ...more,
});

const scan = (more: Partial<PortScanForm>): PortScanForm => ({
  at: '1.5s',
  node: 'desktop',
  target: 'server',
  ports: '1-1024,5001',
  rate: '500',
  ...more,
});

describe('attackDefaults', () => {
  it('has a client attack a server that listens on TCP, on its port', () => {
    const s = scenario(twoSubnets);
    // The server runs an echo (UDP) and a sink (TCP 5001).
    expect(attackDefaults(s)).toEqual({
      node: 'laptop',
      target: 'server',
      port: '5001',
      ports: '21-23,25,53,80,110,143,443,3306,5001,5432,8080',
    });
    // The node selected attacks, unless it is the listening server: then it is the target.
    expect(attackDefaults(s, 'desktop')).toMatchObject({ node: 'desktop', target: 'server' });
    expect(attackDefaults(s, 'server')).toMatchObject({ node: 'laptop', target: 'server' });
    // A switch has no address: it is not among them.
    expect(attackDefaults(s, 'switch')).toMatchObject({ node: 'laptop', target: 'server' });
  });

  it('prefers the server that listens over one that does not, and takes its first port', () => {
    const s = scenario({ ...portScanExample, events: undefined });
    expect(attackDefaults(s)).toMatchObject({ node: 'scanner', target: 'server', port: '21' });
    // The printer, selected, listens on nothing: the listening server stays the target.
    expect(attackDefaults(s, 'printer')).toMatchObject({ node: 'printer', target: 'server' });
    expect(attackDefaults(s, 'printer').ports).toBe(
      '21-23,25,53,80,110,143,443,3306,5001,5432,7000,8080',
    );
  });
});

describe('attacks from the forms', () => {
  it('writes events the document takes, added, undone and redone exactly', () => {
    const syn = synFloodFromForm(flood({ duration: '2.5 s', spoofFrom: ' 203.0.113.0/24 ' }));
    expect(syn).toEqual({
      ok: true,
      at: 2e9,
      event: {
        at: '2s',
        type: 'synFlood',
        node: 'laptop',
        target: 'server',
        port: 5001,
        rate: 100,
        duration: '2.5s',
        spoofFrom: '203.0.113.0/24',
      },
    });
    const probe = portScanFromForm(scan({ ports: '1-1024, 5001' }));
    expect(probe).toEqual({
      ok: true,
      at: 1.5e9,
      event: {
        at: '1.5s',
        type: 'portScan',
        node: 'desktop',
        target: 'server',
        ports: '1-1024,5001',
        rate: 500,
      },
    });
    if (!syn.ok || !probe.ok) return;

    const history = new EditHistory();
    const start = JSON.parse(JSON.stringify(twoSubnets)) as Json;
    let document = start;
    for (const [event, what] of [
      [syn.event, 'SYN flood'],
      [probe.event, 'port scan'],
    ] as const) {
      const command = new AddEvent(event, what);
      document = command.apply(document);
      history.push(command);
    }
    const added = scenario(document);
    expect(added.events?.map((e) => e.type)).toEqual(['synFlood', 'portScan']);
    expect(history.undoable?.label).toBe('Add port scan');

    document = history.undo(document)!;
    expect(scenario(document).events?.map((e) => e.type)).toEqual(['synFlood']);
    document = history.undo(document)!;
    expect(document).toEqual(start);
    expect(history.undo(document)).toBeNull();
    document = history.redo(history.redo(document)!)!;
    expect((document as { events: Json[] }).events).toEqual([syn.event, probe.event]);
  });

  it('leaves out a forged prefix not given', () => {
    const own = synFloodFromForm(flood({}));
    expect(own.ok && 'spoofFrom' in (own.event as object)).toBe(false);
  });

  it('refuses what is not a time, a node, a port, a rate, a duration or a prefix', () => {
    const problem = (more: Partial<SynFloodForm>) => {
      const read = synFloodFromForm(flood(more));
      return read.ok ? null : read.problem;
    };
    expect(problem({ at: 'soon' })?.field).toBe('at');
    expect(problem({ node: '' })).toEqual({
      field: 'node',
      message: 'choose the node that floods',
    });
    expect(problem({ target: '' })?.field).toBe('target');
    expect(problem({ target: 'laptop' })).toEqual({
      field: 'target',
      message: 'laptop cannot attack itself',
    });
    expect(problem({ port: '0' })).toEqual({
      field: 'port',
      message: '"0" is not a port from 1 to 65535',
    });
    expect(problem({ port: '80a' })?.field).toBe('port');
    expect(problem({ rate: '2.5' })?.field).toBe('rate');
    expect(problem({ rate: '200000' })?.field).toBe('rate');
    expect(problem({ duration: '5' })).toMatchObject({
      field: 'duration',
      message: expect.stringMatching(/not a duration/),
    });
    expect(problem({ duration: '0s' })?.field).toBe('duration');
    // 100000 SYNs a second for a minute is more than a flood may send.
    expect(problem({ rate: '100000', duration: '1m' })).toEqual({
      field: 'rate',
      message: '6000000 SYNs in all is more than 1000000: lower the rate or the duration',
    });
    expect(problem({ spoofFrom: '203.0.113.7/24' })).toMatchObject({
      field: 'spoofFrom',
      message: expect.stringMatching(/203\.0\.113\.7\/24/),
    });
    expect(problem({ spoofFrom: 'anywhere' })?.field).toBe('spoofFrom');
  });

  it('refuses a port list nmap -p would not take, naming the part', () => {
    const problem = (more: Partial<PortScanForm>) => {
      const read = portScanFromForm(scan(more));
      return read.ok ? null : read.problem;
    };
    expect(problem({ ports: '22,http' })).toEqual({
      field: 'ports',
      message:
        '"http" is not a port or a range: write ports and ranges separated by commas, like 22,80,443 or 1-1024',
    });
    expect(problem({ ports: '1-70000' })?.message).toMatch(/^"1-70000" is not/);
    expect(problem({ ports: '80-22' })?.message).toMatch(/^"80-22" is not/);
    expect(problem({ ports: '1-3-5' })?.field).toBe('ports');
    expect(problem({ ports: '' })?.field).toBe('ports');
    expect(problem({ rate: '0' })?.field).toBe('rate');
    expect(problem({ node: '' })?.message).toBe('choose the node that scans');
    expect(problem({ at: '1' })?.field).toBe('at');
  });
});
