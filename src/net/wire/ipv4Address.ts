// IPv4 addresses as unsigned 32-bit numbers: parsing and formatting dotted quads (10.0.0.2) and
// CIDR prefixes (10.0.0.0/24), and prefix membership. User input gets a result, never a throw.

/** An IPv4 address as an unsigned 32-bit integer (10.0.0.2 is 0x0a000002). */
export type Ipv4Address = number;

/** A CIDR prefix: the network address (host bits zero) and the prefix length, 0 to 32. */
export interface Ipv4Prefix {
  network: Ipv4Address;
  length: number;
}

/** An address, or the reason the text is not one. */
export type AddressResult = { ok: true; address: Ipv4Address } | { ok: false; error: string };

/** A prefix (and the address as written before its host bits were cleared), or the reason. */
export type PrefixResult =
  { ok: true; prefix: Ipv4Prefix; address: Ipv4Address } | { ok: false; error: string };

const EXAMPLE = 'four numbers from 0 to 255 separated by dots, like 10.0.0.2';

/**
 * Parses a dotted quad such as `192.168.1.10`. Each part must be a decimal number from 0 to 255
 * without leading zeros (`010` is refused: some tools read it as octal 8).
 */
export function parseIpv4(text: string): AddressResult {
  const trimmed = text.trim();
  const fail = (why: string): AddressResult => ({
    ok: false,
    error: `"${text}" is not an IPv4 address: ${why}`,
  });
  if (trimmed === '') return fail(`it is empty; expected ${EXAMPLE}`);
  const parts = trimmed.split('.');
  if (parts.length !== 4) {
    return fail(`it has ${parts.length} part${parts.length === 1 ? '' : 's'}; expected ${EXAMPLE}`);
  }
  let address = 0;
  for (const part of parts) {
    if (part === '') return fail(`it has an empty part; expected ${EXAMPLE}`);
    if (!/^\d+$/.test(part)) return fail(`"${part}" is not a number; expected ${EXAMPLE}`);
    if (part.length > 1 && part.startsWith('0')) {
      return fail(`"${part}" has a leading zero; write ${Number(part)}`);
    }
    const value = Number(part);
    if (value > 255) return fail(`${part} is more than 255; each part must be 0 to 255`);
    address = address * 256 + value;
  }
  return { ok: true, address };
}

/** Formats an address as a dotted quad: `0x0a000002` becomes `10.0.0.2`. */
export function formatIpv4(address: Ipv4Address): string {
  return `${address >>> 24}.${(address >>> 16) & 0xff}.${(address >>> 8) & 0xff}.${address & 0xff}`;
}

/** The netmask of a prefix length as a number: 24 gives 0xffffff00 (255.255.255.0). */
export function prefixMask(length: number): number {
  return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}

/**
 * Parses a CIDR prefix such as `10.0.0.0/24`. By default an address with host bits set
 * (`10.0.0.1/24`) is refused with the network it probably meant; with `{ strict: false }` it is
 * accepted, as an interface address is written, and the host bits are cleared in `prefix`.
 */
export function parsePrefix(text: string, options: { strict?: boolean } = {}): PrefixResult {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash < 0) {
    return {
      ok: false,
      error: `"${text}" is not a prefix: expected an address, a slash and a length, like 10.0.0.0/24`,
    };
  }
  const parsed = parseIpv4(trimmed.slice(0, slash));
  if (!parsed.ok) return { ok: false, error: `"${text}" is not a prefix: ${parsed.error}` };
  const lengthText = trimmed.slice(slash + 1);
  if (!/^\d{1,2}$/.test(lengthText) || Number(lengthText) > 32) {
    return {
      ok: false,
      error: `"${text}" is not a prefix: the length "${lengthText}" must be a whole number from 0 to 32`,
    };
  }
  const length = Number(lengthText);
  const network = (parsed.address & prefixMask(length)) >>> 0;
  const prefix = { network, length };
  if (network !== parsed.address && options.strict !== false) {
    return {
      ok: false,
      error: `"${text}" has host bits set: the network is ${formatPrefix(prefix)}`,
    };
  }
  return { ok: true, prefix, address: parsed.address };
}

/** Formats a prefix as `10.0.0.0/24`. */
export function formatPrefix(prefix: Ipv4Prefix): string {
  return `${formatIpv4(prefix.network)}/${prefix.length}`;
}

/** Whether `address` lies inside `prefix` (its first `length` bits equal the network's). */
export function contains(prefix: Ipv4Prefix, address: Ipv4Address): boolean {
  const mask = prefixMask(prefix.length);
  return (address & mask) >>> 0 === (prefix.network & mask) >>> 0;
}
