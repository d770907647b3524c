// The learner's edited scenario, kept in the browser's storage after every edit so that a reload,
// a closed tab or a crash loses nothing: the page offers it back when it opens. Whatever is read
// back is checked for shape here and validated like any file before it is used.

export interface SavedSession {
  /** The scenario document as text. */
  text: string;
  /** Its name, for the offer to restore it. */
  name: string;
  /** Where it came from: "built-in" or a file name. */
  source: string;
  /** When it was saved (ms since 1970), to say so. */
  savedAt: number;
}

export const SESSION_KEY = 'handshake.session.v1';

/** The storage the page has, or null (Node, or a browser that refuses it). */
export function pageStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Keeps the session; false when the storage refused it (full, or not allowed). */
export function saveSession(storage: Storage | null, session: SavedSession): boolean {
  if (!storage) return false;
  try {
    storage.setItem(SESSION_KEY, JSON.stringify(session));
    return true;
  } catch {
    return false;
  }
}

/** Keeps the session in the page's own storage: how the app's page keeps each edit (HandshakeApp). */
export function keepSession(session: SavedSession): void {
  saveSession(pageStorage(), session);
}

/** The session kept, or null when there is none or what is there is not one. */
export function loadSession(storage: Storage | null): SavedSession | null {
  let raw: string | null;
  try {
    raw = storage?.getItem(SESSION_KEY) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<SavedSession> | null;
    if (
      value &&
      typeof value.text === 'string' &&
      typeof value.name === 'string' &&
      typeof value.source === 'string' &&
      typeof value.savedAt === 'number'
    ) {
      return { text: value.text, name: value.name, source: value.source, savedAt: value.savedAt };
    }
  } catch {
    // Not JSON: not a session.
  }
  return null;
}

export function clearSession(storage: Storage | null): void {
  try {
    storage?.removeItem(SESSION_KEY);
  } catch {
    // Nothing to do: the storage is not there.
  }
}
