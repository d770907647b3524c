// The application-layer message a TCP segment or UDP datagram starts, as the packet inspector and
// the encapsulation quiz show it: the decode of src/viz/packet/appParts.ts (HTTP/1.1, DNS, FTP, SMTP, POP3, TLS
// records), and for HTTP whether the whole message is in the segment, which the HTTP parser of
// src/net/app says (RFC 9112). Apart from appParts.ts so the embed's element, which names packets
// by it, does not carry the parser. Never throws.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { HttpRequestParser, HttpResponseParser } from '../../net/app/http/httpParser.ts';
import type { Packet } from '../../net/wire/packet.ts';
import {
  decodeAppHead,
  httpHead,
  type AppPart,
  type DnsPart,
  type HttpHead,
  type HttpPart,
} from '../packet/appParts.ts';
import { packetPhrases } from '../packet/packetPhrases.ts';

export type { AppPart, DnsPart, FtpPart, HttpPart, MailPart, TlsPart } from '../packet/appParts.ts';

const cache = new WeakMap<Packet, Map<Language, AppPart | null>>();

/** The application message a packet's payload starts, or null (none, or not one we know). */
export function decodeApp(packet: Packet, language: Language = ENGLISH): AppPart | null {
  let byLanguage = cache.get(packet);
  if (!byLanguage) cache.set(packet, (byLanguage = new Map()));
  const cached = byLanguage.get(language);
  if (cached !== undefined) return cached;
  let part: AppPart | null;
  try {
    const head = decodeAppHead(packet, language);
    part = head?.protocol === 'HTTP' ? whole(head, packet.payload) : head;
  } catch {
    part = null;
  }
  byLanguage.set(language, part);
  return part;
}

/** The HTTP message `bytes` start (a segment's payload, or a decrypted TLS record), or null. */
export function decodeHttpBytes(bytes: Uint8Array): HttpPart | null {
  const head = httpHead(bytes);
  return head && whole(head, bytes);
}

/** An HTTP message's head with whether `payload` holds the whole message (the parser read one). */
function whole(head: HttpHead, payload: Uint8Array): HttpPart {
  const parser = head.kind === 'response' ? new HttpResponseParser() : new HttpRequestParser();
  return { ...head, complete: parser.push(payload)[0]?.kind === 'message' };
}

/** `query` or `response`, as a DNS message's kind is shown. */
export function dnsKindText(kind: DnsPart['kind'], language: Language = ENGLISH): string {
  return packetPhrases
    .in(language)
    .say(kind === 'query' ? 'app.dnsKind.query' : 'app.dnsKind.response');
}
