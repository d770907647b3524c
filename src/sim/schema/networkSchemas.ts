// Schemas for network values in scenario documents: IPv4 addresses, interface addresses with
// their prefix ("10.0.0.2/24"), route prefixes, MAC addresses ("02:00:00:00:00:01"), bit rates
// ("10Mbps") and byte sizes ("64KiB").

import {
  parseIpv4,
  parsePrefix,
  prefixMask,
  type Ipv4Address,
  type Ipv4Prefix,
} from '../../net/wire/ipv4Address.ts';
import { isMulticast, parseMac, type MacAddress } from '../../net/wire/mac.ts';
import { expectedIssue, NOT_ZERO, valuePhrase, type Schema } from './schema.ts';
import { phrase, phrased, withPhrase, type Phrase } from './phrase.ts';
import { ipv4ErrorPhrase, prefixErrorPhrase } from './textPhrases.ts';
import { parseBitRate, parseByteSize } from './units.ts';

/**
 * The JSON Schema patterns say what the parsers below accept, as far as a pattern can: text
 * around which whitespace is trimmed, units in any case, octets 0 to 255 without leading zeros,
 * prefix lengths 0 to 32. What needs arithmetic (host bits, whole numbers of bits or bytes) is
 * left to the validator; tests/scenarios/scenarioSchemaFile.test.ts checks that they agree.
 */
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)';
/** A dotted quad, for the patterns of schemas that hold an address. */
export const IPV4 = `${OCTET}(\\.${OCTET}){3}`;
const PREFIX = `^\\s*${IPV4}\\s*/(3[0-2]|[0-2]?\\d)\\s*$`;
const NUMBER = '\\d+(\\.\\d+)?';

/** A pattern for `word` in any case: `bps` gives `[bB][pP][sS]`. */
function anyCase(word: string): string {
  return [...word]
    .map((c) =>
      c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`,
    )
    .join('');
}

/** A schema of a value written as text, read by `parse`; what it expects as `expected`. */
export function fromText<T>(
  expected: Phrase,
  parse: (text: string) => { ok: true; value: T } | { ok: false; error: string; phrase?: Phrase },
  json: Record<string, unknown>,
): Schema<T> {
  return {
    parse(value, path, issues) {
      if (typeof value !== 'string') {
        issues.push(expectedIssue(path, expected, value));
        return undefined;
      }
      const result = parse(value);
      if (!result.ok) {
        issues.push(withPhrase({ path, message: result.error }, result.phrase));
        return undefined;
      }
      return result.value;
    },
    jsonSchema: () => json,
  };
}

/** A dotted-quad IPv4 address: `10.0.0.1`. */
export function ipv4(description?: string): Schema<Ipv4Address> {
  return fromText(
    phrase('expected.ipv4'),
    (text) => {
      const r = parseIpv4(text);
      return r.ok
        ? { ok: true, value: r.address }
        : { ...r, phrase: ipv4ErrorPhrase(text, r.error) };
    },
    { type: 'string', pattern: `^\\s*${IPV4}\\s*$`, ...(description ? { description } : {}) },
  );
}

/** An interface address with its prefix length: `10.0.0.2/24`. */
export interface InterfaceAddress {
  address: Ipv4Address;
  prefix: Ipv4Prefix;
}

/** An interface address with its prefix length, like `10.0.0.2/24`. */
export function interfaceAddress(): Schema<InterfaceAddress> {
  return fromText(
    phrase('expected.interfaceAddress'),
    (text) => {
      const r = parsePrefix(text, { strict: false });
      if (!r.ok) return { ...r, phrase: prefixErrorPhrase(text, r.error) };
      // /31 and /32 have no network or broadcast address (RFC 3021).
      const broadcast = (r.prefix.network | ~prefixMask(r.prefix.length)) >>> 0;
      if (r.prefix.length < 31 && (r.address === r.prefix.network || r.address === broadcast)) {
        const said = phrased(
          '',
          phrase(
            r.address === r.prefix.network
              ? 'schema.hostAddress.network'
              : 'schema.hostAddress.broadcast',
            { text },
          ),
        );
        return { ok: false, error: said.message, phrase: said.phrase };
      }
      return { ok: true, value: { address: r.address, prefix: r.prefix } };
    },
    {
      type: 'string',
      pattern: PREFIX,
      description: 'The interface address and its prefix length, like 10.0.0.2/24.',
    },
  );
}

/** What an interface that learns its address by DHCP says instead of one. */
export const DHCP_ADDRESS = 'dhcp';

/**
 * An interface's address: `10.0.0.2/24`, or `dhcp` (RFC 2131: the node asks a DHCP server on
 * its segment at start and takes the address, prefix, gateway and DNS server it is given).
 */
export function interfaceAddressOrDhcp(): Schema<InterfaceAddress | typeof DHCP_ADDRESS> {
  const plain = interfaceAddress();
  const json = plain.jsonSchema();
  return {
    parse(value, path, issues) {
      if (typeof value === 'string' && value.trim() === DHCP_ADDRESS) return DHCP_ADDRESS;
      return plain.parse(value, path, issues);
    },
    jsonSchema: () => ({
      ...json,
      pattern: `^(\\s*${DHCP_ADDRESS}\\s*|${PREFIX.slice(1, -1)})$`,
      description:
        'The interface address and its prefix length, like 10.0.0.2/24; or "dhcp": a DHCP server gives it.',
    }),
  };
}

/** A network prefix with no host bits set: `10.1.0.0/16`, `0.0.0.0/0`. */
export function prefix(): Schema<Ipv4Prefix> {
  return fromText(
    phrase('expected.prefix'),
    (text) => {
      const r = parsePrefix(text, { strict: true });
      return r.ok
        ? { ok: true, value: r.prefix }
        : { ...r, phrase: prefixErrorPhrase(text, r.error) };
    },
    { type: 'string', pattern: PREFIX },
  );
}

const MAC_PATTERN = '^\\s*[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}\\s*$';

/**
 * A station's MAC address: six pairs of hex digits joined by colons, as Linux prints it
 * (`02:00:00:00:00:01`), and unicast (the I/G bit of the first octet clear): a group address is
 * never a station's own.
 */
export function macAddress(description?: string): Schema<MacAddress> {
  return fromText(
    phrase('expected.mac'),
    (text) => {
      const fail = (key: 'schema.mac.format' | 'schema.mac.multicast') => {
        const said = phrased('', phrase(key, { text }));
        return { ok: false as const, error: said.message, phrase: said.phrase };
      };
      if (!new RegExp(MAC_PATTERN).test(text)) return fail('schema.mac.format');
      const r = parseMac(text);
      if (!r.ok) return fail('schema.mac.format');
      if (isMulticast(r.mac)) return fail('schema.mac.multicast');
      return { ok: true, value: r.mac };
    },
    { type: 'string', pattern: MAC_PATTERN, ...(description ? { description } : {}) },
  );
}

/** A bit rate: `10Mbps`, in bits per second. */
export function bitRate(description?: string): Schema<number> {
  return fromText(phrase('expected.bitRate'), parseBitRate, {
    type: 'string',
    pattern: `^\\s*${NOT_ZERO}${NUMBER}\\s*[kKmMgGtT]?(${['bps', 'bit/s', 'b/s'].map(anyCase).join('|')})\\s*$`,
    ...(description ? { description } : {}),
  });
}

/** A size in bytes: a whole number, or a string with a unit such as `64KiB`. */
export function byteSize(description?: string): Schema<number> {
  const text = fromText(phrase('expected.size'), parseByteSize, {});
  return {
    parse(value, path, issues) {
      if (typeof value === 'number') {
        if (Number.isSafeInteger(value) && value >= 0) return value;
        issues.push(phrased(path, phrase('schema.bytesNotWhole', { got: valuePhrase(value) })));
        return undefined;
      }
      if (typeof value !== 'string') {
        issues.push(phrased(path, phrase('schema.sizeExpected', { got: valuePhrase(value) })));
        return undefined;
      }
      return text.parse(value, path, issues);
    },
    jsonSchema: () => ({
      oneOf: [
        { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
        {
          type: 'string',
          pattern: `^\\s*${NUMBER}\\s*(${['b', 'kb', 'mb', 'gb', 'kib', 'mib', 'gib'].map(anyCase).join('|')})\\s*$`,
        },
      ],
      ...(description ? { description } : {}),
    }),
  };
}
