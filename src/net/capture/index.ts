// Packet capture files: the libpcap writer (nanosecond, raw IP) and the reader tests use.
export * from './pcapWriter.ts';
export * from './pcapReader.ts';
export * from './traceCapture.ts';
