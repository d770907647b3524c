// The one-way layer rule, the rule that a viz topic is imported only through its index.ts, and the
// core's ban on the DOM, real time and unseeded randomness are lint errors (docs/architecture.md).
// These tests lint small snippets as if they lived in a layer.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rule', () => {
  it.each([
    ['src/engine/x.ts', "import { a } from '../net/a.ts';"],
    ['src/engine/x.ts', "import { a } from '../sim/a.ts';"],
    ['src/net/x.ts', "import { a } from '../machines/a.ts';"],
    ['src/machines/x.ts', "import { a } from '../sim/index.ts';"],
    ['src/sim/x.ts', "import { a } from '../viz/a.ts';"],
    ['src/sim/x.ts', "import { a } from '../ui/App.svelte';"],
    ['src/viz/x.ts', "import { a } from '../ui/a.ts';"],
    ['src/cli/x.ts', "import { a } from '../ui/a.ts';"],
    ['src/net/x.ts', "import { select } from 'd3-selection';"],
    ['src/sim/x.ts', "import { mount } from 'svelte';"],
    // The service worker is bundled on its own: it imports no other layer, and none but the
    // pages (ui, embed) import it.
    ['src/offline/x.ts', "import { a } from '../engine/index.ts';"],
    ['src/offline/x.ts', "import { a } from '../ui/a.ts';"],
    ['src/viz/x.ts', "import { a } from '../offline/registerOffline.ts';"],
  ])('%s may not %s', async (file, code) => {
    expect((await problems(file, `${code}\nexport const b = a;`)).join('\n')).toMatch(
      /no-restricted-imports/,
    );
  });

  it.each([
    ['src/net/x.ts', "import { Simulator } from '../engine/simulator.ts';"],
    ['src/sim/x.ts', "import { Simulator } from '../engine/index.ts';"],
    ['src/ui/x.ts', "import { Simulator } from '../engine/index.ts';"],
    ['src/cli/x.ts', "import { Simulator } from '../engine/index.ts';"],
    ['src/viz/x.ts', "import { select } from 'd3-selection';"],
    // Narration and names are view logic below the UI: lessons and the CLI may use them.
    ['src/lessons/x.ts', "import { narrate } from '../viz/log/index.ts';"],
    ['src/cli/x.ts', "import { narrate } from '../viz/log/index.ts';"],
    ['src/ui/x.ts', "import { registerOffline } from '../offline/registerOffline.ts';"],
    ['src/embed/x.ts', "import { registerOffline } from '../offline/registerOffline.ts';"],
  ])('%s may %s', async (file, code) => {
    const name = /import \{ (\w+) \}/.exec(code)?.[1];
    expect(await problems(file, `${code}\nexport const b = ${name};`)).toEqual([]);
  });
});

describe("a kind's files take their layer from their names", () => {
  it.each([
    // A machine (or protocol code) is below the kind's schema, build and figures...
    ['src/kinds/k/kMachine.ts', "import { a } from './kKind.ts';"],
    ['src/kinds/k/kProtocol.ts', "import { a } from './kSchemas.ts';"],
    ['src/kinds/k/kMachine.ts', "import { a } from '../../sim/index.ts';"],
    // ...which never see its views...
    ['src/kinds/k/kKind.ts', "import { a } from './kView.ts';"],
    ['src/kinds/k/kRole.ts', "import { a } from '../other/otherViews.ts';"],
    ['src/kinds/k/kKind.ts', "import { a } from '../../viz/log/index.ts';"],
    // ...nor Svelte, and the layers below every kind never import one.
    ['src/kinds/k/kView.ts', "import a from './KSection.svelte';"],
    ['src/machines/x.ts', "import { a } from '../kinds/k/kMachine.ts';"],
    ['src/net/x.ts', "import { a } from '../kinds/k/kTrace.ts';"],
    ['src/sim/x.ts', "import { a } from '../kinds/k/kView.ts';"],
  ])('%s may not %s', async (file, code) => {
    expect((await problems(file, `${code}\nexport const b = a;`)).join('\n')).toMatch(
      /no-restricted-imports/,
    );
  });

  it.each([
    ['src/kinds/k/kKind.ts', "import { a } from './kMachine.ts';"],
    ['src/kinds/k/kKind.ts', "import { a } from '../../sim/schema/schema.ts';"],
    ['src/kinds/k/kView.ts', "import { a } from './kKind.ts';"],
    ['src/kinds/k/kView.ts', "import { a } from '../../viz/log/sentenceParts.ts';"],
    ['src/sim/kinds/x.ts', "import { a } from '../../kinds/k/kKind.ts';"],
    ['src/viz/kinds/x.ts', "import { a } from '../../kinds/k/kView.ts';"],
  ])('%s may %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport const b = a;`)).toEqual([]);
  });

  it('keeps the kinds core free of the DOM and unseeded randomness', async () => {
    expect(
      (await problems('src/kinds/k/kKind.ts', 'export const b = Math.random();')).join(),
    ).toMatch(/no-restricted-properties/);
  });
});

describe('viz topics are reached through their index', () => {
  it.each([
    ['src/ui/x.ts', "import { a } from '../viz/log/narrate.ts';"],
    ['src/ui/inspectors/x.ts', "import { a } from '../../viz/packet/packetFields.ts';"],
    ['src/ui/charts/x.ts', "import type { a } from '../../viz/trace/traceIndex.ts';"],
    ['src/embed/x.ts', "import { a } from '../viz/names/networkNames.ts';"],
    ['tests/e2e/x.ts', "import { a } from '../../src/viz/log/narrate.ts';"],
    ['bench/pages/x.ts', "import { a } from '../../src/viz/motion/packetDraw.ts';"],
  ])('%s may not %s', async (file, code) => {
    expect((await problems(file, `${code}\nexport const b = a;`)).join('\n')).toMatch(
      /no-restricted-imports: .*through its index\.ts/,
    );
  });

  it.each([
    ['src/ui/x.ts', "import { a } from '../viz/log/index.ts';"],
    ['src/ui/inspectors/x.ts', "import { a } from '../../viz/packet/index.ts';"],
    ['tests/e2e/x.ts', "import { a } from '../../src/viz/log/index.ts';"],
    ['src/viz/log/x.ts', "import { a } from './narrate.ts';"],
    ['src/viz/charts/x.ts', "import { a } from '../log/narrate.ts';"],
  ])('%s may %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport const b = a;`)).toEqual([]);
  });
});

describe('core purity', () => {
  it.each([
    ['Math.random()', /no-restricted-properties/],
    ['Date.now()', /no-restricted-properties/],
    ['setTimeout(() => {}, 1)', /no-restricted-globals/],
    ['document.title', /no-restricted-globals/],
  ])('src/engine may not use %s', async (expr, rule) => {
    expect((await problems('src/engine/x.ts', `export const v = ${expr};`)).join('\n')).toMatch(
      rule,
    );
  });

  it('lets the view use the DOM', async () => {
    expect(await problems('src/ui/x.ts', 'export const v = document.title;')).toEqual([]);
  });
});
