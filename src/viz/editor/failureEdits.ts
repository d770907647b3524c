// The editor's failures at a moment (issue 17): the timed events that crash or restart a node,
// take an interface down or up, or change a link's bandwidth, latency or loss, as the actions
// panel adds them (AddEvent, eventEdits.ts); a link change's form read with a message naming the
// field that is wrong. The document's validator has the last word.

import { parseDuration } from '../../engine/time.ts';
import { parseBitRate } from '../../sim/schema/units.ts';
import { documentTime, readActionTime } from './eventEdits.ts';
import type { Json } from './documentEdits.ts';

/** A node crashing or restarting at `at` ns. */
export function nodeEvent(type: 'nodeCrash' | 'nodeRestart', node: string, at: number): Json {
  return { at: documentTime(at), type, node };
}

/** A node's interface taken down or brought back up at `at` ns. */
export function interfaceEvent(
  type: 'interfaceDown' | 'interfaceUp',
  node: string,
  iface: string,
  at: number,
): Json {
  return { at: documentTime(at), type, node, interface: iface };
}

/** What the learner typed to change a link (all text; an empty field stays as it is). */
export interface LinkChangeForm {
  at: string;
  /** Like 2Mbps. */
  bandwidth: string;
  /** Like 40ms. */
  latency: string;
  /** Like 0.05 or 5%. */
  loss: string;
}

/** A field of a link change's form that was refused, and why. */
export interface LinkChangeProblem {
  field: keyof LinkChangeForm;
  message: string;
}

export type LinkChangeResult =
  { ok: true; event: Json; at: number } | { ok: false; problem: LinkChangeProblem };

/** A loss as typed: a fraction (0.05) or a percentage (5%), from 0 up to but not 1. */
function readLoss(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const percent = text.endsWith('%');
  const value = Number((percent ? text.slice(0, -1) : text).trim()) / (percent ? 100 : 1);
  if (text === '' || text === '%' || !Number.isFinite(value) || value < 0 || value >= 1)
    return { ok: false, message: `"${text}" is not a loss: give a fraction like 0.05, or 5%` };
  return { ok: true, value };
}

/** The linkChange event a form describes for link `link`, or the first field it cannot take. */
export function linkChangeFromForm(link: string, form: LinkChangeForm): LinkChangeResult {
  const fail = (field: keyof LinkChangeForm, message: string): LinkChangeResult => ({
    ok: false,
    problem: { field, message },
  });
  const at = readActionTime(form.at);
  if (!at.ok) return fail('at', at.problem.message);
  const event: Record<string, Json> = { at: documentTime(at.ns), type: 'linkChange', link };
  const bandwidth = form.bandwidth.trim();
  if (bandwidth !== '') {
    const rate = parseBitRate(bandwidth);
    if (!rate.ok) return fail('bandwidth', rate.error);
    event.bandwidth = bandwidth.replace(/\s+/g, '');
  }
  const latency = form.latency.trim();
  if (latency !== '') {
    const delay = parseDuration(latency);
    if (!delay.ok) return fail('latency', delay.error);
    event.latency = latency.replace(/\s+/g, '');
  }
  const lossText = form.loss.trim();
  if (lossText !== '') {
    const loss = readLoss(lossText);
    if (!loss.ok) return fail('loss', loss.message);
    event.loss = loss.value;
  }
  if (Object.keys(event).length === 3)
    return fail('bandwidth', 'give a new bandwidth, latency or loss (or several)');
  return { ok: true, event, at: at.ns };
}
