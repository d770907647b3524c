// Reading an embed's attributes (embedOptions.ts): HTML's boolean attributes, the defaults, and a
// problem that names the attribute and what it takes for each value that cannot be used.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEIGHT, readEmbedOptions } from './embedOptions.ts';

const read = (attributes: Record<string, string>, controlsByDefault = false) =>
  readEmbedOptions((name) => attributes[name] ?? null, controlsByDefault);

describe('embed attributes', () => {
  it('defaults: the built-in example, both views, no controls, no autoplay, 480 px', () => {
    const { options, problems } = read({});
    expect(problems).toEqual([]);
    expect(options).toEqual({
      scenario: null,
      lesson: null,
      view: 'both',
      controls: false,
      autoplay: false,
      speed: null,
      seed: null,
      height: DEFAULT_HEIGHT,
      readonly: false,
    });
    // The iframe entry shows its controls unless told not to.
    expect(read({}, true).options.controls).toBe(true);
    expect(read({ controls: '0' }, true).options.controls).toBe(false);
  });

  it('reads sources, views, booleans as HTML does, speed, seed and height', () => {
    const { options, problems } = read({
      scenario: ' simulations/dns-lookup.json ',
      view: 'Ladder',
      controls: '',
      autoplay: 'autoplay',
      readonly: 'false',
      speed: '0.1',
      seed: '42',
      height: '600px',
    });
    expect(problems).toEqual([]);
    expect(options).toMatchObject({
      scenario: { kind: 'url', url: 'simulations/dns-lookup.json' },
      view: 'ladder',
      controls: true,
      autoplay: true,
      readonly: false,
      speed: 0.1,
      seed: 42,
      height: 600,
    });
    expect(read({ scenario: '#doc' }).options.scenario).toEqual({ kind: 'inline', id: 'doc' });
    expect(read({ speed: 'max' }).options.speed).toBe('max');
    // A lesson by its key, or a lesson file; a lesson shows the topology unless told otherwise.
    expect(read({ lesson: '01-clients-and-servers' }).options).toMatchObject({
      lesson: { kind: 'builtIn', key: '01-clients-and-servers' },
      view: 'topology',
    });
    expect(read({ lesson: 'lessons/mine.md' }).options.lesson).toEqual({
      kind: 'url',
      url: 'lessons/mine.md',
    });
  });

  it('names each attribute that cannot be used, with what it takes', () => {
    const { problems } = read({
      scenario: '  ',
      view: 'sideways',
      speed: '3',
      seed: '-1',
      height: '90',
    });
    expect(problems).toEqual([
      { where: 'scenario', message: expect.stringContaining('is empty') },
      { where: 'view', message: '"sideways" is not one of topology, ladder, both' },
      { where: 'speed', message: expect.stringMatching(/^"3" is not one of 0.001, .*, max$/) },
      { where: 'seed', message: '"-1" is not a whole number from 0 up' },
      { where: 'height', message: '"90" is not a height from 200 to 2000 pixels' },
    ]);
    // A long value is cut short in the message, so it cannot flood the box.
    const long = read({ view: 'x'.repeat(500) }).problems[0]?.message ?? '';
    expect(long.length).toBeLessThan(120);
  });
});
