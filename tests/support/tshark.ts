// Test support: running Debian's tshark on our captures, reading its fields, and asserting that
// it found nothing malformed, no bad checksum and no expert warning or error.
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';

export const INSTALL_TSHARK = 'DEBIAN_FRONTEND=noninteractive apt-get install -y tshark';
let tsharkChecked = false;

/** Runs tshark and returns its standard output; fails (never skips) when tshark is missing. */
export function tshark(args: string[]): string {
  if (!tsharkChecked) {
    try {
      execFileSync('tshark', ['--version'], { stdio: 'pipe' });
    } catch {
      throw new Error(
        `tshark is not installed, and these tests check our pcaps against it. Run: ${INSTALL_TSHARK}`,
      );
    }
    tsharkChecked = true;
  }
  const options = { encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 << 20 } as const;
  return execFileSync('tshark', args, options);
}

/** Checksum validation is off by default in Wireshark; these preferences turn it on. */
export const VALIDATE = ['ip', 'tcp', 'udp'].flatMap((p) => ['-o', `${p}.check_checksum:TRUE`]);

/** One row per frame: each field's values, comma-joined when it occurs more than once. */
export function fields(file: string, names: string, filter?: string): Record<string, string>[] {
  const list = names.split(/\s+/);
  const format = ['-T', 'fields', '-E', 'occurrence=a', '-E', 'aggregator=,'];
  const only = filter === undefined ? [] : ['-Y', filter];
  const out = tshark([
    '-r',
    file,
    ...VALIDATE,
    ...only,
    ...format,
    ...list.flatMap((n) => ['-e', n]),
  ]);
  return out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const values = line.split('\t');
      return Object.fromEntries(list.map((name, i) => [name, values[i] ?? '']));
    });
}

/** Severities from epan/proto.h: PI_CHAT 0x00200000, PI_NOTE 0x00400000, PI_WARN 0x00600000. */
export const PI_WARN = 0x00600000;

/** Asserts tshark found nothing malformed, no bad checksum, and no expert warning or error. */
export function expectClean(file: string): void {
  expect(tshark(['-r', file, ...VALIDATE, '-Y', '_ws.malformed'])).toBe('');
  expect(tshark(['-r', file, ...VALIDATE, '-q', '-z', 'expert'])).not.toMatch(
    /^(Errors|Warns) \(/m,
  );
  for (const row of fields(file, '_ws.expert.severity')) {
    for (const severity of (row['_ws.expert.severity'] ?? '').split(',').filter(Boolean)) {
      expect(Number(severity)).toBeLessThan(PI_WARN);
    }
  }
  const verbose = tshark(['-r', file, ...VALIDATE, '-V']);
  expect(verbose).not.toMatch(/Malformed Packet|[Ss]tatus: Bad\]/);
}
