// End-to-end, in Debian's Chromium: the built app serves the published JSON Schema of the
// scenario format at /scenario.schema.json (from public/), and opens a scenario file whether it
// names that schema with "$schema" or not; a "$schema" that is not a string is listed as a problem.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './reference.ts';
import { appSession, file, text } from './appSession.ts';

const session = appSession();

describe('the scenario document in the page', () => {
  it('serves the published schema beside the page', async () => {
    const page = await session.openApp();
    const served = await page.evaluate(async () => {
      const response = await fetch(new URL('scenario.schema.json', document.baseURI));
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: await response.text(),
      };
    });
    expect(served.status).toBe(200);
    expect(served.type).toMatch(/^application\/json/);
    expect(served.body).toBe(readFileSync(join(ROOT, 'public/scenario.schema.json'), 'utf8'));
  });

  it('opens a file with "$schema" and one without, and refuses a "$schema" that is not text', async () => {
    const page = await session.openApp();
    const source = readFileSync(join(ROOT, 'simulations/two-subnets.json'), 'utf8');
    expect(source).toContain('"$schema": "../public/scenario.schema.json"');
    const doc = JSON.parse(source) as Record<string, unknown>;
    const input = page.getByLabel('Open a scenario file (JSON)');

    await input.setInputFiles(file('with.json', source));
    await page.getByText('from with.json').waitFor();
    expect(await text(page, 'scenario-name')).toBe(doc.name);

    const bare = { ...doc };
    delete bare.$schema;
    await input.setInputFiles(file('bare.json', JSON.stringify({ ...bare, name: 'Bare' })));
    await page.getByText('from bare.json').waitFor();
    expect(await text(page, 'scenario-name')).toBe('Bare');

    await input.setInputFiles(file('bad.json', JSON.stringify({ ...doc, $schema: 1 })));
    const problems = page.getByTestId('load-problems');
    await problems.filter({ hasText: 'bad.json' }).waitFor();
    expect(((await problems.textContent()) ?? '').replace(/\s+/g, ' ')).toContain(
      '$.$schema expected a string, got a number (1)',
    );
    expect(await text(page, 'scenario-name')).toBe('Bare');
    expect(session.errors).toEqual([]);
  });
});
