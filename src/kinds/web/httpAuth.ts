// Password login for a web server: accounts, failed attempts and lock-out, session tokens carried
// in a cookie, and which paths need a login (401) or a role (403).

import type { RandomStream } from '../../engine/random.ts';

export interface AccountSpec {
  user: string;
  password: string;
  /** Roles such as `admin`; a path may require one. */
  roles?: string[];
}

export interface AuthSpec {
  accounts: AccountSpec[];
  /** Path prefixes that need a logged-in user, with the role they need, if any. */
  protected: { path: string; role?: string }[];
  /** Wrong passwords in a row before the account locks (default 3). */
  maxAttempts?: number;
}

/** What a login attempt gave. */
export type LoginOutcome =
  | { kind: 'ok'; token: string }
  | { kind: 'wrongPassword'; attemptsLeft: number }
  | { kind: 'unknownUser' }
  | { kind: 'locked' };

/** What a request for a path may do. */
export type Access =
  | { kind: 'allowed'; user: string | null }
  | { kind: 'unauthenticated' }
  | { kind: 'forbidden'; user: string };

export const SESSION_COOKIE = 'session';

/** Accounts and sessions of one server. */
export class AuthStore {
  private readonly failures = new Map<string, number>();
  private readonly sessions = new Map<string, string>();
  private readonly maxAttempts: number;

  constructor(
    private readonly spec: AuthSpec,
    private readonly random: RandomStream,
  ) {
    this.maxAttempts = spec.maxAttempts ?? 3;
  }

  /** Checks a password; a session token on success, a lock after too many failures. */
  login(user: string, password: string): LoginOutcome {
    const account = this.spec.accounts.find((a) => a.user === user);
    if (!account) return { kind: 'unknownUser' };
    const failed = this.failures.get(user) ?? 0;
    if (failed >= this.maxAttempts) return { kind: 'locked' };
    if (account.password !== password) {
      this.failures.set(user, failed + 1);
      const attemptsLeft = this.maxAttempts - failed - 1;
      return attemptsLeft <= 0 ? { kind: 'locked' } : { kind: 'wrongPassword', attemptsLeft };
    }
    this.failures.set(user, 0);
    let token = '';
    for (let i = 0; i < 4; i++) token += this.random.nextUint32().toString(16).padStart(8, '0');
    this.sessions.set(token, user);
    return { kind: 'ok', token };
  }

  /** Ends a session. */
  logout(token: string | undefined): void {
    if (token !== undefined) this.sessions.delete(token);
  }

  /** Whether the holder of `token` (or nobody) may fetch `path`. */
  access(path: string, token: string | undefined): Access {
    const user = token === undefined ? undefined : this.sessions.get(token);
    // The most specific rule wins: /admin/public may be open inside a protected /admin.
    let rule: AuthSpec['protected'][number] | undefined;
    for (const p of this.spec.protected) {
      const matches = path === p.path || path.startsWith(`${p.path.replace(/\/$/, '')}/`);
      if (matches && (!rule || p.path.length > rule.path.length)) rule = p;
    }
    if (!rule) return { kind: 'allowed', user: user ?? null };
    if (user === undefined) return { kind: 'unauthenticated' };
    if (rule.role === undefined) return { kind: 'allowed', user };
    const roles = this.spec.accounts.find((a) => a.user === user)?.roles ?? [];
    return roles.includes(rule.role) ? { kind: 'allowed', user } : { kind: 'forbidden', user };
  }
}
