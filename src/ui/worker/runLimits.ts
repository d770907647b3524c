// The page's limits on a run, apart from the run itself so that the app's state can name them
// without bringing the simulator: how many records a run may keep, and how much it keeps.

/** The most records a run keeps by default (the page's memory budget). */
export const DEFAULT_MAX_RECORDS = 1_000_000;

/** Every record, or only those of packets on links (a run "with less detail"). */
export type RunDetail = 'full' | 'packets';
