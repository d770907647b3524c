// The well-known ports of mail, on their own so that what only needs a port number (the kinds'
// schemas and checks, the packet namer) does not carry the SMTP and POP3 codecs with it.

/** SMTP's port (RFC 5321 section 4.5.4's relay port, IANA "smtp"). */
export const SMTP_PORT = 25;
/** POP3's port (RFC 1939 section 3). */
export const POP3_PORT = 110;
