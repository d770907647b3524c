// What a "be the machine" step's machine gives the lessons layer (`"kind": "machine"`), in the
// style of the scenario kinds (src/sim/kinds): its name as a step writes it, how its step block is
// read (each problem at the line of its field), how the real component answers each decision,
// what `lesson check` refuses beyond the common checks, and which of the sentences of
// MachineWords are its own. Each machine's descriptor is in its own module (cpuStep.ts,
// routerStep.ts, firewallStep.ts, loadBalancerStep.ts); machineRegistry.ts lists them and
// machineStep.ts dispatches through it, so no other file names a machine.

import type { Language } from '../engine/language.ts';
import type { MachineWords } from './machineWords.ts';

/** At most this many jobs, packets, requests or backends: a step is done by hand in minutes. */
export const MACHINE_MAX_ITEMS = 8;

/**
 * Reports a problem at the `nth` (from 0) line holding `needle` (a key as written, `"policy"`, or
 * a value such as `"P3"`) at or after the line of `after`. Returns null.
 */
export type SayAt = (message: string, needle?: string, after?: string, nth?: number) => null;

/** One choice of a decision: what is picked (`id`) and how it reads. */
export interface MachineChoice {
  id: string;
  label: string;
}

/** One decision a learner takes for the machine. */
export interface MachineDecision {
  /** The machine it is taken for (its `"machine"`). */
  machine: string;
  /** The situation: "At 5 ms the CPU is free.", "A packet for 10.1.2.3 arrives." */
  situation: string;
  choices: MachineChoice[];
  /** The real component's pick. */
  answer: string;
  /** The rule applied, naming the answer. */
  why: string;
}

/** A machine of the "be the machine" step; `S` is its step's fields once read. */
export interface MachineKind<S extends { machine: string }> {
  /** The step's `"machine"`. */
  readonly name: S['machine'];
  /** The real component, as `lesson check` names it: "the real load balancer's answers". */
  readonly real: string;
  /**
   * Reads the step's JSON object (its `"machine"` is this one's name); `say` reports each problem
   * at its line; `most` is the most jobs, packets, requests or backends it may have.
   */
  read(step: Record<string, unknown>, say: SayAt, most: number): S | null;
  /**
   * The node of the lesson's scenario the step works on, if it names one: the player selects it,
   * and the scenario document is read only for a step that names one.
   */
  node?(spec: S): string | undefined;
  /**
   * The decisions from the real component (`scenario` is the lesson's scenario document, or null
   * when the step names no node), said in `words`, or why there are none (in `language`).
   */
  decisions(
    spec: S,
    scenario: unknown,
    words: MachineWords,
    language: Language,
  ): MachineDecision[] | string;
  /** Why `lesson check` refuses a step that has decisions (a router with no route), or null. */
  unplayable?(spec: S, scenario: unknown): string | null;
  /** What is said of the last pick when it is right: every decision is taken. */
  finished(words: MachineWords, pick: string, why: string): string;
}

/**
 * Says each key of `step` that is neither `kind` nor one of `keys` (a `name` machine's), at its
 * line; whether there was any.
 */
export function sayUnknownKeys(
  step: Record<string, unknown>,
  name: string,
  keys: readonly string[],
  say: SayAt,
): boolean {
  let bad = false;
  for (const k of Object.keys(step)) {
    if (k === 'kind' || keys.includes(k)) continue;
    say(`unknown key "${k}" for a ${name} machine (expected ${keys.join(', ')})`, `"${k}"`);
    bad = true;
  }
  return bad;
}
