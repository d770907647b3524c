// What a "be the machine" step's machine gives the player (MachineStep.svelte), beside what it
// gives the lessons layer (src/lessons/machineKind.ts): the inputs drawn above the decisions (a
// job table, a routing table, a chain's rules, the backends), anything drawn below the result
// (the CPU's schedule and the comparison of policies), how a taken decision's answer reads, and
// the question its choices answer. Each machine's view is in its own module beside this file;
// machineViewRegistry.ts lists them by the machine's name.

import type { Component } from 'svelte';
import type { MachineSpec, Replay } from '../../lessons/index.ts';

/** What a machine's parts of the step are drawn with. */
export interface MachineViewProps<S extends MachineSpec> {
  /** The step's machine fields, as read. */
  spec: S;
  /** The lesson's scenario document (read only when asked: a step that names a node of it). */
  scenario: () => unknown;
  /** The learner's picks replayed against the decisions; null when the step has none. */
  replay: Replay | null;
}

/** The player's side of a machine. */
export interface MachineView<S extends MachineSpec> {
  /** Drawn first, above the decisions. */
  readonly Inputs: Component<MachineViewProps<S>>;
  /** Drawn after the result, while the step has decisions. */
  readonly Below?: Component<MachineViewProps<S>>;
  /** A taken decision's answer in the list of decisions taken: "P3 runs.", "Out of eth1." */
  answer(answer: string): string;
  /** What the choices of the decision waiting answer: "Which process runs now?" */
  question(): string;
}
