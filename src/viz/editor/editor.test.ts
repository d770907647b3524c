// The editor's logic on hand-made documents and on the format's own schema: values set and
// cleared at a path without touching the rest, commands undone exactly, the history's order, the
// fields a node, an app variant and a link offer, and what typed text becomes.
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../sim/index.ts';
import {
  documentForSaving,
  EditHistory,
  fieldsOf,
  pathText,
  readInput,
  SetValue,
  valueAt,
  withValue,
  type Json,
  type JsonSchema,
} from './index.ts';

const doc: Json = {
  name: 'x',
  nodes: [
    { id: 'a', apps: [{ type: 'httpServer', concurrency: { model: 'workerPool', limit: 2 } }] },
  ],
};

describe('withValue', () => {
  it('sets a value deep in the document, sharing what is off the path', () => {
    const next = withValue(doc, ['nodes', 0, 'apps', 0, 'concurrency', 'model'], 'eventLoop');
    expect(valueAt(next, ['nodes', 0, 'apps', 0, 'concurrency'])).toEqual({
      model: 'eventLoop',
      limit: 2,
    });
    expect(valueAt(doc, ['nodes', 0, 'apps', 0, 'concurrency', 'model'])).toBe('workerPool');
    expect((next as { name: string }).name).toBe('x');
  });

  it('keeps the order of keys, adds a new key last, and removes one with undefined', () => {
    const set = withValue(doc, ['nodes', 0, 'label'], 'A');
    expect(Object.keys(valueAt(set, ['nodes', 0]) as object)).toEqual(['id', 'apps', 'label']);
    const cleared = withValue(doc, ['nodes', 0, 'apps', 0, 'concurrency', 'limit'], undefined);
    expect(valueAt(cleared, ['nodes', 0, 'apps', 0, 'concurrency'])).toEqual({
      model: 'workerPool',
    });
  });

  it('makes a missing group for a value, and leaves none behind when clearing in one', () => {
    const made = withValue(doc, ['nodes', 0, 'tcp', 'mss'], 536);
    expect(valueAt(made, ['nodes', 0, 'tcp'])).toEqual({ mss: 536 });
    const none = withValue(doc, ['nodes', 0, 'tcp', 'mss'], undefined);
    expect(valueAt(none, ['nodes', 0])).toEqual({
      id: 'a',
      apps: (valueAt(doc, ['nodes', 0]) as { apps: Json }).apps,
    });
  });

  it('refuses an item past the end of a list', () => {
    expect(() => withValue(doc, ['nodes', 3, 'id'], 'b')).toThrow(/no item 3 in a list of 1/);
  });
});

describe('SetValue and EditHistory', () => {
  it('undoes and redoes in order, and a new edit forgets what could be redone', () => {
    const history = new EditHistory();
    const path = ['nodes', 0, 'apps', 0, 'concurrency', 'model'] as const;
    const first = new SetValue(path, 'workerPool', 'eventLoop');
    expect(first.label).toBe('Set model to "eventLoop"');
    let d = first.apply(doc);
    history.push(first);
    const second = new SetValue(['name'], 'x', undefined);
    expect(second.label).toBe('Clear name');
    d = second.apply(d);
    history.push(second);
    expect(valueAt(d, ['name'])).toBeUndefined();
    d = history.undo(d)!;
    expect(valueAt(d, ['name'])).toBe('x');
    d = history.undo(d)!;
    expect(d).toEqual(doc);
    expect(history.undo(d)).toBeNull();
    d = history.redo(d)!;
    expect(valueAt(d, path)).toBe('eventLoop');
    history.push(new SetValue(['name'], 'x', 'y'));
    expect(history.redoable).toBeNull();
    expect(history.undoable?.label).toBe('Set name to "y"');
  });

  it('writes paths as the validator does', () => {
    expect(pathText(['nodes', 2, 'apps', 0, 'port'])).toBe('$.nodes[2].apps[0].port');
  });
});

describe('fieldsOf the scenario format', () => {
  const root = scenarioJsonSchema() as JsonSchema;
  const items = (key: string) =>
    ((root.properties as Record<string, JsonSchema>)[key]!.items ?? {}) as JsonSchema;

  it('offers an app the fields of its own variant, with their kinds and help', () => {
    const app = { type: 'httpServer', port: 80 };
    const appsSchema = (items('nodes').properties as Record<string, JsonSchema>).apps!;
    const fields = fieldsOf(appsSchema.items as JsonSchema, app, ['nodes', 0, 'apps', 0]);
    const byKey = new Map(fields.map((f) => [f.key, f]));
    expect(byKey.get('type')?.kind).toBe('fixed');
    expect(byKey.get('port')).toMatchObject({ kind: 'integer', min: 1, max: 65535, value: 80 });
    const concurrency = byKey.get('concurrency')!;
    expect(concurrency.kind).toBe('group');
    const inner = fieldsOf(concurrency.schema, undefined, concurrency.path);
    expect(inner.find((f) => f.key === 'model')).toMatchObject({
      kind: 'choice',
      options: ['single', 'threadPerConnection', 'workerPool', 'eventLoop'],
      path: ['nodes', 0, 'apps', 0, 'concurrency', 'model'],
    });
  });

  it('gives a link its units and ranges, and reads typed text by them', () => {
    const fields = fieldsOf(items('links'), { id: 'l', a: 'x', b: 'y' }, ['links', 0]);
    const latency = fields.find((f) => f.key === 'latency')!;
    expect(latency.hint).toBe('a duration, like 20ms or 1.5s');
    expect(readInput(latency, ' 20ms ')).toEqual({ ok: true, value: '20ms' });
    expect(readInput(latency, 'fast')).toEqual({
      ok: false,
      message: 'expected a duration, like 20ms or 1.5s, found "fast"',
    });
    // A link needs its latency; its bandwidth has a default, so clearing it is fine.
    expect(readInput(latency, '')).toEqual({ ok: false, message: 'latency is required' });
    const bandwidth = fields.find((f) => f.key === 'bandwidth')!;
    expect(readInput(bandwidth, '')).toEqual({ ok: true, value: undefined });
    expect(readInput(bandwidth, '10Mbps')).toEqual({ ok: true, value: '10Mbps' });
    const loss = fields.find((f) => f.key === 'loss')!;
    expect(readInput(loss, '0.2')).toEqual({ ok: true, value: 0.2 });
    expect(readInput(loss, '1')).toEqual({ ok: false, message: 'expected under 1, found 1' });
    const a = fields.find((f) => f.key === 'a')!;
    expect(readInput(a, '')).toEqual({ ok: false, message: 'a is required' });
  });

  it('reads whole numbers, yes or no, and lists', () => {
    const node = fieldsOf(items('nodes'), { id: 'n', role: 'client' }, ['nodes', 0]);
    const tcp = node.find((f) => f.key === 'tcp')!;
    const tcpFields = fieldsOf(tcp.schema, undefined, tcp.path);
    const mss = tcpFields.find((f) => f.key === 'mss')!;
    expect(readInput(mss, '536')).toEqual({ ok: true, value: 536 });
    expect(readInput(mss, '536.5')).toEqual({
      ok: false,
      message: 'expected a whole number, found 536.5',
    });
    expect(readInput(mss, '10')).toEqual({ ok: false, message: 'expected at least 88, found 10' });
    const sack = tcpFields.find((f) => f.key === 'sack')!;
    expect(sack.kind).toBe('yesno');
    expect(readInput(sack, 'false')).toEqual({ ok: true, value: false });
  });

  it('offers a client its retries and a server its rate limit, a status chosen as a number', () => {
    const appsSchema = (items('nodes').properties as Record<string, JsonSchema>).apps!;
    const app = (value: Json) => fieldsOf(appsSchema.items as JsonSchema, value, ['apps', 0]);
    const retry = app({ type: 'httpClient', server: 's' }).find((f) => f.key === 'retry')!;
    expect(retry.kind).toBe('group');
    const retryFields = fieldsOf(retry.schema, undefined, retry.path);
    expect(retryFields.map((f) => f.key)).toEqual(['attempts', 'base', 'cap', 'jitter']);
    expect(retryFields.find((f) => f.key === 'jitter')).toMatchObject({
      kind: 'choice',
      options: ['none', 'full', 'equal'],
    });
    const limit = app({ type: 'httpServer' }).find((f) => f.key === 'rateLimit')!;
    const limitFields = fieldsOf(limit.schema, undefined, limit.path);
    expect(limitFields.map((f) => f.key)).toEqual(['rate', 'burst', 'key', 'status', 'retryAfter']);
    const status = limitFields.find((f) => f.key === 'status')!;
    expect(status).toMatchObject({ kind: 'choice', options: ['503', '429'] });
    expect(status.help).toMatch(/^Status of a refused request/);
    expect(readInput(status, '429')).toEqual({ ok: true, value: 429 });
    const key = limitFields.find((f) => f.key === 'key')!;
    expect(readInput(key, 'all')).toEqual({ ok: true, value: 'all' });
    const service = app({ type: 'service' }).find((f) => f.key === 'rateLimit');
    expect(service?.kind).toBe('group');
  });
});

describe('hints from the format’s patterns', () => {
  const root = scenarioJsonSchema() as JsonSchema;
  const node = ((root.properties as Record<string, JsonSchema>).nodes!.items ?? {}) as JsonSchema;

  it('names addresses, prefixes and rates as a learner types them', () => {
    const fields = fieldsOf(node, { id: 'n', role: 'client' }, ['nodes', 0]);
    expect(fields.find((f) => f.key === 'gateway')?.hint).toBe('an IPv4 address, like 10.0.0.1');
    const interfaces = fields.find((f) => f.key === 'interfaces')!;
    const address = fieldsOf(interfaces.schema.items as JsonSchema, {}, []).find(
      (f) => f.key === 'address',
    )!;
    expect(address.hint).toBe('an address and prefix, like 10.0.0.2/24');
    // An interface's own MAC: six hex pairs with colons, its help in the page's language.
    const [mac, macDe] = ['en', 'de'].map((language) =>
      fieldsOf(interfaces.schema.items as JsonSchema, {}, [], language).find(
        (f) => f.key === 'mac',
      )!,
    );
    expect(mac?.hint).toBe('a MAC address, like 02:00:00:00:00:01');
    expect(readInput(mac!, '02:00:00:00:01')).toEqual({
      ok: false,
      message: 'expected a MAC address, like 02:00:00:00:00:01, found "02:00:00:00:01"',
    });
    expect(readInput(mac!, '02:00:00:00:00:01')).toMatchObject({ ok: true });
    expect(macDe?.hint).toBe('eine MAC-Adresse, etwa 02:00:00:00:00:01');
    expect(macDe?.help).toMatch(/^Die MAC-Adresse einer Schnittstelle mit Adresse/);
    expect(readInput(address, '10.0.0.300/24')).toEqual({
      ok: false,
      message: 'expected an address and prefix, like 10.0.0.2/24, found "10.0.0.300/24"',
    });
    const links = ((root.properties as Record<string, JsonSchema>).links!.items ??
      {}) as JsonSchema;
    const bandwidth = fieldsOf(links, {}, []).find((f) => f.key === 'bandwidth')!;
    expect(bandwidth.hint).toBe('a rate, like 10Mbps or 512kbps');
  });
});

describe('documentForSaving', () => {
  it('puts the schema the page serves first, and keeps the rest', () => {
    const text =
      '{"format":"handshake/scenario@1","$schema":"../public/scenario.schema.json","name":"x"}';
    expect(documentForSaving(text, 'https://example.org/scenario.schema.json')).toBe(
      '{\n  "$schema": "https://example.org/scenario.schema.json",\n  "format": "handshake/scenario@1",\n  "name": "x"\n}\n',
    );
  });
});
