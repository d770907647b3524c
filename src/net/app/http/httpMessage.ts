// HTTP/1.1 messages (RFC 9112) as plain data, and their encoding to the bytes a TCP stream carries:
// start line, header fields in the caller's order, CRLF line ends, then the body.

import { freshBytes, NO_BYTES } from '../../wire/freshBytes.ts';

/** Header fields in wire order, names as the sender spelled them: `[['Host', 'example.com']]`. */
export type HttpHeaders = [name: string, value: string][];

/** A request (RFC 9112 section 3): method, request-target and version, header fields and body. */
export interface HttpRequest {
  method: string;
  target: string;
  /** 'HTTP/1.1' (or 'HTTP/1.0'). */
  version: string;
  headers: HttpHeaders;
  body: Uint8Array;
}

/** A response (RFC 9112 section 4): version, status code and reason phrase, header fields, body. */
export interface HttpResponse {
  version: string;
  status: number;
  reason: string;
  headers: HttpHeaders;
  body: Uint8Array;
}

/** Reason phrases (RFC 9110 section 15; 429 from RFC 6585 section 4, 431 from section 5). */
export const STATUS_REASON: Readonly<Record<number, string>> = {
  100: 'Continue',
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  505: 'HTTP Version Not Supported',
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 bytes of a string, for bodies: `utf8('<p>hi</p>')`. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** A message body read as UTF-8 text. */
export function bodyText(message: { body: Uint8Array }): string {
  return decoder.decode(message.body);
}

/** The first value of header `name` (case-insensitive, RFC 9110 section 5.1), or undefined. */
export function header(message: { headers: HttpHeaders }, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [n, v] of message.headers) if (n.toLowerCase() === wanted) return v;
  return undefined;
}

/** Every value of header `name`, in order (case-insensitive). */
export function headerValues(message: { headers: HttpHeaders }, name: string): string[] {
  const wanted = name.toLowerCase();
  return message.headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

/** An HTTP/1.1 request with the given fields; body defaults to empty. */
export function makeRequest(
  method: string,
  target: string,
  headers: HttpHeaders = [],
  body: Uint8Array = NO_BYTES,
): HttpRequest {
  return { method, target, version: 'HTTP/1.1', headers, body };
}

/** An HTTP/1.1 response whose reason phrase comes from STATUS_REASON. */
export function makeResponse(
  status: number,
  headers: HttpHeaders = [],
  body: Uint8Array = NO_BYTES,
): HttpResponse {
  return { version: 'HTTP/1.1', status, reason: STATUS_REASON[status] ?? '', headers, body };
}

/** True for responses that never carry a body (RFC 9112 section 6.3 rule 1): 1xx, 204, 304. */
export function isBodylessStatus(status: number): boolean {
  return (status >= 100 && status < 200) || status === 204 || status === 304;
}

/** Encoder options. */
export interface HttpEncodeOptions {
  /** Add `Content-Length: 0` even for an empty body (a POST with no content, RFC 9110 8.6). */
  contentLength?: boolean;
}

/** RFC 9110 section 5.6.2: token = 1*tchar. */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function checkField(name: string, value: string): void {
  if (!TOKEN.test(name))
    throw new RangeError(`HTTP header name ${JSON.stringify(name)} is not a token`);
  // Field values are visible Latin-1 characters, spaces and tabs, never CR, LF or NUL (9110 5.5).
  if (/[^\t\x20-\xff]/.test(value)) {
    throw new RangeError(`HTTP header ${name} has a character not allowed in a field value`);
  }
}

/**
 * Writes the headers, adding Content-Length when the body is non-empty or `force` asks and the
 * caller did not give one. A caller-given Content-Length is kept (a HEAD response announces the
 * GET body's length, RFC 9110 9.3.2) but must match a non-empty body.
 */
function headerLines(headers: HttpHeaders, body: Uint8Array, addLength: boolean): string {
  let out = '';
  let given: string | undefined;
  for (const [name, value] of headers) {
    checkField(name, value);
    if (name.toLowerCase() === 'content-length') given = value;
    out += `${name}: ${value}\r\n`;
  }
  if (given !== undefined && body.length > 0 && given.trim() !== String(body.length)) {
    throw new RangeError(`Content-Length ${given} does not match a ${body.length}-byte body`);
  }
  if (given === undefined && addLength) out += `Content-Length: ${body.length}\r\n`;
  return out + '\r\n';
}

/**
 * The head (Latin-1: field values are ISO-8859-1 historically, RFC 9110 5.5) followed by the
 * body, in one array.
 */
function join(head: string, body: Uint8Array): Uint8Array {
  const out = freshBytes(head.length + body.length);
  for (let i = 0; i < head.length; i++) out[i] = head.charCodeAt(i);
  out.set(body, head.length);
  return out;
}

/** The bytes of a request: `GET / HTTP/1.1\r\nHost: a\r\n\r\n`, Content-Length added as needed. */
export function encodeHttpRequest(
  request: HttpRequest,
  options: HttpEncodeOptions = {},
): Uint8Array {
  if (!TOKEN.test(request.method)) throw new RangeError(`bad HTTP method ${request.method}`);
  if (request.target === '' || /[\s]/.test(request.target)) {
    throw new RangeError(`bad HTTP request-target ${JSON.stringify(request.target)}`);
  }
  const start = `${request.method} ${request.target} ${request.version}\r\n`;
  const addLength = request.body.length > 0 || options.contentLength === true;
  return join(start + headerLines(request.headers, request.body, addLength), request.body);
}

/**
 * The bytes of a response. Content-Length is added when the body is non-empty or asked for, never
 * for 1xx and 204 (RFC 9110 section 8.6 forbids it there); those must have an empty body.
 */
export function encodeHttpResponse(
  response: HttpResponse,
  options: HttpEncodeOptions = {},
): Uint8Array {
  const { status } = response;
  if (!Number.isInteger(status) || status < 100 || status > 999) {
    throw new RangeError(`HTTP status must be three digits, got ${status}`);
  }
  const noLength = (status >= 100 && status < 200) || status === 204;
  if (isBodylessStatus(status) && response.body.length > 0) {
    throw new RangeError(`an HTTP ${status} response has no body`);
  }
  if (/[\r\n]/.test(response.reason)) throw new RangeError('HTTP reason phrase has CR or LF');
  const start = `${response.version} ${status} ${response.reason}\r\n`;
  const addLength = !noLength && (response.body.length > 0 || options.contentLength === true);
  return join(start + headerLines(response.headers, response.body, addLength), response.body);
}
