// The FTP schemas' "one of size and text" rules: the validator's message says what it found, and
// the JSON Schema for editors says the same rule (a file needs exactly one; STOR too; RETR, STOR
// and CWD need a file).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../sim/schema/schema.ts';
import { ftpClientApp, ftpServerApp } from './ftpSchemas.ts';

function issuesOf(schema: typeof ftpServerApp | typeof ftpClientApp, value: unknown) {
  const issues: ValidationIssue[] = [];
  schema.parse(value, '$', issues);
  return issues;
}

const ajv = new Ajv2020({ strict: true, strictRequired: false });
const serverJson = ajv.compile(ftpServerApp.jsonSchema());
const clientJson = ajv.compile(ftpClientApp.jsonSchema());

describe('ftp schemas', () => {
  it('refuses a file with both size and text, or neither, and says which', () => {
    const files = [{ name: 'a', size: 1, text: 'x' }, { name: 'b' }, { name: 'c', size: 3 }];
    expect(issuesOf(ftpServerApp, { type: 'ftpServer', files })).toEqual([
      { path: '$.files[0]', message: 'expected either "size" or "text", got both' },
      { path: '$.files[1]', message: 'expected either "size" or "text", got neither' },
    ]);
    for (const [i, ok] of [
      [0, false],
      [1, false],
      [2, true],
    ] as const) {
      expect(serverJson({ type: 'ftpServer', files: [files[i]] }), `files[${i}]`).toBe(ok);
    }
  });

  it('refuses a STOR step without exactly one of size and text, and RETR without a file', () => {
    const script = [
      { cmd: 'STOR', file: 'up.bin' },
      { cmd: 'RETR' },
      { cmd: 'STOR', file: 'up.bin', size: 10 },
      { cmd: 'PWD' },
    ];
    const client = { type: 'ftpClient', server: 'files', script };
    expect(issuesOf(ftpClientApp, client)).toEqual([
      { path: '$.script[0]', message: 'expected either "size" or "text" for STOR, got neither' },
      { path: '$.script[1].file', message: 'is required: RETR needs a file name' },
    ]);
    for (const [i, ok] of [
      [0, false],
      [1, false],
      [2, true],
      [3, true],
    ] as const) {
      expect(clientJson({ ...client, script: [script[i]] }), `script[${i}]`).toBe(ok);
    }
  });
});
