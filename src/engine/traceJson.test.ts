// The trace's line format: base64 against Node's encoder (RFC 4648), lines that read back to the
// records they came from, field order and omissions as the packed store has them.
import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Trace, traceToJsonLines, type TraceRecord } from './trace.ts';
import {
  base64ToBytes,
  bytesToBase64,
  parseTraceLine,
  recordsToJsonLines,
  traceLineWriter,
} from './traceJson.ts';

describe('base64', () => {
  it('gives the RFC 4648 test vectors', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const vectors = ['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy'];
    vectors.forEach((expected, n) => {
      expect(bytesToBase64(text('foobar'.slice(0, n)))).toBe(expected);
      expect(base64ToBytes(expected)).toEqual(text('foobar'.slice(0, n)));
    });
  });

  it("agrees with Node's Buffer for every length up to 300 and for views into a buffer", () => {
    const data = new Uint8Array(randomBytes(20_000));
    for (let length = 0; length <= 300; length++) {
      const bytes = data.subarray(7, 7 + length);
      const expected = Buffer.from(bytes).toString('base64');
      expect(bytesToBase64(bytes), `length ${length}`).toBe(expected);
      expect(base64ToBytes(expected)).toEqual(new Uint8Array(bytes));
    }
    expect(bytesToBase64(data)).toBe(Buffer.from(data).toString('base64'));
  });

  it.each(['A', 'AB=', 'A===', 'AB$=', 'A=B=', '=AAA', 'QQ==QQ==', 'é...'])(
    'refuses %j',
    (text) => {
      expect(() => base64ToBytes(text)).toThrow(SyntaxError);
    },
  );
});

describe('trace lines', () => {
  const payload = Uint8Array.from([0, 1, 2, 250, 255]);
  const record = {
    t: 1_500,
    type: 'link.rx',
    link: 'lan',
    node: 'b',
    iface: 'eth0',
    pkt: 7,
    packet: { id: 7, options: [{ kind: 'unknown', type: 99, data: Uint8Array.of(9) }], payload },
  } as unknown as TraceRecord;

  it('writes bytes as {"base64": ...} and reads them back as a Uint8Array', () => {
    const line = traceLineWriter()(record);
    expect(line).toBe(
      '{"t":1500,"type":"link.rx","link":"lan","node":"b","iface":"eth0","pkt":7,' +
        '"packet":{"id":7,"options":[{"kind":"unknown","type":99,"data":{"base64":"CQ=="}}],' +
        '"payload":{"base64":"AAEC+v8="}}}\n',
    );
    const back = parseTraceLine(line);
    expect(back).toEqual(record);
    const packet = (back as unknown as { packet: { payload: unknown } }).packet;
    expect(packet.payload).toBeInstanceOf(Uint8Array);
  });

  it('writes what JSON.stringify writes when there are no bytes', () => {
    const plain = { t: 3, type: 'dns.answer', node: 'n', name: 'a.b', address: null, ttl: 0.5 };
    const line = traceLineWriter()(plain as unknown as TraceRecord);
    expect(line).toBe(JSON.stringify(plain) + '\n');
    const odd = { t: 4, type: 'x.y', a: NaN, b: -0, c: Infinity, d: 'quote " and \\ and \n' };
    expect(traceLineWriter()(odd as unknown as TraceRecord)).toBe(JSON.stringify(odd) + '\n');
  });

  it("takes a type's fields and their order from its first record, as the store does", () => {
    const records = [
      { t: 0, type: 'a.b', x: 1, y: 'one', z: true },
      { t: 1, type: 'a.b', z: false, y: 'two', x: 2 },
      { t: 2, type: 'a.b', x: 3, y: undefined, z: null },
      { t: 3, type: 'a.b', x: 4, y: 'four', z: true, extra: 'dropped' },
      { t: 4, type: 'c.d', q: [1, 2] },
    ] as unknown as TraceRecord[];
    const trace = new Trace();
    let streamed = '';
    const write = traceLineWriter();
    trace.subscribe((r) => (streamed += write(r)));
    for (const r of records) trace.append(r);
    expect(streamed).toBe(
      [
        '{"t":0,"type":"a.b","x":1,"y":"one","z":true}',
        '{"t":1,"type":"a.b","x":2,"y":"two","z":false}',
        '{"t":2,"type":"a.b","x":3,"z":null}',
        '{"t":3,"type":"a.b","x":4,"y":"four","z":true}',
        '{"t":4,"type":"c.d","q":[1,2]}',
        '',
      ].join('\n'),
    );
    expect(traceToJsonLines(trace.records)).toBe(streamed);
    expect(recordsToJsonLines(trace.records)).toBe(streamed);
  });

  it('reaches subscribers when the trace is not stored, and stops when unsubscribed', () => {
    const trace = new Trace(false);
    const seen: number[] = [];
    const stop = trace.subscribe((r) => seen.push(r.t));
    trace.append({ t: 1, type: 'sim.end', reason: 'x', events: 0 });
    stop();
    trace.append({ t: 2, type: 'sim.end', reason: 'x', events: 0 });
    expect(seen).toEqual([1]);
    expect(trace.length).toBe(0);
  });

  it.each(['[1]', '{"type":"a"}', '{"t":"1","type":"a"}', 'null', '{"t":1,'])(
    'refuses the line %j',
    (line) => {
      expect(() => parseTraceLine(line)).toThrow(SyntaxError);
    },
  );

  it('leaves an object with more than the base64 key alone', () => {
    const back = parseTraceLine('{"t":0,"type":"a","v":{"base64":"AA==","other":1}}');
    expect(back).toEqual({ t: 0, type: 'a', v: { base64: 'AA==', other: 1 } });
  });
});
