// The property panel's warnings of one node or link: prefixes that are whole path steps only.
import { describe, expect, it } from 'vitest';
import { pathInside, warningsUnder } from './warningsUnder.ts';

const warnings = [
  { path: '$.nodes[1]', message: 'n1 is not linked to any other node' },
  { path: '$.nodes[1].apps[0].server', message: 'no DNS server knows www.example.com' },
  { path: '$.nodes[10].gateway', message: 'no node has 10.0.0.1' },
  { path: '$.links[1]', message: 'a loop' },
];

describe('warningsUnder', () => {
  it('takes the part and what is inside it, not a longer index that starts the same', () => {
    expect(warningsUnder(warnings, ['nodes', 1]).map((w) => w.path)).toEqual([
      '$.nodes[1]',
      '$.nodes[1].apps[0].server',
    ]);
    expect(warningsUnder(warnings, ['nodes', 10]).map((w) => w.path)).toEqual([
      '$.nodes[10].gateway',
    ]);
    expect(warningsUnder(warnings, ['links', 1]).map((w) => w.message)).toEqual(['a loop']);
    expect(warningsUnder(warnings, ['nodes', 2])).toEqual([]);
  });

  it('gives the document root none: the scenario list shows them all', () => {
    expect(warningsUnder(warnings, [])).toEqual([]);
  });

  it('says where inside the part a warning points', () => {
    expect(pathInside('$.nodes[1].apps[0].server', ['nodes', 1])).toBe('apps[0].server');
    expect(pathInside('$.nodes[1]', ['nodes', 1])).toBe('');
  });
});
