// The encapsulation quiz on packets written byte by byte from the RFCs (not made by the simulator):
// the right answers must be the header's values as RFC 791 / RFC 9293 / RFC 768 / RFC 792 lay them
// out and IANA numbers them, whatever the distractors.
import { describe, expect, it } from 'vitest';
import { decodePacket } from '../../net/wire/packetCodec.ts';
import { decodeApp } from '../dissect/appMessage.ts';
import { dissectBytes } from '../dissect/packetFields.ts';
import { encapsulationQuiz, flagsText, type QuizLayer } from './encapsulationQuiz.ts';
import {
  answerQuestion,
  canReveal,
  quizDone,
  quizScore,
  revealNext,
  revealText,
  startQuiz,
} from './quizProgress.ts';

const hex = (text: string) =>
  Uint8Array.from((text.replace(/\s+/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)));

/**
 * IPv4 (RFC 791): version 4, IHL 5; total length 40; DF; TTL 63; protocol 6 (TCP);
 * 10.0.0.1 -> 10.0.1.2. TCP (RFC 9293): 49152 -> 80, seq 1, ack 0, data offset 5,
 * flags 0x02 (SYN), window 65535. Checksums left zero (the quiz does not ask them).
 */
const SYN = hex(`
  45 00 00 28 00 00 40 00 3f 06 00 00 0a 00 00 01 0a 00 01 02
  c0 00 00 50 00 00 00 01 00 00 00 00 50 02 ff ff 00 00 00 00`);

/** The same connection's SYN+ACK back: 80 -> 49152, flags 0x12 (SYN, ACK), TTL 64. */
const SYN_ACK = hex(`
  45 00 00 28 00 00 40 00 40 06 00 00 0a 00 01 02 0a 00 00 01
  00 50 c0 00 00 00 00 09 00 00 00 02 50 12 ff ff 00 00 00 00`);

/**
 * A DNS query (RFC 1035) for www.example.com, type A, over UDP (RFC 768; IP protocol 17):
 * 10.0.0.1:49153 -> 10.0.0.53:53, UDP length 8 + 33.
 */
const DNS_QUERY = hex(`
  45 00 00 3d 00 00 00 00 40 11 00 00 0a 00 00 01 0a 00 00 35
  c0 01 00 35 00 29 00 00
  12 34 01 00 00 01 00 00 00 00 00 00
  03 77 77 77 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01`);

/** An ICMP echo request (RFC 792: type 8, code 0), IP protocol 1, 4 bytes of data. */
const PING = hex(`
  45 00 00 20 00 00 00 00 40 01 00 00 0a 00 00 01 0a 00 00 02
  08 00 00 00 00 07 00 01 61 62 63 64`);

function quizOf(bytes: Uint8Array, context = {}): QuizLayer[] {
  const decoded = decodePacket(bytes, 1);
  if (!decoded.ok) throw new Error(decoded.error);
  return encapsulationQuiz(dissectBytes(bytes), { app: decodeApp(decoded.packet), ...context });
}

/** The right choice of the question about `field`. */
function answer(layers: QuizLayer[], field: string): string | undefined {
  for (const layer of layers) {
    const q = layer.questions.find((x) => x.field === field);
    if (q) return q.choices[q.answer];
  }
  return undefined;
}

describe('the encapsulation quiz', () => {
  it('asks a TCP SYN layer by layer, the answers being its header fields', () => {
    const layers = quizOf(SYN, { previousTtl: 64, forwarder: 'r1' });
    expect(layers.map((l) => l.id)).toEqual(['ip', 'tcp']);
    // Protocol 6 is TCP (RFC 790, IANA's registry); 17 UDP, 1 ICMP are the distractors.
    expect(answer(layers, 'ip.protocol')).toBe('6 (TCP)');
    expect(layers[0]?.questions[0]?.choices).toEqual(['1 (ICMP)', '6 (TCP)', '17 (UDP)']);
    expect(answer(layers, 'ip.src')).toBe('10.0.0.1');
    expect(answer(layers, 'ip.dst')).toBe('10.0.1.2');
    // A router lowered 64 to 63 (RFC 791's time to live).
    expect(answer(layers, 'ip.ttl')).toBe('63');
    expect(layers[0]?.questions.find((q) => q.field === 'ip.ttl')?.explain).toContain(
      '64 became 63',
    );
    expect(answer(layers, 'tcp.srcPort')).toBe('49152');
    expect(answer(layers, 'tcp.dstPort')).toBe('80 (HTTP)');
    expect(answer(layers, 'tcp.flags')).toBe('SYN');
  });

  it('tells a SYN+ACK by its flags byte 0x12 and its ports turned round', () => {
    const layers = quizOf(SYN_ACK);
    expect(answer(layers, 'tcp.flags')).toBe('SYN + ACK');
    expect(answer(layers, 'tcp.srcPort')).toBe('80 (HTTP)');
    expect(answer(layers, 'tcp.dstPort')).toBe('49152');
    // No hop before: no TTL question.
    expect(answer(layers, 'ip.ttl')).toBeUndefined();
  });

  it('names the flag bits as RFC 9293 section 3.1 places them', () => {
    expect(flagsText(0x01)).toBe('FIN');
    expect(flagsText(0x02)).toBe('SYN');
    expect(flagsText(0x04)).toBe('RST');
    expect(flagsText(0x18)).toBe('PSH + ACK');
    expect(flagsText(0x11)).toBe('FIN + ACK');
    expect(flagsText(0xc0)).toBe('ECE + CWR');
    expect(flagsText(0)).toBe('none');
  });

  it('asks a DNS query over UDP down to the application', () => {
    const layers = quizOf(DNS_QUERY, { addresses: [0x0a000001, 0x0a000035, 0x0a000002] });
    expect(layers.map((l) => l.id)).toEqual(['ip', 'udp', 'app']);
    expect(answer(layers, 'ip.protocol')).toBe('17 (UDP)');
    expect(answer(layers, 'udp.dstPort')).toBe('53 (DNS)');
    expect(answer(layers, 'udp.srcPort')).toBe('49153');
    expect(answer(layers, 'app.protocol')).toBe('DNS');
    expect(answer(layers, 'app.kind')).toBe('query');
    // The other end is always a distractor of an address question; then the lowest other one.
    const dst = layers[0]?.questions.find((q) => q.field === 'ip.dst');
    expect(dst?.choices).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.53']);
    // Until revealed, a layer's role does not give the answer away.
    expect(layers[1]?.role).not.toMatch(/UDP/);
    expect(layers[2]?.name).toBe('Application: DNS');
  });

  it('asks the ICMP type of an echo request (RFC 792: 8)', () => {
    const layers = quizOf(PING);
    expect(answer(layers, 'ip.protocol')).toBe('1 (ICMP)');
    expect(answer(layers, 'icmp.type')).toBe('8 (echo request)');
  });

  it('is the same quiz every time for the same packet', () => {
    expect(quizOf(DNS_QUERY)).toEqual(quizOf(DNS_QUERY));
  });

  it('reveals a layer only once its questions are answered, and marks each answer', () => {
    const layers = quizOf(SYN);
    let p = startQuiz(layers);
    expect(canReveal(p, layers)).toBe(false);
    const ip = layers[0] as QuizLayer;
    ip.questions.forEach((q, i) => {
      // The protocol wrong (ICMP), the rest right.
      p = answerQuestion(p, layers, i, q.field === 'ip.protocol' ? 0 : q.answer);
    });
    expect(canReveal(p, layers)).toBe(true);
    p = revealNext(p, layers);
    expect(p.revealed).toBe(1);
    expect(revealText(p, layers, 0)).toContain('Not quite: 6 (TCP), not 1 (ICMP).');
    expect(revealNext(p, layers)).toBe(p);
    // A later answer cannot change a revealed layer.
    expect(answerQuestion(p, layers, 0, 1).answers[0]).toEqual(p.answers[0]);
    (layers[1] as QuizLayer).questions.forEach((q, i) => {
      p = answerQuestion(p, layers, i, q.answer);
    });
    p = revealNext(p, layers);
    expect(quizDone(p, layers)).toBe(true);
    expect(quizScore(p, layers)).toEqual({ right: 5, asked: 6 });
    expect(revealText(p, layers, 1)).toContain('5 of 6 predictions right');
    // In the words given (the page's language): the same facts, none of the English.
    const words = {
      revealed: (name: string) => `<${name}>`,
      right: (answer: string) => `+${answer}`,
      notQuite: (answer: string, said: string | null) => `-${answer}/${said}`,
      allShown: (right: number, asked: number) => `${right}/${asked}`,
    };
    expect(revealText(p, layers, 0, words)).toMatch(/^<IPv4> -6 \(TCP\)\/1 \(ICMP\) \+/);
    expect(revealText(p, layers, 1, words)).toMatch(/^<TCP> \+.* 5\/6$/);
  });
});
