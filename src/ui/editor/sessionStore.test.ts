// The kept session: saved and read back whole; anything else under its key (not JSON, a wrong
// shape) reads as no session; a storage that refuses or is missing is no error.
import { describe, expect, it } from 'vitest';
import { clearSession, loadSession, saveSession, SESSION_KEY } from './sessionStore.ts';

/** An in-memory Storage, optionally refusing every write. */
function memoryStorage(refuse = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      if (refuse) throw new DOMException('full', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

describe('the kept session', () => {
  const session = {
    text: '{"name":"x"}',
    name: 'x',
    source: 'built-in',
    savedAt: 1_700_000_000_000,
  };

  it('is read back as saved, and gone once cleared', () => {
    const storage = memoryStorage();
    expect(saveSession(storage, session)).toBe(true);
    expect(loadSession(storage)).toEqual(session);
    clearSession(storage);
    expect(loadSession(storage)).toBeNull();
  });

  it('reads anything else under its key as no session', () => {
    const storage = memoryStorage();
    for (const raw of [
      'not json',
      '[]',
      'null',
      '{"text":1,"name":"x","source":"s","savedAt":1}',
    ]) {
      storage.setItem(SESSION_KEY, raw);
      expect(loadSession(storage)).toBeNull();
    }
  });

  it('takes a storage that refuses or is missing without an error', () => {
    expect(saveSession(memoryStorage(true), session)).toBe(false);
    expect(saveSession(null, session)).toBe(false);
    expect(loadSession(null)).toBeNull();
  });
});
