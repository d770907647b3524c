// What one visit of a web user does over an HttpAgent: load a page and then every object it
// references (as a browser does), or send a list of requests in order, carrying cookies.

import type { Simulator } from '../../engine/simulator.ts';
import {
  bodyText,
  header,
  headerValues,
  makeRequest,
  utf8,
  type HttpHeaders,
  type HttpResponse,
} from '../../net/app/http/httpMessage.ts';
import { formatCookie, parseSetCookie } from '../../net/app/http/cookies.ts';
import type { Retrier } from '../../machines/retry/retrier.ts';
import type { HttpAgent } from './httpAgent.ts';
import type { HttpOutcome } from './httpClientConnection.ts';
import { judgeHttp } from './httpRetries.ts';
import { referencedObjects } from './httpSite.ts';

/** A request in a scenario's list. */
export interface PlannedRequest {
  method: string;
  path: string;
  /** Body text (a POST form or JSON). */
  body?: string;
  /** Content-Type of the body (default: a form). */
  type?: string;
  /** Not before this time of the run, ns. */
  at?: number;
}

/** The user's side of a server: its Host header, its cookies, and its retries if it has any. */
export class UserSession {
  private readonly cookies = new Map<string, string>();
  constructor(
    readonly agent: HttpAgent,
    readonly host: string,
    private readonly retrier?: Retrier,
  ) {}

  /** Headers every request carries: Host, and the cookies the server set. */
  headers(): HttpHeaders {
    const headers: HttpHeaders = [
      ['Host', this.host],
      ['User-Agent', 'handshake-client/1'],
    ];
    if (this.cookies.size > 0) headers.push(['Cookie', formatCookie(this.cookies)]);
    return headers;
  }

  /**
   * Sends a request with the session's headers and keeps any cookie the response sets; with
   * retries, tries again as httpRetries.ts says (each try with the cookies it has by then).
   */
  send(
    method: string,
    path: string,
    body: string | undefined,
    type: string | undefined,
    done: (outcome: HttpOutcome) => void,
  ): void {
    const attempt = (n: number, tried: (outcome: HttpOutcome) => void): void => {
      const headers = this.headers();
      if (body !== undefined)
        headers.push(['Content-Type', type ?? 'application/x-www-form-urlencoded']);
      const bytes = body === undefined ? undefined : utf8(body);
      const retrier = this.retrier;
      this.agent.request(
        makeRequest(method, path, headers, bytes),
        (outcome) => {
          if (outcome.ok) this.keepCookies(outcome.response);
          tried(outcome);
        },
        retrier && ((outcome) => retrier.willRetry(n, judgeHttp(method, outcome))),
      );
    };
    if (!this.retrier) return attempt(1, done);
    this.retrier.run(path, attempt, (outcome) => judgeHttp(method, outcome), done);
  }

  private keepCookies(response: HttpResponse): void {
    for (const value of headerValues(response, 'Set-Cookie')) {
      const cookie = parseSetCookie(value);
      if (!cookie) continue;
      if (cookie.maxAge !== undefined && cookie.maxAge <= 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
}

/**
 * Loads `path` and then every object its HTML references; `done(null, elapsedNs)` for a page
 * load, `done(null, null)` for an error page (not a page load), `done(error, null)` on failure.
 */
export function loadPage(
  sim: Simulator,
  { node, app }: { node: string; app: string },
  session: UserSession,
  path: string,
  done: (error: string | null, elapsedNs: number | null) => void,
): void {
  const started = sim.now();
  session.send('GET', path, undefined, undefined, (outcome) => {
    if (!outcome.ok) return done(outcome.error, null);
    // An error page (404, 503, ...) is shown as it is: no objects, and no page load to time.
    if (outcome.response.status < 200 || outcome.response.status > 299) return done(null, null);
    const html = (header(outcome.response, 'Content-Type') ?? '').startsWith('text/html');
    const objects = html ? referencedObjects(bodyText(outcome.response)) : [];
    let remaining = objects.length;
    let failure: string | null = null;
    const finish = (): void => {
      sim.record({
        t: sim.now(),
        type: 'http.page',
        node,
        app,
        path,
        objects: objects.length,
        elapsed: sim.now() - started,
        error: failure,
      });
      done(failure, failure === null ? sim.now() - started : null);
    };
    if (remaining === 0) return finish();
    for (const object of objects) {
      session.send('GET', object, undefined, undefined, (result) => {
        if (!result.ok) failure ??= result.error;
        if (--remaining === 0) finish();
      });
    }
  });
}

/** Sends the requests in order, each after the previous response and not before its `at`. */
export function sendRequests(
  sim: Simulator,
  session: UserSession,
  requests: readonly PlannedRequest[],
  done: (error: string | null) => void,
): void {
  let index = 0;
  const next = (): void => {
    const planned = requests[index++];
    if (!planned) return done(null);
    const go = (): void =>
      session.send(planned.method, planned.path, planned.body, planned.type, (outcome) => {
        if (!outcome.ok) return done(outcome.error);
        next();
      });
    const wait = (planned.at ?? 0) - sim.now();
    if (wait > 0) sim.schedule(wait, go);
    else go();
  };
  next();
}
