// DHCP's ports and the one thing a packet's name needs of a DHCP message, its type (option 53),
// on their own so that what only needs these (the kind's declaration, the packet namer, the
// ladder) does not carry the DHCP codec (src/net/app/dhcp/) into the page's first chunk.

/** The server's and the client's UDP ports (RFC 2131 section 4.1). */
export const DHCP_SERVER_PORT = 67;
export const DHCP_CLIENT_PORT = 68;

/** Option 53's values by number (RFC 2132 section 9.6). */
const TYPE_NAMES = [
  '',
  'DISCOVER',
  'OFFER',
  'REQUEST',
  'DECLINE',
  'ACK',
  'NAK',
  'RELEASE',
  'INFORM',
];

/**
 * The DHCP message type of a UDP payload (`DISCOVER`, `OFFER`, ...): option 53 found by walking
 * the options after the magic cookie at byte 236; undefined when it is not a DHCP message.
 */
export function dhcpMessageTypeOf(payload: Uint8Array): string | undefined {
  if (payload.length < 241) return undefined;
  if (payload[236] !== 99 || payload[237] !== 130 || payload[238] !== 83 || payload[239] !== 99)
    return undefined;
  let at = 240;
  while (at < payload.length) {
    const code = payload[at] as number;
    if (code === 255) return undefined;
    if (code === 0) {
      at++;
      continue;
    }
    const length = payload[at + 1];
    if (length === undefined) return undefined;
    if (code === 53 && length === 1) return TYPE_NAMES[payload[at + 2] as number] || undefined;
    at += 2 + length;
  }
  return undefined;
}
