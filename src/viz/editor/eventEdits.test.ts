// The editor's timed events: exact document times, adding and removing one undone exactly, and a
// form's text refused with the field named (their words and order: src/viz/trace/timedEvents.test.ts).
import { describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from '../../sim/index.ts';
import { networkNames } from '../names/index.ts';
import {
  actionFromForm,
  AddEvent,
  documentTime,
  linkEvent,
  RemoveEvent,
  type ActionForm,
  type Json,
} from './index.ts';
import { timedEventsDocument as doc } from '../../../tests/support/timedEventsDocument.ts';

function scenario(value: unknown): Scenario {
  const result = validateScenario(value);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

const form = (more: Partial<ActionForm>): ActionForm => ({
  at: '2s',
  node: 'pc',
  target: 'web',
  path: '',
  count: '',
  bytes: '',
  ...more,
});

describe('an action in the names', () => {
  it('tells its records as those of the kind it runs as, on its own node only', () => {
    const s = scenario(doc);
    const names = networkNames(s.nodes, s.events);
    expect(names.appType('pc', 'action2')).toBe('httpClient'); // the fetch, events[1]
    expect(names.appType('pc', 'action4')).toBe('bulkSend'); // the transfer, events[3]
    expect(names.appType('pc', 'action3')).toBeUndefined(); // a ping: packets only
    expect(names.appType('web', 'action2')).toBeUndefined();
    expect(networkNames(s.nodes).appType('pc', 'action2')).toBeUndefined();
  });
});

describe('documentTime', () => {
  it('writes a time exactly, as a document does', () => {
    expect(documentTime(0)).toBe('0s');
    expect(documentTime(2_000_000_000)).toBe('2s');
    expect(documentTime(1_500_000_000)).toBe('1.5s');
    expect(documentTime(2_000_000_001)).toBe('2.000000001s');
  });
});

describe('AddEvent and RemoveEvent', () => {
  it('append an event and take it out again, exactly', () => {
    const start = { ...doc, events: undefined } as unknown as Json;
    const add = new AddEvent(linkEvent('linkUp', 'lan', 4e9), 'link up');
    const added = add.apply(start);
    expect((added as { events: Json[] }).events).toEqual([
      { at: '4s', type: 'linkUp', link: 'lan' },
    ]);
    expect(add.revert(added)).toEqual(JSON.parse(JSON.stringify(start)));
    expect(add.label).toBe('Add link up');

    const remove = new RemoveEvent(1, 'fetch');
    const removed = remove.apply(doc as unknown as Json) as unknown as typeof doc;
    expect(removed.events.map((e) => e.type)).toEqual(['linkDown', 'ping', 'transfer']);
    expect(remove.revert(removed as unknown as Json)).toEqual(doc);
  });
});

describe('actionFromForm', () => {
  it('builds the event a form describes, valid for the document', () => {
    const fetch = actionFromForm('fetch', form({ at: '2.25s', path: '' }));
    expect(fetch).toEqual({
      ok: true,
      at: 2_250_000_000,
      event: { at: '2.25s', type: 'fetch', node: 'pc', server: 'web', path: '/index.html' },
    });
    const ping = actionFromForm('ping', form({ count: '2' }));
    const transfer = actionFromForm('transfer', form({ bytes: '64KiB' }));
    expect(transfer).toMatchObject({ ok: true, event: { bytes: 65536 } });
    const events = [fetch, ping, transfer].map((r) => (r.ok ? r.event : null));
    expect(() => scenario({ ...doc, events })).not.toThrow();
  });

  it('refuses what it cannot take, naming the field', () => {
    expect(actionFromForm('ping', form({ at: 'soon' }))).toMatchObject({
      ok: false,
      problem: { field: 'at', message: expect.stringMatching(/not a duration/) },
    });
    expect(actionFromForm('ping', form({ target: '' }))).toMatchObject({
      ok: false,
      problem: { field: 'target' },
    });
    expect(actionFromForm('ping', form({ target: 'pc' }))).toMatchObject({
      ok: false,
      problem: { field: 'target', message: 'pc cannot ping itself' },
    });
    expect(actionFromForm('ping', form({ count: '0' }))).toMatchObject({
      ok: false,
      problem: { field: 'count' },
    });
    expect(actionFromForm('fetch', form({ path: 'index.html' }))).toMatchObject({
      ok: false,
      problem: { field: 'path' },
    });
    expect(actionFromForm('transfer', form({ bytes: 'lots' }))).toMatchObject({
      ok: false,
      problem: { field: 'bytes', message: expect.stringMatching(/not a size/) },
    });
  });
});
