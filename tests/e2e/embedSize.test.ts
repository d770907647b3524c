// The embed's budget as a guard: the element a course page downloads before it runs (the module
// and every chunk it imports statically, gzipped as a server sends them) stays within 150 KB, as
// `npm run bench -- embed` prints it. A size is the same on every machine, so this is a test, not
// a benchmark; the panels, kinds and lessons it loads later are not counted.
import { describe, expect, inject, it } from 'vitest';
import { EMBED_BUDGET_KB } from '../../bench/embedBench.ts';
import { gzippedBytes, staticClosure } from '../../bench/bundleSize.ts';

const buildDir = inject('buildDir');

describe('the embed’s size', () => {
  it('keeps the element within its budget, in one chunk beside its module', () => {
    const files = staticClosure(buildDir, 'handshake-sim.js');
    expect(files).toHaveLength(2);
    expect(files[1]).toMatch(/^assets\/element-[\w-]+\.js$/);
    expect(gzippedBytes(buildDir, files) / 1024).toBeLessThanOrEqual(EMBED_BUDGET_KB);
  });
});
