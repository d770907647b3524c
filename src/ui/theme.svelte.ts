// The colour theme: follow the system, or light, or dark; the choice is remembered in
// localStorage when it can be (private modes and sandboxed frames may refuse), never failing.

export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'handshake.theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The stored choice, or 'system' when there is none or storage cannot be read. */
export function readThemeChoice(
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
): ThemeChoice {
  try {
    const value = storage?.getItem(KEY);
    return CHOICES.includes(value as ThemeChoice) ? (value as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
}

/** Remembers the choice; returns false when storage refused it. */
export function writeThemeChoice(
  choice: ThemeChoice,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null = safeStorage(),
): boolean {
  try {
    if (!storage) return false;
    if (choice === 'system') storage.removeItem(KEY);
    else storage.setItem(KEY, choice);
    return true;
  } catch {
    return false;
  }
}

/** localStorage, or null where even touching it throws (blocked cookies, opaque origins). */
function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The page's theme: the choice, the scheme it resolves to, applied to <html data-theme>. */
export class Theme {
  choice = $state<ThemeChoice>('system');
  private systemDark = $state(false);

  constructor() {
    this.choice = readThemeChoice();
    if (typeof matchMedia === 'function') {
      const query = matchMedia('(prefers-color-scheme: dark)');
      this.systemDark = query.matches;
      query.addEventListener('change', (event) => (this.systemDark = event.matches));
    }
    this.apply();
  }

  /** 'light' or 'dark': what the page shows now. */
  resolved: 'light' | 'dark' = $derived(
    this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice,
  );

  set(choice: ThemeChoice): void {
    this.choice = choice;
    writeThemeChoice(choice);
    this.apply();
  }

  private apply(): void {
    if (typeof document === 'undefined') return;
    const root = document.documentElement;
    if (this.choice === 'system') delete root.dataset.theme;
    else root.dataset.theme = this.choice;
  }
}
