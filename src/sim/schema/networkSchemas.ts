// Schemas for network values in scenario documents: IPv4 addresses, interface addresses with
// their prefix ("10.0.0.2/24"), route prefixes, bit rates ("10Mbps") and byte sizes ("64KiB").

import {
  parseIpv4,
  parsePrefix,
  prefixMask,
  type Ipv4Address,
  type Ipv4Prefix,
} from '../../net/wire/ipv4Address.ts';
import { describeValue, type Schema } from './schema.ts';
import { parseBitRate, parseByteSize } from './units.ts';

function fromText<T>(
  expected: string,
  parse: (text: string) => { ok: true; value: T } | { ok: false; error: string },
  json: Record<string, unknown>,
): Schema<T> {
  return {
    parse(value, path, issues) {
      if (typeof value !== 'string') {
        issues.push({ path, message: `expected ${expected}, got ${describeValue(value)}` });
        return undefined;
      }
      const result = parse(value);
      if (!result.ok) {
        issues.push({ path, message: result.error });
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
    'an IPv4 address such as "10.0.0.1"',
    (text) => {
      const r = parseIpv4(text);
      return r.ok ? { ok: true, value: r.address } : r;
    },
    { type: 'string', format: 'ipv4', ...(description ? { description } : {}) },
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
    'an address with a prefix length such as "10.0.0.2/24"',
    (text) => {
      const r = parsePrefix(text, { strict: false });
      if (!r.ok) return r;
      // /31 and /32 have no network or broadcast address (RFC 3021).
      const broadcast = (r.prefix.network | ~prefixMask(r.prefix.length)) >>> 0;
      if (r.prefix.length < 31 && (r.address === r.prefix.network || r.address === broadcast)) {
        const which = r.address === r.prefix.network ? 'network' : 'broadcast';
        return {
          ok: false,
          error: `"${text}" is the ${which} address of its prefix, not a host address`,
        };
      }
      return { ok: true, value: { address: r.address, prefix: r.prefix } };
    },
    {
      type: 'string',
      pattern: '^\\d+\\.\\d+\\.\\d+\\.\\d+/\\d{1,2}$',
      description: 'The interface address and its prefix length, like 10.0.0.2/24.',
    },
  );
}

/** A network prefix with no host bits set: `10.1.0.0/16`, `0.0.0.0/0`. */
export function prefix(): Schema<Ipv4Prefix> {
  return fromText(
    'a prefix such as "10.1.0.0/16"',
    (text) => {
      const r = parsePrefix(text, { strict: true });
      return r.ok ? { ok: true, value: r.prefix } : r;
    },
    { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+\\.\\d+/\\d{1,2}$' },
  );
}

/** A bit rate: `10Mbps`, in bits per second. */
export function bitRate(description?: string): Schema<number> {
  return fromText('a bit rate such as "10Mbps"', parseBitRate, {
    type: 'string',
    pattern: '^\\s*\\d+(\\.\\d+)?\\s*[kKmMgGtT]?(bps|bit/s|b/s)\\s*$',
    ...(description ? { description } : {}),
  });
}

/** A size in bytes: a whole number, or a string with a unit such as `64KiB`. */
export function byteSize(description?: string): Schema<number> {
  const text = fromText('a size', parseByteSize, {});
  return {
    parse(value, path, issues) {
      if (typeof value === 'number') {
        if (Number.isSafeInteger(value) && value >= 0) return value;
        issues.push({
          path,
          message: `expected a whole number of bytes >= 0, got ${describeValue(value)}`,
        });
        return undefined;
      }
      if (typeof value !== 'string') {
        issues.push({
          path,
          message: `expected a size such as 1500 or "64KiB", got ${describeValue(value)}`,
        });
        return undefined;
      }
      return text.parse(value, path, issues);
    },
    jsonSchema: () => ({
      oneOf: [
        { type: 'integer', minimum: 0 },
        { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*(B|kB|MB|GB|KiB|MiB|GiB)\\s*$' },
      ],
      ...(description ? { description } : {}),
    }),
  };
}
