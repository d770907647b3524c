// One packet opened up, as the inspector shows it: its fields layer by layer with their byte
// ranges, values and explanations, its bytes as a hex dump, and a TLS segment decrypted with the
// key log. Loaded with the panels that show it, not with the picture (src/viz/packet names packets).
export {
  byteAscii,
  byteHex,
  dissectPacket,
  fieldAtByte,
  flattenFields,
  hexRows,
  type FieldRow,
  type PacketLayer,
} from './packetFields.ts';
export { dissectFrame } from './frameFields.ts';
export { decodeApp, dnsKindText, type AppPart } from './appMessage.ts';
export { decryptSegment, tlsKeysAt, type TlsRole } from './tlsView.ts';
