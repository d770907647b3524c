// Scenario pieces for FTP: a server (files, user accounts) and a client that logs in and runs a
// script of commands, each LIST/RETR/STOR over its own passive data connection.

import {
  array,
  duration,
  literal,
  number,
  object,
  oneOf,
  string,
  type Infer,
  type Schema,
} from '../../sim/schema/schema.ts';
import { port, serverName } from '../../sim/scenario/commonSchemas.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { ftpCheckPhrases } from './ftpCheckPhrases.ts';

const path = (description: string) =>
  string({
    pattern: /^[^\r\n]{1,255}$/,
    patternText: 'a path of 1 to 255 characters without line breaks',
    description,
  });
const size = number({
  integer: true,
  min: 0,
  max: 100_000_000,
  description: 'Size in bytes (filler text).',
});
const text = string({ maxLength: 100_000, description: 'The exact contents.' });

/** `schema`, and a file needs `size` or `text`, not both. */
function sizeOrText<T extends { size?: number; text?: string }>(schema: Schema<T>): Schema<T> {
  return {
    parse(value, at, issues) {
      const parsed = schema.parse(value, at, issues);
      if (parsed === undefined) return undefined;
      if ((parsed.size === undefined) === (parsed.text === undefined)) {
        const got = parsed.size === undefined ? 'check.fileNeither' : 'check.fileBoth';
        issues.push(phrased(at, bookPhrase(ftpCheckPhrases, got)));
        return undefined;
      }
      return parsed;
    },
    jsonSchema: () => ({ ...schema.jsonSchema(), oneOf: SIZE_OR_TEXT }),
  };
}

/** JSON Schema: exactly one of `size` and `text`. */
const SIZE_OR_TEXT = [{ required: ['size'] }, { required: ['text'] }];

/** What a file or STOR step has of `size` and `text`, said in a message. */
const fileSchema = sizeOrText(
  object({ name: path('Path, e.g. "notes.txt" or "pub/readme.txt".') }, { size, text }, 'A file.'),
);

const userSchema = object({
  user: string({ maxLength: 64 }),
  password: string({ maxLength: 128 }),
});

export const ftpServerApp = object(
  { type: literal('ftpServer') },
  {
    port: port('Control port (default 21).'),
    files: array(fileSchema, { maxItems: 10_000 }),
    users: array(userSchema, { maxItems: 1000 }),
  },
  'An FTP server (RFC 959): login, PWD, CWD, TYPE, PASV, LIST, RETR, STOR, QUIT.',
);

const stepFields = object(
  {
    cmd: oneOf(
      ['LIST', 'RETR', 'STOR', 'PWD', 'CWD', 'TYPE', 'NOOP', 'SYST'] as const,
      'The command.',
    ),
  },
  {
    file: path('The file of RETR/STOR, the directory of LIST/CWD.'),
    arg: string({ pattern: /^[^\r\n]{0,255}$/, patternText: 'an argument without line breaks' }),
    size,
    text,
  },
  'One command of the script.',
);

/** The commands that need a `file`. */
const NEEDS_FILE: readonly string[] = ['RETR', 'STOR', 'CWD'];

/** A step, with the argument its command needs: RETR, STOR and CWD a `file`, STOR `size` or `text`. */
const stepSchema: Schema<Infer<typeof stepFields>> = {
  parse(value, at, issues) {
    const step = stepFields.parse(value, at, issues);
    if (step === undefined) return undefined;
    if (NEEDS_FILE.includes(step.cmd) && !step.file) {
      issues.push(
        phrased(`${at}.file`, bookPhrase(ftpCheckPhrases, 'check.needsFile', { cmd: step.cmd })),
      );
      return undefined;
    }
    if (step.cmd === 'STOR' && (step.size === undefined) === (step.text === undefined)) {
      const got = step.size === undefined ? 'check.storNeither' : 'check.storBoth';
      issues.push(phrased(at, bookPhrase(ftpCheckPhrases, got)));
      return undefined;
    }
    return step;
  },
  jsonSchema: () => ({
    ...stepFields.jsonSchema(),
    allOf: [
      {
        if: { properties: { cmd: { enum: NEEDS_FILE } } },
        then: { required: ['file'] },
      },
      { if: { properties: { cmd: { const: 'STOR' } } }, then: { oneOf: SIZE_OR_TEXT } },
    ],
  }),
};

export const ftpClientApp = object(
  { type: literal('ftpClient'), server: serverName },
  {
    port: port('Server control port (default 21).'),
    user: string({ maxLength: 64, description: 'Login name (default "anonymous").' }),
    password: string({ maxLength: 128, description: 'Password (default "guest").' }),
    script: array(stepSchema, { maxItems: 1000 }),
    start: duration({ description: 'When to connect (default 0s).' }),
  },
  'An FTP client: connects, logs in, runs its script, then QUIT.',
);

export type FtpServerApp = Infer<typeof ftpServerApp>;
export type FtpClientApp = Infer<typeof ftpClientApp>;
