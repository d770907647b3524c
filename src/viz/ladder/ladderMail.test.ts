// The ladder names each SMTP and POP3 command and reply of simulations/email.json: between mail-a
// and mail-b the relayed transaction (RFC 5321: 220, EHLO, 250, MAIL, RCPT, DATA, 354, the
// message's text, 250, QUIT, 221), between Bob and mail-b the POP3 commands and +OK answers.
import { describe, expect, it } from 'vitest';
import { recordList } from '../../engine/traceRecords.ts';
import { runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { buildLadder } from './ladder.ts';

const { scenario, records } = runSimulationFile('email.json');

/** The named messages of the ladder between two nodes, in order, from the first node's side. */
function messages(a: string, b: string): string[] {
  const ladder = buildLadder(recordList(records), scenario.nodes, { kind: 'nodes', a, b });
  if ('error' in ladder) throw new Error(ladder.error);
  return ladder.arrows.flatMap((x) =>
    x.message === null ? [] : [`${x.from === 0 ? '>' : '<'} ${x.message}`],
  );
}

describe('the ladder of simulations/email.json', () => {
  it('names every SMTP command and reply of the relay, and the message text between them', () => {
    expect(messages('mail-a', 'mail-b')).toEqual([
      '< SMTP 220',
      '> SMTP EHLO mail.a.example',
      '< SMTP 250',
      '> SMTP MAIL FROM:<alice@a.example>',
      '< SMTP 250',
      '> SMTP RCPT TO:<bob@b.example>',
      '< SMTP 250',
      '> SMTP DATA',
      '< SMTP 354',
      expect.stringMatching(/^> SMTP message text, \d+ bytes$/),
      '< SMTP 250',
      '> SMTP QUIT',
      '< SMTP 221',
    ]);
  });

  it('names the POP3 commands and the +OK answers of Bob’s fetch', () => {
    const pop3 = messages('bob', 'mail-b');
    expect(pop3.slice(0, 4)).toEqual([
      '< POP3 +OK',
      '> POP3 USER bob',
      '< POP3 +OK',
      '> POP3 PASS builder',
    ]);
    expect(pop3).toContain('> POP3 RETR 1');
    expect(pop3).toContain('> POP3 DELE 1');
  });
});
