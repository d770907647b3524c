// Defaults a scenario leaves out that both the builder and the picture need.

/** Link bandwidth when a scenario gives none: 100 Mbit/s. */
export const DEFAULT_BANDWIDTH = 100_000_000;
/** Queue at each end of a link when a scenario gives none: 100 packets. */
export const DEFAULT_QUEUE_PACKETS = 100;
/** Default cap on events, so a runaway scenario stops with a message instead of hanging. */
export const DEFAULT_MAX_EVENTS = 50_000_000;
