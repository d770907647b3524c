// The editor's failures at a moment: the events it writes for a crash, a restart, an interface
// down or up and a link change (each valid in the document, undone exactly), and a link change's
// form refused with the field named.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../sim/index.ts';
import { timedEventsDocument as doc } from '../../../tests/support/timedEventsDocument.ts';
import {
  AddEvent,
  interfaceEvent,
  linkChangeFromForm,
  nodeEvent,
  type Json,
  type LinkChangeForm,
} from './index.ts';

const form = (more: Partial<LinkChangeForm>): LinkChangeForm => ({
  at: '2s',
  bandwidth: '',
  latency: '',
  loss: '',
  ...more,
});

describe('failures at a moment in the editor', () => {
  it('writes events the document takes, added and undone exactly', () => {
    const change = linkChangeFromForm(
      'lan',
      form({ bandwidth: '2 Mbps', latency: '40ms', loss: '5%' }),
    );
    expect(change).toEqual({
      ok: true,
      at: 2e9,
      event: {
        at: '2s',
        type: 'linkChange',
        link: 'lan',
        bandwidth: '2Mbps',
        latency: '40ms',
        loss: 0.05,
      },
    });
    if (!change.ok) return;
    const events = [
      nodeEvent('nodeCrash', 'web', 2.5e9),
      nodeEvent('nodeRestart', 'web', 4e9),
      interfaceEvent('interfaceDown', 'pc', 'e', 1e9),
      interfaceEvent('interfaceUp', 'pc', 'e', 1.25e9),
      change.event,
    ];
    expect(events.slice(0, 3)).toEqual([
      { at: '2.5s', type: 'nodeCrash', node: 'web' },
      { at: '4s', type: 'nodeRestart', node: 'web' },
      { at: '1s', type: 'interfaceDown', node: 'pc', interface: 'e' },
    ]);
    let document = doc as unknown as Json;
    const commands = events.map((event) => new AddEvent(event, 'failure'));
    for (const command of commands) document = command.apply(document);
    const result = validateScenario(document);
    expect(result.ok).toBe(true);
    for (const command of [...commands].reverse()) document = command.revert(document);
    expect(document).toEqual(doc);
  });

  it('refuses what is not a time, a rate, a duration or a loss, naming the field', () => {
    const problem = (more: Partial<LinkChangeForm>) => {
      const read = linkChangeFromForm('lan', form(more));
      return read.ok ? null : read.problem;
    };
    expect(problem({ at: 'soon', latency: '1ms' })?.field).toBe('at');
    expect(problem({ bandwidth: 'fast' })?.field).toBe('bandwidth');
    expect(problem({ latency: '40' })?.field).toBe('latency');
    expect(problem({ loss: '1' })).toEqual({
      field: 'loss',
      message: '"1" is not a loss: give a fraction like 0.05, or 5%',
    });
    expect(problem({ loss: '120%' })?.field).toBe('loss');
    expect(problem({})).toEqual({
      field: 'bandwidth',
      message: 'give a new bandwidth, latency or loss (or several)',
    });
    expect(linkChangeFromForm('lan', form({ loss: '0' }))).toMatchObject({
      ok: true,
      event: { loss: 0 },
    });
  });
});
