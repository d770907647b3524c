// The event log's compact store: entries come back as they went in (times, kinds, sentences with
// curly quotes, arrows and other multi-byte text), across chunk boundaries, and its text search
// finds what lower-casing and `includes` on each sentence would, whatever the needle.
import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS, LogStore, encodeUtf8, formatTime, type LogEntry } from './logStore.ts';

const SENTENCES = [
  'The simulation of “Two hosts” starts with seed 7.',
  'Laptop’s ping app is now waiting → for reply 1.',
  'Packet #12 arrives at Server.',
  '',
  'Ünïcödé nâme: Çafé — 東京 server (10.0.0.1:80) ≠ Ελλάδα.',
  'PACKET #120 is dropped: the queue at Router eth1 is full.',
  '\uFEFFa sentence that starts with a byte-order mark.',
  'Kelvin \u212A and İstanbul and a NUL \u0000 inside.',
  'A 4-byte character 𝄞 (G clef) and ΣΑΣ at the end: ΟΔΟΣ',
];

/** Entries by hand: sentence k at time 5k ns, kinds in turn. */
function sample(n: number): LogEntry[] {
  return Array.from({ length: n }, (_, i) => {
    const t = i * 5;
    const kind = ENTRY_KINDS[i % ENTRY_KINDS.length]!;
    return { index: i, t, time: formatTime(t), kind, text: `${SENTENCES[i % SENTENCES.length]}` };
  });
}

function storeOf(entries: readonly LogEntry[], chunkSize: number): LogStore {
  const store = new LogStore(chunkSize);
  for (const e of entries) store.push(e.t, e.kind, e.text);
  return store;
}

/** Each entry whose lower-cased sentence holds the needle: the log's search before the store. */
const reference = (entries: readonly LogEntry[], needle: string, from = 0, to = entries.length) =>
  entries
    .slice(from, to)
    .filter((e) => e.text.toLowerCase().includes(needle))
    .map((e) => e.index);

function searched(store: LogStore, needle: string, from = 0, to = store.length): number[] {
  const out: number[] = [];
  store.search(from, to, needle, (i) => out.push(i));
  return out;
}

describe('the log store', () => {
  it('gives back every entry as it was pushed, in chunks of any size', () => {
    const entries = sample(40);
    for (const size of [1, 2, 3, 7, 8192]) {
      const store = storeOf(entries, size);
      expect(store.length).toBe(40);
      expect(store.entries()).toEqual(entries);
      expect(store.entries(6, 9)).toEqual(entries.slice(6, 9));
      for (const i of [0, size - 1, size, 39].filter((i) => i >= 0 && i < 40)) {
        expect(store.entry(i)).toEqual(entries[i]);
        expect(store.textAt(i)).toBe(entries[i]!.text);
      }
    }
  });

  it('formats the time of an entry as the log did', () => {
    const store = new LogStore();
    store.push(0, 'run', 'a');
    store.push(1_442_000_000, 'send', 'b');
    expect(store.entry(0).time).toBe('0 s');
    expect(store.entry(1).time).toBe('1.442 s');
  });

  it('keeps long sentences whole when a chunk’s text outgrows its buffer', () => {
    const long = `${'→ a “long” sentence ’ '.repeat(5000)}end`;
    const store = new LogStore(4);
    for (let i = 0; i < 10; i++) store.push(i, 'detail', i % 2 ? long : `short ${i}`);
    expect(store.textAt(1)).toBe(long);
    expect(store.textAt(8)).toBe('short 8');
    expect(store.textAt(9)).toBe(long);
  });

  it('refuses an entry it does not have, and a kind it does not know', () => {
    const store = storeOf(sample(3), 2);
    expect(() => store.entry(3)).toThrow(RangeError);
    expect(() => store.textAt(-1)).toThrow(RangeError);
    expect(() => store.push(0, 'nonsense' as never, 'x')).toThrow(RangeError);
  });

  it('writes UTF-8 as TextEncoder does', () => {
    const out = new Uint8Array(400);
    for (const text of [...SENTENCES, 'a lone \uD800 surrogate', 'low \uDC00 first']) {
      const end = encodeUtf8(text, out, 3);
      expect(Array.from(out.subarray(3, end))).toEqual(Array.from(new TextEncoder().encode(text)));
    }
  });
});

describe('the log store’s text search', () => {
  const entries = sample(60);
  const NEEDLES = [
    'packet #12',
    'packet',
    'p',
    '#',
    'e.',
    's.',
    '. t',
    'starts with',
    'laptop’s',
    '→',
    'çafé',
    'ünïcödé',
    '東京',
    'k and',
    'i̇stanbul',
    'istanbul',
    'σ',
    'ς',
    'οδος',
    'οδοσ',
    '𝄞',
    '\u0000',
    'nul \u0000 inside',
    '\uFEFFa',
    'nothing like this',
    '',
  ];

  it('finds what lower-casing each sentence would, in every chunk size and range', () => {
    for (const size of [1, 5, 9, 64]) {
      const store = storeOf(entries, size);
      for (const needle of NEEDLES) {
        expect(searched(store, needle), `${needle} in chunks of ${size}`).toEqual(
          reference(entries, needle),
        );
        expect(searched(store, needle, 7, 31)).toEqual(reference(entries, needle, 7, 31));
      }
    }
  });

  it('finds a needle in sentences without the characters that lower-case to ASCII', () => {
    // No İ or Kelvin sign: the ASCII needles are looked for in the bytes.
    const plain = sample(60).filter((e) => !/[\u0130\u212A]/.test(e.text));
    const renumbered = plain.map((e, index) => ({ ...e, index }));
    const store = storeOf(renumbered, 8);
    for (const needle of NEEDLES)
      expect(searched(store, needle), needle).toEqual(reference(renumbered, needle));
  });

  it('knows every character whose lower case holds ASCII (only İ and the Kelvin sign)', () => {
    const found: number[] = [];
    for (let c = 0x80; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if ([...String.fromCodePoint(c).toLowerCase()].some((ch) => ch.charCodeAt(0) < 0x80))
        found.push(c);
    }
    expect(found).toEqual([0x130, 0x212a]);
  });
});
