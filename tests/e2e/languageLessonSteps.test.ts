// End-to-end, in Debian's Chromium with a German browser (de-DE): lesson 2's "be the router" step
// and its encapsulation step speak German, from the labels to the feedback built by the lessons
// layer (src/ui/machineWords.ts). The router (two-subnets.json): eth0 192.168.1.1/24, eth1
// 10.0.0.1/24, no default route; by hand 10.0.0.20 leaves by eth1, 192.168.1.10 by eth0, and
// no route holds 8.8.8.8. Switching to English redraws the step in English without a reload.
import { describe, expect, it } from 'vitest';
import { appSession } from './appSession.ts';

const session = appSession();

describe('lesson steps in German', () => {
  it('says the router step and the header quiz in German', { timeout: 120_000 }, async () => {
    const page = await session.openApp({ locale: 'de-DE', viewport: { width: 1366, height: 900 } });
    await page.goto(`${new URL(page.url()).origin}/?lesson=02-addresses-ports-sockets`);
    const panel = page.getByTestId('lesson-panel');
    const step = panel.getByTestId('lesson-step');
    const message = panel.getByTestId('lesson-message');
    await expect.poll(() => step.textContent()).toContain('Schritt 1 von');
    await panel.getByRole('button', { name: 'Verstanden' }).click();
    await panel.getByRole('button', { name: 'Bis zu diesem Moment abspielen' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Weiter' }).isEnabled()).toBe(true);
    await panel.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => step.textContent()).toContain('Sei der Router');

    const machine = panel.getByTestId('machine-step');
    expect(await machine.getByText('Routing-Tabelle', { exact: true }).count()).toBe(1);
    expect(await machine.getByTestId('machine-situation').textContent()).toBe(
      'Ein Paket für 10.0.0.20 kommt an.',
    );
    const choices = machine.getByRole('group', {
      name: 'Über welche Schnittstelle geht es hinaus?',
    });
    expect(await choices.getByRole('button').allTextContents()).toEqual([
      'eth0',
      'eth1',
      'Verwerfen (keine Route)',
    ]);
    // A wrong pick: the rule in German, naming the right interface.
    await choices.getByRole('button', { name: 'eth0' }).click();
    await expect
      .poll(() => message.textContent())
      .toBe(
        'Nicht eth0. Längste Präfix-Übereinstimmung: Nur 10.0.0.0/24 enthält 10.0.0.20, also verlässt das Paket den Router über eth1. Versuch es noch einmal.',
      );
    await choices.getByRole('button', { name: 'eth1' }).click();
    await expect.poll(() => message.textContent()).toMatch(/^Richtig: eth1\./);
    const taken = machine.getByRole('list', { name: 'Bisherige Entscheidungen' });
    expect(await taken.textContent()).toContain('Hinaus über eth1.');
    expect(await taken.textContent()).toContain('(zuerst 1 Fehlversuch)');
    await choices.getByRole('button', { name: 'eth0' }).click();
    await choices.getByRole('button', { name: 'Verwerfen (keine Route)' }).click();
    await expect
      .poll(() => message.textContent())
      .toMatch(/^Richtig: drop\. Kein Präfix .* Jedes Paket ist weitergeleitet\.$/);
    expect(await machine.getByTestId('machine-result').textContent()).toContain(
      '2 von 3 Entscheidungen beim ersten Versuch richtig.',
    );
    expect(await taken.textContent()).toContain('Verworfen.');

    // The encapsulation step: its button, the quiz's title, layers and reveal button in German.
    await panel.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => step.textContent()).toContain('Ein Blick in die Anfrage');
    await panel.getByRole('button', { name: 'Bis zum Paket abspielen' }).click();
    const quiz = panel.getByTestId('encapsulation-quiz');
    await quiz.waitFor();
    expect(await message.textContent()).toMatch(
      /^Hier ist Paket #\d+: Sag seine Header voraus, Schicht für Schicht\.$/,
    );
    expect(await quiz.getByRole('heading', { level: 3 }).textContent()).toBe('Header vorhersagen');
    expect(await quiz.locator('h4').first().textContent()).toBe('Schicht 1: Netzwerk-Header');
    expect(await quiz.getByText('Schicht 2: Transport-Header (verdeckt)').count()).toBe(1);
    // The questions are German too, each still starting with the field's name as Wireshark
    // shows it (src/viz/encapsulation/quizPhrases.de.ts: "Protocol: Was trägt das Paket …").
    await quiz
      .getByRole('group', { name: /^Protocol/ })
      .getByLabel('17 (UDP)')
      .check();
    await quiz
      .getByRole('group', { name: /^Source address/ })
      .getByLabel(/192\.168\.1\.10/)
      .check();
    await quiz
      .getByRole('group', { name: /^Destination address/ })
      .getByLabel(/10\.0\.0\.20/)
      .check();
    // Wrong on purpose: the TTL on the server's link is 63 (64 lowered by the router).
    await quiz
      .getByRole('group', { name: /^Time to live/ })
      .getByLabel(/^\s*64$/)
      .check();
    await quiz.getByRole('button', { name: 'Netzwerk-Header aufdecken' }).click();
    const said = quiz.getByTestId('quiz-said');
    await expect.poll(() => said.textContent()).toMatch(/^IPv4 aufgedeckt\. Richtig: 17 \(UDP\)\./);
    expect(await said.textContent()).toContain('Nicht ganz: 63, nicht 64.');
    expect(await quiz.getByText('Falsch.', { exact: true }).count()).toBe(1);

    // English at once, without a reload: the step's labels and the decisions taken.
    await page.getByLabel('Sprache').selectOption('en');
    await expect
      .poll(() => quiz.getByRole('heading', { level: 3 }).textContent())
      .toBe('Predict the headers');
    await panel.getByRole('button', { name: 'Back' }).click();
    await expect
      .poll(() => panel.getByRole('list', { name: 'Decisions taken' }).textContent())
      .toContain('Out of eth1.');
    expect(await panel.getByTestId('machine-result').textContent()).toContain(
      '2 of 3 picks right the first time.',
    );
    expect(session.errors).toEqual([]);
  });
});
