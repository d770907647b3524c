import { describe, expect, it } from 'vitest';
import { ipv4Header, type Packet, type Transport } from '../wire/packet.ts';
import { mayTriggerIcmpError } from './icmpPolicy.ts';

function packet(transport: Transport, fields: Partial<Packet['ip']> = {}): Packet {
  return {
    id: 1,
    ip: ipv4Header({ src: 0x0a000001, dst: 0x0a000002, ...fields }),
    transport,
    payload: new Uint8Array(0),
  };
}

const UDP: Transport = { kind: 'udp', srcPort: 1, dstPort: 2 };

describe('mayTriggerIcmpError', () => {
  it('allows errors about ordinary datagrams and ICMP queries', () => {
    expect(mayTriggerIcmpError(packet(UDP))).toBe(true);
    const echo: Transport = { kind: 'icmp', message: 'echoRequest', identifier: 1, sequence: 1 };
    expect(mayTriggerIcmpError(packet(echo))).toBe(true);
  });

  it('forbids errors about ICMP errors, known or raw', () => {
    expect(mayTriggerIcmpError(packet({ kind: 'icmp', message: 'timeExceeded', code: 0 }))).toBe(
      false,
    );
    const unreachable: Transport = {
      kind: 'icmp',
      message: 'destinationUnreachable',
      code: 1,
      nextHopMtu: 0,
    };
    expect(mayTriggerIcmpError(packet(unreachable))).toBe(false);
    const redirect: Transport = {
      kind: 'icmp',
      message: 'other',
      type: 5,
      code: 0,
      restOfHeader: 0,
    };
    expect(mayTriggerIcmpError(packet(redirect))).toBe(false);
  });

  it('forbids errors about broadcasts, non-first fragments and non-unicast sources', () => {
    expect(mayTriggerIcmpError(packet(UDP, { dst: 0xffffffff }))).toBe(false);
    expect(mayTriggerIcmpError(packet(UDP, { fragmentOffset: 185 }))).toBe(false);
    expect(mayTriggerIcmpError(packet(UDP, { src: 0 }))).toBe(false);
    expect(mayTriggerIcmpError(packet(UDP, { src: 0xe0000001 }))).toBe(false); // 224.0.0.1
  });
});
