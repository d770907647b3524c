// Packet capture files: the libpcap writer (nanosecond; Ethernet frames for the simulator's
// captures, raw IP on request) and the reader tests use.
export * from './pcapWriter.ts';
export * from './pcapReader.ts';
export * from './traceCapture.ts';
