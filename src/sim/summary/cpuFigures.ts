// The figures of a node's CPU in a run summary, from its ledger (machines/cpu/cpuLedger.ts, a
// fold of its cpu.* records): jobs completed, utilization, the textbook means of completed jobs,
// the longest ready queue, context switches and preemptions.

import type { TraceFold } from '../../engine/traceFold.ts';
import type { CpuConfig } from '../../machines/cpu/cpuConfig.ts';
import { cpuLedger } from '../../machines/cpu/cpuLedger.ts';
import { ms } from './figureMath.ts';

/** What a CPU did over a run. */
export interface CpuFigures {
  node: string;
  cores: number;
  policy: string;
  jobsCompleted: number;
  /** Time running jobs over cores x the run so far, 0..1 (context switches are not busy time). */
  utilization: number;
  avgWaitingNs: number;
  avgResponseNs: number;
  avgTurnaroundNs: number;
  maxReady: number;
  contextSwitches: number;
  preemptions: number;
}

/** Folds the cpu.* records of `node`'s CPU (and sim.end) into its summary figures. */
export function cpuFigures(node: string, config: CpuConfig): TraceFold<CpuFigures> {
  const ledger = cpuLedger(config.cores);
  return {
    types: ledger.types,
    add: (record) => ledger.add(record),
    result() {
      const l = ledger.result();
      const n = l.jobsCompleted;
      return {
        node,
        cores: config.cores,
        policy: config.policy,
        jobsCompleted: n,
        utilization: l.end > 0 ? Number((l.busyNs / (config.cores * l.end)).toFixed(4)) : 0,
        avgWaitingNs: n > 0 ? Math.round(l.sumWaiting / n) : 0,
        avgResponseNs: n > 0 ? Math.round(l.sumResponse / n) : 0,
        avgTurnaroundNs: n > 0 ? Math.round(l.sumTurnaround / n) : 0,
        maxReady: l.maxReady,
        contextSwitches: l.contextSwitches,
        preemptions: l.preemptions,
      };
    },
  };
}

/** `cpu        web (1 core, rr): 12 jobs, utilization 0.4%, ...`. */
export function cpuLines(p: CpuFigures): string[] {
  return [
    `cpu        ${p.node} (${p.cores} core${p.cores === 1 ? '' : 's'}, ${p.policy}): ${p.jobsCompleted} jobs, ` +
      `utilization ${(p.utilization * 100).toFixed(1)}%, mean wait ${ms(p.avgWaitingNs)}, longest run queue ${p.maxReady}`,
  ];
}
