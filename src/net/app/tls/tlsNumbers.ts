// The numbers of TLS 1.3 on the wire that a reader of packets needs to name a record (RFC 8446):
// content types, handshake types, the record header. Apart from the record layer and the
// handshake's encoders, so what names a packet does not bring what builds one.

/** ContentType (RFC 8446 section 5.1). */
export const CONTENT_TYPE = { changeCipherSpec: 20, alert: 21, handshake: 22, applicationData: 23 };

export const TLS_PORT = 443;
export const RECORD_HEADER_LENGTH = 5;
/** Largest TLSPlaintext fragment, 2^14 (section 5.1); protected records may add 256. */
export const MAX_FRAGMENT = 1 << 14;

/** HandshakeType (RFC 8446 section 4). */
export const HANDSHAKE_TYPE = {
  clientHello: 1,
  serverHello: 2,
  newSessionTicket: 4,
  encryptedExtensions: 8,
  certificate: 11,
  certificateVerify: 15,
  finished: 20,
};
