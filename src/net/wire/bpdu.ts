// Rapid Spanning Tree BPDUs (IEEE 802.1D-2004 clause 9.3.3): the 36-byte RST BPDU that switches
// send each other to elect a root bridge and block the ports that would close a loop, its
// identifiers (bridge ID: priority and MAC; port ID: priority and number), and its encoding. It
// travels in an IEEE 802.3 frame with an LLC header (DSAP 0x42, SSAP 0x42, UI) to the group
// address 01:80:c2:00:00:00, which bridges never forward (frame.ts frames it).

import { readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import { macFromNumber, readMac, writeMac, type MacAddress } from './mac.ts';

/** The Bridge Group Address every BPDU is sent to (IEEE 802.1D-2004 Table 7-10). */
export const STP_GROUP_MAC = macFromNumber(0x0180_c200_0000);
/** LLC header of a BPDU: DSAP and SSAP 0x42 (the Bridge Spanning Tree Protocol), control 0x03 (UI). */
export const BPDU_LLC = [0x42, 0x42, 0x03] as const;
/** Bytes of an RST BPDU (clause 9.3.3): through the Version 1 Length octet. */
export const RST_BPDU_LENGTH = 36;

/** A bridge identifier (clause 9.2.5): a 16-bit priority (a multiple of 4096) and the MAC. */
export interface BridgeId {
  priority: number;
  mac: MacAddress;
}

/** The role a port sends in the flags of its BPDU (clause 9.3.3, bits 3 and 4). */
export type BpduRole = 'unknown' | 'alternate' | 'root' | 'designated';
const ROLE_CODES: readonly BpduRole[] = ['unknown', 'alternate', 'root', 'designated'];

/** An RST BPDU's fields; times in whole seconds (sent in units of 1/256 s). */
export interface Bpdu {
  /** Topology change: the sender saw a port start forwarding; bridges flush their MAC tables. */
  tc: boolean;
  /** The sender's designated port asks to forward at once (proposal/agreement, clause 17.10). */
  proposal: boolean;
  role: BpduRole;
  learning: boolean;
  forwarding: boolean;
  /** The sender's root or alternate port agrees that the far designated port may forward. */
  agreement: boolean;
  rootId: BridgeId;
  /** The sender's cost to the root: the sum of its root path's port costs. */
  rootPathCost: number;
  /** The sending bridge. */
  bridgeId: BridgeId;
  /** The sending port: priority (4 bits, default 128) and port number (12 bits). */
  portId: number;
  messageAge: number;
  maxAge: number;
  helloTime: number;
  forwardDelay: number;
}

export type BpduDecodeResult = { ok: true; bpdu: Bpdu } | { ok: false; error: string };

/** Bridge IDs in the order the election uses: lower priority wins, then lower MAC. */
export function compareBridgeIds(a: BridgeId, b: BridgeId): number {
  return a.priority - b.priority || a.mac - b.mac;
}

/** As Linux's bridge prints it: priority in four hex digits, a dot, the MAC's twelve (8000.0200…). */
export function formatBridgeId(id: BridgeId): string {
  const mac = id.mac.toString(16).padStart(12, '0');
  return `${id.priority.toString(16).padStart(4, '0')}.${mac}`;
}

/** The port identifier of port `number` (1-based) at `priority` (default 128): 0x8001 for port 1. */
export function portIdOf(number: number, priority = 128): number {
  return ((priority & 0xf0) << 8) | (number & 0x0fff);
}

/** The 36 bytes of an RST BPDU (the payload after the LLC header). */
export function encodeBpdu(bpdu: Bpdu): Uint8Array {
  const out = new Uint8Array(RST_BPDU_LENGTH);
  out[2] = 2; // Protocol Version Identifier: RSTP (octets 1-2, the Protocol Identifier, stay 0)
  out[3] = 0x02; // BPDU Type: RST
  out[4] =
    (bpdu.tc ? 0x01 : 0) |
    (bpdu.proposal ? 0x02 : 0) |
    (ROLE_CODES.indexOf(bpdu.role) << 2) |
    (bpdu.learning ? 0x10 : 0) |
    (bpdu.forwarding ? 0x20 : 0) |
    (bpdu.agreement ? 0x40 : 0);
  writeBridgeId(out, 5, bpdu.rootId);
  writeU32(out, 13, bpdu.rootPathCost);
  writeBridgeId(out, 17, bpdu.bridgeId);
  writeU16(out, 25, bpdu.portId);
  [bpdu.messageAge, bpdu.maxAge, bpdu.helloTime, bpdu.forwardDelay].forEach((s, i) =>
    writeU16(out, 27 + 2 * i, Math.round(s * 256)),
  );
  return out; // octet 36, Version 1 Length, stays 0
}

/** Reads an RST BPDU (the bytes after the LLC header); other BPDU types are refused. */
export function decodeBpdu(bytes: Uint8Array): BpduDecodeResult {
  if (bytes.length < RST_BPDU_LENGTH) {
    return { ok: false, error: `an RST BPDU has ${RST_BPDU_LENGTH} bytes, got ${bytes.length}` };
  }
  if (readU16(bytes, 0) !== 0 || bytes[3] !== 0x02) {
    return { ok: false, error: 'not an RST BPDU (protocol 0, type 0x02)' };
  }
  const flags = bytes[4] as number;
  const seconds = (at: number): number => readU16(bytes, at) / 256;
  return {
    ok: true,
    bpdu: {
      tc: (flags & 0x01) !== 0,
      proposal: (flags & 0x02) !== 0,
      role: ROLE_CODES[(flags >> 2) & 0x03] as BpduRole,
      learning: (flags & 0x10) !== 0,
      forwarding: (flags & 0x20) !== 0,
      agreement: (flags & 0x40) !== 0,
      rootId: readBridgeId(bytes, 5),
      rootPathCost: readU32(bytes, 13),
      bridgeId: readBridgeId(bytes, 17),
      portId: readU16(bytes, 25),
      messageAge: seconds(27),
      maxAge: seconds(29),
      helloTime: seconds(31),
      forwardDelay: seconds(33),
    },
  };
}

function writeBridgeId(out: Uint8Array, at: number, id: BridgeId): void {
  writeU16(out, at, id.priority);
  writeMac(out, at + 2, id.mac);
}

function readBridgeId(bytes: Uint8Array, at: number): BridgeId {
  return { priority: readU16(bytes, at), mac: readMac(bytes, at + 2) };
}
