import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random.ts';
import { EPHEMERAL_FIRST, EPHEMERAL_LAST, PortTable } from './portTable.ts';

const COUNT = EPHEMERAL_LAST - EPHEMERAL_FIRST + 1; // 16,384 (RFC 6335's dynamic range)

function table(): PortTable<string> {
  return new PortTable<string>(new RandomStreams(1).stream('ports'));
}

describe('PortTable', () => {
  it('hands out every ephemeral port once, in order from a random start, then none', () => {
    const ports = table();
    const first = ports.bindEphemeral('c0') as number;
    const taken = [first];
    for (let i = 1; i < COUNT; i++) taken.push(ports.bindEphemeral(`c${i}`) as number);
    expect(new Set(taken).size).toBe(COUNT);
    expect(Math.min(...taken)).toBe(EPHEMERAL_FIRST);
    expect(Math.max(...taken)).toBe(EPHEMERAL_LAST);
    // Consecutive, wrapping from 65535 to 49152.
    taken.forEach((port, i) =>
      expect(port).toBe(EPHEMERAL_FIRST + ((first - EPHEMERAL_FIRST + i) % COUNT)),
    );
    expect(ports.bindEphemeral('one too many')).toBeUndefined();
  });

  it('gives back a freed port, counts explicit binds in the range, and frees only for the owner', () => {
    const ports = table();
    expect(ports.bind(50_000, 'server')).toBe(true);
    expect(ports.bind(50_000, 'other')).toBe(false);
    expect(ports.bind(80, 'web')).toBe(true);
    const clients: number[] = [];
    for (let i = 0; i < COUNT - 1; i++) clients.push(ports.bindEphemeral(`c${i}`) as number);
    expect(clients).not.toContain(50_000);
    expect(ports.bindEphemeral('full')).toBeUndefined();
    ports.release(clients[7] as number, 'not the owner');
    expect(ports.bindEphemeral('still full')).toBeUndefined();
    ports.release(80, 'web'); // outside the range: frees no ephemeral port
    expect(ports.bindEphemeral('still full')).toBeUndefined();
    ports.release(clients[7] as number, 'c7');
    expect(ports.bindEphemeral('late')).toBe(clients[7]);
    ports.release(50_000, 'server');
    expect(ports.bindEphemeral('later')).toBe(50_000);
  });
});
