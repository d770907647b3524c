// HTTP cookies (RFC 6265): the Set-Cookie header a server sends and the Cookie header a client
// returns. Enough for sessions in the simulator; no cookie jar policy (domains, expiry) here.

/** Attributes of a Set-Cookie header (RFC 6265 section 4.1.1; SameSite from RFC 6265bis). */
export interface CookieAttributes {
  path?: string;
  domain?: string;
  /** Seconds until the cookie expires (Max-Age). */
  maxAge?: number;
  /** An HTTP-date (RFC 9110 section 5.6.7), e.g. 'Wed, 21 Oct 2015 07:28:00 GMT'. */
  expires?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
}

/** A parsed Set-Cookie header: the pair and its attributes (unknown ones ignored, 5.2). */
export interface SetCookie extends CookieAttributes {
  name: string;
  value: string;
}

// cookie-octet (RFC 6265 section 4.1.1): visible ASCII except DQUOTE, comma, semicolon, backslash.
const COOKIE_VALUE = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/;
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The value of a Set-Cookie header: `sid=abc; Path=/; HttpOnly`. Throws on a bad name or value. */
export function formatSetCookie(
  name: string,
  value: string,
  attributes: CookieAttributes = {},
): string {
  if (!COOKIE_NAME.test(name)) throw new RangeError(`bad cookie name ${JSON.stringify(name)}`);
  if (!COOKIE_VALUE.test(value)) throw new RangeError(`bad cookie value ${JSON.stringify(value)}`);
  let out = `${name}=${value}`;
  if (attributes.expires !== undefined) out += `; Expires=${attributes.expires}`;
  if (attributes.maxAge !== undefined) out += `; Max-Age=${Math.trunc(attributes.maxAge)}`;
  if (attributes.domain !== undefined) out += `; Domain=${attributes.domain}`;
  if (attributes.path !== undefined) out += `; Path=${attributes.path}`;
  if (attributes.secure) out += '; Secure';
  if (attributes.httpOnly) out += '; HttpOnly';
  if (attributes.sameSite !== undefined) out += `; SameSite=${attributes.sameSite}`;
  return out;
}

/** Parses a Set-Cookie value as a user agent does (RFC 6265 section 5.2); undefined if no name. */
export function parseSetCookie(text: string): SetCookie | undefined {
  const [pair = '', ...attributes] = text.split(';');
  const eq = pair.indexOf('=');
  if (eq < 0) return undefined;
  const name = pair.slice(0, eq).trim();
  if (name === '') return undefined;
  const cookie: SetCookie = { name, value: pair.slice(eq + 1).trim() };
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : attribute.slice(at + 1).trim();
    if (key === 'path') cookie.path = value;
    else if (key === 'domain') cookie.domain = value.replace(/^\./, '');
    else if (key === 'expires') cookie.expires = value;
    else if (key === 'max-age' && /^-?[0-9]+$/.test(value)) cookie.maxAge = Number(value);
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'samesite' && /^(strict|lax|none)$/i.test(value)) {
      cookie.sameSite = (value[0]?.toUpperCase() + value.slice(1).toLowerCase()) as 'Strict';
    }
  }
  return cookie;
}

/** The value of a Cookie header a client sends: `a=1; b=2` (RFC 6265 section 4.2.1). */
export function formatCookie(pairs: Iterable<[name: string, value: string]>): string {
  return Array.from(pairs, ([name, value]) => `${name}=${value}`).join('; ');
}

/** Parses a Cookie header into its pairs, in order; pieces without '=' are skipped. */
export function parseCookie(text: string): [name: string, value: string][] {
  const out: [string, string][] = [];
  for (const piece of text.split(';')) {
    const eq = piece.indexOf('=');
    if (eq <= 0) continue;
    const name = piece.slice(0, eq).trim();
    let value = piece.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
      value = value.slice(1, -1);
    if (name !== '') out.push([name, value]);
  }
  return out;
}
