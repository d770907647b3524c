// Queueing-theory fidelity: an open-loop Poisson source feeding a FCFS CpuScheduler must reproduce
// the closed-form mean response times (time in system) of M/M/1, M/M/2 and M/D/1 within 2%, and a
// utilization of rho. Sources:
// - M/M/1: T = 1/(mu - lambda). Kleinrock, Queueing Systems Vol. 1: Theory (1975), §3.2.
// - M/M/c: Erlang C, P(wait) = C(c, a) with a = lambda/mu, rho = a/c:
//     C(c, a) = (a^c / c!) / (1 - rho) / ( sum_{k=0}^{c-1} a^k / k! + (a^c / c!) / (1 - rho) ),
//     T = C(c, a) / (c mu - lambda) + 1/mu. Kleinrock Vol. 1 §3.5; Harchol-Balter, Performance
//     Modeling and Design of Computer Systems (2013), ch. 14 (M/M/k).
// - M/D/1: Pollaczek-Khinchine mean value, T = rho / (2 mu (1 - rho)) + 1/mu. Kleinrock Vol. 1 §5.7.
// Runs are long with fixed seeds and discard a warm-up of 10,000 jobs. Spread measured beforehand
// over 30 seeds with a Lindley recursion (same distributions): the relative standard deviation of
// the mean is about 0.64% for M/M/1 at rho 0.5 with 200k jobs, 0.84% at rho 0.8 with 1M jobs and
// 1% for M/D/1 at rho 0.8 with 200k jobs; so 2% is 2-3 standard deviations, not a lucky seed.

import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/simulator.ts';
import { NS_PER_MS } from '../../src/engine/time.ts';
import { cpuLedger } from '../../src/machines/cpu/cpuLedger.ts';
import { CpuScheduler } from '../../src/machines/cpu/cpuScheduler.ts';
import type { Distribution } from '../../src/machines/cpu/distributions.ts';
import { JobSource } from '../../src/machines/cpu/jobSource.ts';

const WARM_UP = 10_000;
/** Mean service time: 1 ms (mu = 1 per ms). */
const SERVICE = NS_PER_MS;

interface Result {
  /** Mean response time after the warm-up, in units of the mean service time. */
  meanResponse: number;
  utilization: number;
}

function simulate(
  rho: number,
  cores: number,
  service: Distribution,
  jobs: number,
  seed: number,
): Result {
  const sim = new Simulator({ seed, trace: false });
  const cpu = new CpuScheduler(sim, 'server', { policy: 'fcfs', cores });
  const ledger = cpuLedger(cores);
  sim.trace.follow(ledger); // the trace is not stored: its figures are folded as it goes
  let sum = 0;
  let counted = 0;
  // lambda = rho * cores * mu, so the mean interarrival time is SERVICE / (rho * cores).
  new JobSource(sim, cpu, {
    arrivals: { kind: 'poisson', mean: SERVICE / (rho * cores) },
    service,
    count: jobs + WARM_UP,
    onComplete: (index, arrival, completion) => {
      if (index < WARM_UP) return;
      sum += completion - arrival;
      counted++;
    },
  }).start();
  sim.run();
  expect(counted).toBe(jobs);
  return {
    meanResponse: sum / counted / SERVICE,
    utilization: ledger.result().busyNs / (cores * sim.now()),
  };
}

/** Erlang C: the probability an arrival waits in M/M/c with offered load a = lambda/mu. */
function erlangC(c: number, a: number): number {
  const rho = a / c;
  let term = 1; // a^k / k!
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term = (term * a) / (k + 1);
  }
  const top = term / (1 - rho); // term is now a^c / c!
  return top / (sum + top);
}

const exponential: Distribution = { kind: 'exponential', mean: SERVICE };
const constant: Distribution = { kind: 'constant', value: SERVICE };

function within(actual: number, expected: number, fraction: number): void {
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(fraction);
}

describe('M/M/1 (mu = 1 per ms): T = 1/(mu - lambda)', () => {
  it('rho = 0.5: T = 2 ms within 2%, utilization 0.5', () => {
    const r = simulate(0.5, 1, exponential, 200_000, 1);
    within(r.meanResponse, 1 / (1 - 0.5), 0.02);
    within(r.utilization, 0.5, 0.02);
  });

  it('rho = 0.8: T = 5 ms within 2%, utilization 0.8', () => {
    const r = simulate(0.8, 1, exponential, 1_000_000, 2);
    within(r.meanResponse, 1 / (1 - 0.8), 0.02);
    within(r.utilization, 0.8, 0.02);
  });
});

describe('M/M/2: Erlang C', () => {
  it('rho = 0.7 per core (a = 1.4): T within 2% of C(2, a)/(2mu - lambda) + 1/mu', () => {
    const c = 2;
    const a = 1.4;
    // C(2, 1.4) = (1.96/2)/0.3 / (1 + 1.4 + (1.96/2)/0.3) = 3.2667/5.6667 = 0.57647;
    // T = 0.57647 / (2 - 1.4) + 1 = 1.96078 ms.
    const expected = erlangC(c, a) / (c - a) + 1;
    expect(expected).toBeCloseTo(1.96078, 4);
    const r = simulate(a / c, c, exponential, 300_000, 3);
    within(r.meanResponse, expected, 0.02);
    within(r.utilization, a / c, 0.02);
  });
});

describe('M/D/1: Pollaczek-Khinchine', () => {
  it('rho = 0.8, constant 1 ms service: T = rho/(2mu(1-rho)) + 1/mu = 3 ms within 2%', () => {
    const rho = 0.8;
    const expected = rho / (2 * (1 - rho)) + 1;
    const r = simulate(rho, 1, constant, 300_000, 4);
    within(r.meanResponse, expected, 0.02);
    within(r.utilization, rho, 0.02);
  });
});
