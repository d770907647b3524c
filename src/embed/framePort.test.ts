// The iframe entry's postMessage rules (framePort.ts): who may drive the embed, and what a
// command must hold. The whole exchange runs in Chromium in tests/e2e/embedFrame.test.ts.
import { describe, expect, it } from 'vitest';
import { allowedOrigins, commandProblem } from './framePort.ts';

describe('the iframe port', () => {
  it('allows the listed origins, else only the page that framed it', () => {
    const none = new URLSearchParams();
    expect(allowedOrigins(none, ['https://course.example.edu'], '')).toEqual([
      'https://course.example.edu',
    ]);
    expect(allowedOrigins(none, [], 'https://lms.example.org/week/3?x=1')).toEqual([
      'https://lms.example.org',
    ]);
    // No way to know the framing page: no one may drive it.
    expect(allowedOrigins(none, [], '')).toEqual([]);
    expect(allowedOrigins(none, ['null'], '')).toEqual([]);
    const listed = new URLSearchParams('origin=https://a.example,https://b.example:8443&origin=*');
    // "*" and anything else that is not an origin is ignored, never a wildcard.
    expect(allowedOrigins(listed, ['https://evil.example'], '')).toEqual([
      'https://a.example',
      'https://b.example:8443',
    ]);
  });

  it('says what is wrong with a command', () => {
    expect(commandProblem({ handshake: 'play' })).toBeNull();
    expect(commandProblem({ handshake: 'seek', t: '2ms' })).toBeNull();
    expect(commandProblem({ handshake: 'seek' })).toContain('seek needs t');
    expect(commandProblem({ handshake: 'load' })).toContain('load needs doc');
    expect(commandProblem({ handshake: 'eval', code: 'x' })).toBe(
      '"eval" is not a command: play, pause, seek or load',
    );
    expect(commandProblem('play')).toBe('a command is an object');
  });
});
