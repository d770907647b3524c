// Settings a scenario may leave out, shared by the builder (which wires them) and the picture
// (which shows them), so the two never disagree.

/** Default link bandwidth when a scenario gives none: 100 Mbit/s. */
export const DEFAULT_BANDWIDTH = 100_000_000;
/** Default queue at each end of a link when a scenario gives none: 100 packets. */
export const DEFAULT_QUEUE_PACKETS = 100;
