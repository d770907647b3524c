import { describe, expect, it } from 'vitest';
import { RttSampler } from './rttSampler.ts';

describe('RttSampler', () => {
  it('samples the time from a send to the ACK that covers it', () => {
    const rtt = new RttSampler();
    rtt.sent(1000, 100, 0);
    rtt.sent(1100, 100, 10);
    expect(rtt.acked(1100, 50)).toBe(50); // 50 - 0
    expect(rtt.acked(1200, 70)).toBe(60); // 70 - 10
    expect(rtt.pending).toBe(0);
  });

  it('times a cumulative ACK of several ranges from the oldest one', () => {
    const rtt = new RttSampler();
    rtt.sent(1000, 100, 0);
    rtt.sent(1100, 100, 10);
    expect(rtt.acked(1200, 60)).toBe(60); // 60 - 0
  });

  it('keeps the send time of a partly acknowledged range', () => {
    const rtt = new RttSampler();
    rtt.sent(0, 1000, 5);
    expect(rtt.acked(500, 30)).toBe(25); // 30 - 5
    expect(rtt.acked(1000, 40)).toBe(35); // 40 - 5
  });

  it('gives nothing for duplicate or old ACKs', () => {
    const rtt = new RttSampler();
    rtt.sent(0, 100, 0);
    expect(rtt.acked(0, 10)).toBeUndefined();
    expect(rtt.acked(100, 20)).toBe(20);
    expect(rtt.acked(100, 30)).toBeUndefined();
    expect(rtt.acked(50, 30)).toBeUndefined();
  });

  it("refuses samples for retransmitted data (Karn's rule)", () => {
    const rtt = new RttSampler();
    rtt.sent(1000, 100, 0);
    rtt.sent(1000, 100, 100); // timeout, resent
    expect(rtt.acked(1100, 120)).toBeUndefined();
    rtt.sent(1100, 100, 130);
    expect(rtt.acked(1200, 150)).toBe(20); // fresh data again: 150 - 130
  });

  it('refuses an ACK that covers a retransmitted range and fresh ones', () => {
    const rtt = new RttSampler();
    rtt.sent(0, 100, 0);
    rtt.sent(100, 100, 1);
    rtt.sent(200, 100, 2);
    rtt.sent(100, 100, 50); // fast retransmit of the middle range
    expect(rtt.acked(100, 60)).toBe(60); // the first range was never resent
    expect(rtt.acked(300, 70)).toBeUndefined();
  });

  it('treats the part of a resend beyond everything sent as new', () => {
    const rtt = new RttSampler();
    rtt.sent(1000, 200, 0); // [1000, 1200)
    rtt.sent(1100, 200, 40); // [1100, 1200) again plus new [1200, 1300)
    expect(rtt.acked(1200, 60)).toBeUndefined();
    expect(rtt.acked(1300, 90)).toBe(50); // 90 - 40
  });

  it('works across the sequence-number wrap', () => {
    const rtt = new RttSampler();
    const start = 2 ** 32 - 50;
    rtt.sent(start, 100, 0); // [2^32 - 50, 50)
    rtt.sent(50, 100, 10); // [50, 150)
    expect(rtt.acked(50, 25)).toBe(25);
    expect(rtt.acked(150, 45)).toBe(35);
    rtt.clear();
    expect(rtt.pending).toBe(0);
  });

  it('keeps working over many ranges', () => {
    const rtt = new RttSampler();
    for (let i = 0; i < 1000; i++) {
      rtt.sent(i * 10, 10, i);
      if (i % 2 === 1) expect(rtt.acked((i + 1) * 10, i + 7)).toBe(8); // (i + 7) - (i - 1)
    }
    expect(rtt.pending).toBe(0);
  });

  it('marks exactly the ranges a retransmission overlaps, deep in a long window', () => {
    // Hand-worked: ranges [10i, 10i + 10) sent at time i; [505, 525) resent overlaps the ranges
    // starting at 500, 510 and 520, and no other (Karn's rule, RFC 6298 section 3).
    const rtt = new RttSampler();
    for (let i = 0; i < 100; i++) rtt.sent(i * 10, 10, i);
    rtt.sent(505, 20, 200);
    expect(rtt.acked(500, 300)).toBe(300); // [0, 500) untouched: 300 - 0
    expect(rtt.acked(510, 310)).toBeUndefined(); // [500, 510) resent
    expect(rtt.acked(530, 320)).toBeUndefined(); // [510, 530) resent
    expect(rtt.acked(540, 330)).toBe(277); // [530, 540) untouched, sent at 53: 330 - 53
    expect(rtt.acked(1000, 340)).toBe(286); // sent at 54: 340 - 54
  });
});
