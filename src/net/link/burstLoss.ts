// Burst loss on a link: the Gilbert–Elliott model, a two-state Markov chain per direction. In
// the Good state a packet is lost with probability `lossInGood` (default 0), in the Bad state
// with `lossInBad` (default 1); after each packet the chain moves Good -> Bad with probability
// `p` and Bad -> Good with `r`. Losses then come in bursts, as on a radio link that fades, where
// an independent loss per packet (the link's `loss`) spreads them evenly. Each direction starts
// Good. (Gilbert 1960, Elliott 1963; Linux netem's `loss gemodel p r 1-h 1-k` has the same four
// numbers.)

/** The model's four probabilities, each in [0, 1]. */
export interface BurstLoss {
  /** Good -> Bad after a packet. */
  p: number;
  /** Bad -> Good after a packet. */
  r: number;
  /** Loss probability in the Good state (1 - k); default 0. */
  lossInGood?: number;
  /** Loss probability in the Bad state (1 - h); default 1. */
  lossInBad?: number;
}

/**
 * The long-run share of packets lost: the chain spends p / (p + r) of its packets in Bad, so the
 * rate is (r · lossInGood + p · lossInBad) / (p + r). With p = r = 0 the chain stays Good.
 */
export function burstLossRate(model: BurstLoss): number {
  const good = model.lossInGood ?? 0;
  const bad = model.lossInBad ?? 1;
  const moves = model.p + model.r;
  return moves === 0 ? good : (model.r * good + model.p * bad) / moves;
}

/**
 * The mean number of packets a visit to the Bad state lasts, 1 / r (a geometric run): with
 * lossInBad 1 and lossInGood 0 it is the mean length of a burst of losses.
 */
export function meanBadRun(model: BurstLoss): number {
  return 1 / model.r;
}

/** One direction's chain: where it is, and the fate of the next packet from two draws. */
export class GilbertElliott {
  private bad = false;

  constructor(private readonly model: Required<BurstLoss>) {}

  /** Whether the chain is in the Bad state now. */
  get inBad(): boolean {
    return this.bad;
  }

  /**
   * Whether the next packet is lost, from `lossDraw` (against the current state's loss
   * probability), then the move to the next state from `moveDraw`; both uniform in [0, 1).
   */
  lost(lossDraw: number, moveDraw: number): boolean {
    const { p, r, lossInGood, lossInBad } = this.model;
    const lost = lossDraw < (this.bad ? lossInBad : lossInGood);
    if (moveDraw < (this.bad ? r : p)) this.bad = !this.bad;
    return lost;
  }
}

/** The model with its defaults filled in. */
export function burstLossModel(model: BurstLoss): Required<BurstLoss> {
  return { lossInGood: 0, lossInBad: 1, ...model };
}
