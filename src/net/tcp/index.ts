// The TCP byte-stream algorithms a socket holds and calls on every segment: sequence arithmetic,
// send and receive buffers, the RFC 6298 retransmission timeout with Karn's rule, NewReno and Reno.
export * from './seq.ts';
export * from './segment.ts';
export * from './sendBuffer.ts';
export * from './receiveBuffer.ts';
export * from './rtoEstimator.ts';
export * from './rttSampler.ts';
export * from './renoCongestion.ts';
export * from './newRenoCongestion.ts';
