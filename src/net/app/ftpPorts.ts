// FTP's well-known ports, on their own so that what only needs a port number (the kinds'
// definitions, the packet namer) does not carry the FTP codec with it (the embed's element).

/** The control port (RFC 959 Appendix II) and the data port of active mode, L-1. */
export const FTP_PORT = 21;
export const FTP_DATA_PORT = 20;
