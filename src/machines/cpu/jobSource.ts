// An open-loop job source: arrivals (Poisson or fixed interval) each bringing one CPU burst drawn
// from a service distribution, submitted to a CpuScheduler. Drives the queueing-theory checks.

import type { Simulator } from '../../engine/simulator.ts';
import type { Nanos } from '../../engine/time.ts';
import type { CpuScheduler } from './cpuScheduler.ts';
import { sample, type Distribution } from './distributions.ts';

/** Interarrival times: exponential with the given mean (a Poisson process, rate 1/mean), or fixed. */
export type ArrivalProcess = { kind: 'poisson'; mean: Nanos } | { kind: 'fixed'; interval: Nanos };

export interface JobSourceConfig {
  arrivals: ArrivalProcess;
  service: Distribution;
  /** How many jobs to generate. */
  count: number;
  /**
   * Base name of the random streams: arrivals draw from `NAME:arrivals`, service times from
   * `NAME:service`, so changing one never reshuffles the other. Default `jobs`.
   */
  stream?: string;
  /** Job ids are PREFIX#INDEX (default "job"). */
  idPrefix?: string;
  /** Called when job `index` completes, with its arrival and completion times. */
  onComplete?: (index: number, arrival: Nanos, completion: Nanos) => void;
}

/** Generates jobs into `cpu`; the first arrives one interarrival time after `start()`. */
export class JobSource {
  /** Jobs submitted so far. */
  submitted = 0;
  private readonly arrivalStream;
  private readonly serviceStream;
  private readonly prefix: string;
  private readonly arriveHandler = (): void => this.arrive();

  constructor(
    private readonly sim: Simulator,
    private readonly cpu: CpuScheduler,
    private readonly config: JobSourceConfig,
  ) {
    const name = config.stream ?? 'jobs';
    this.arrivalStream = sim.random.stream(`${name}:arrivals`);
    this.serviceStream = sim.random.stream(`${name}:service`);
    this.prefix = config.idPrefix ?? 'job';
  }

  /** Schedules the first arrival. */
  start(): void {
    if (this.config.count > 0) this.sim.schedule(this.interarrival(), this.arriveHandler);
  }

  private interarrival(): Nanos {
    const a = this.config.arrivals;
    return a.kind === 'fixed'
      ? a.interval
      : Math.max(0, Math.round(this.arrivalStream.exponential(a.mean)));
  }

  private arrive(): void {
    const index = this.submitted++;
    const arrival = this.sim.now();
    const onComplete = this.config.onComplete;
    const sim = this.sim;
    this.cpu.submit({
      id: `${this.prefix}#${index}`,
      bursts: [sample(this.config.service, this.serviceStream)],
      ...(onComplete ? { onDone: () => onComplete(index, arrival, sim.now()) } : {}),
    });
    if (this.submitted < this.config.count)
      this.sim.schedule(this.interarrival(), this.arriveHandler);
  }
}
