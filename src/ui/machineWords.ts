// The "be the machine" step's sentences in the page's language (src/lessons/machineWords.ts says
// which; its English ones stay for the CLI): each one a message of the catalog. One object per
// language, so the decisions a step memoizes per words (stepDecisions) follow a language change.

import type { MachineWords } from '../lessons/index.ts';
import { locale, t, type Language } from './i18n/locale.svelte.ts';

/** "P2 and P3", "P2, P3 and P4" in the page's language. */
function list(ids: readonly string[]): string {
  return new Intl.ListFormat(locale.language, { style: 'long', type: 'conjunction' }).format(ids);
}

function wordsOfPage(): MachineWords {
  return {
    cpuFree: (at, arrivals) =>
      arrivals.length === 0
        ? t('machine.at.free', { at })
        : t(arrivals.length > 1 ? 'machine.at.freeArriveMany' : 'machine.at.freeArriveOne', {
            at,
            arrivals: list(arrivals),
          }),
    cpuQuantum: (at, arrivals, held) =>
      arrivals.length === 0
        ? t('machine.at.quantum', { at, held })
        : t(arrivals.length > 1 ? 'machine.at.quantumArriveMany' : 'machine.at.quantumArriveOne', {
            at,
            held,
            arrivals: list(arrivals),
          }),
    cpuArrival: (at, arrivals, held, left) =>
      arrivals.length === 0
        ? t('machine.at.arrivalSome', { at, held, left })
        : t(arrivals.length > 1 ? 'machine.at.arrivalMany' : 'machine.at.arrivalOne', {
            at,
            held,
            left,
            arrivals: list(arrivals),
          }),
    cpuChoice: (id, needs, running, priority) => {
      const choice = t(running ? 'machine.choiceRunning' : 'machine.choice', { id, needs });
      return priority === null ? choice : t('machine.choicePriority', { choice, priority });
    },
    cpuRule: (policy, pick, afterQuantum) => {
      const facts = { id: pick.id };
      switch (policy) {
        case 'fcfs':
          return t('machine.rule.fcfs', { ...facts, arrived: pick.arrived });
        case 'sjf':
          return t('machine.rule.sjf', { ...facts, remaining: pick.remaining });
        case 'srtf':
          return t('machine.rule.srtf', { ...facts, remaining: pick.remaining });
        case 'priority':
          return t('machine.rule.priority', { ...facts, priority: pick.priority });
        case 'priorityPreemptive':
          return t('machine.rule.priorityPreemptive', { ...facts, priority: pick.priority });
        case 'rr': {
          const rule = t('machine.rule.rr', facts);
          return afterQuantum ? t('machine.rule.rrTail', { rule }) : rule;
        }
      }
    },
    cpuTie: (rule, ties, pickRunning) => {
      const many = ties.length > 1;
      const key = pickRunning
        ? many
          ? 'machine.tieRunningMany'
          : 'machine.tieRunningOne'
        : many
          ? 'machine.tieWaitingMany'
          : 'machine.tieWaitingOne';
      return t(key, { rule, ties: ties.join(', ') });
    },
    get cpuIncomplete() {
      return t('machine.cpuIncomplete');
    },
    routerSituation: (destination) => t('machine.packetArrives', { destination }),
    get routerDrop() {
      return t('machine.drop');
    },
    routerNoRoute: (destination) => t('machine.noRoute', { destination }),
    routerMatch: (destination, matches, prefix, iface, via) => {
      const leaves =
        via === null ? t('machine.leaves', { iface }) : t('machine.leavesVia', { iface, via });
      return matches.length > 1
        ? t('machine.matchMany', { destination, matches: matches.join(', '), prefix, leaves })
        : t('machine.matchOnly', { destination, prefix, leaves });
    },
    firewallSituation: (chain, packet, state) => t('machine.fwSituation', { chain, packet, state }),
    firewallChoice: (verdict) =>
      t(
        verdict === 'ACCEPT'
          ? 'machine.fwAccept'
          : verdict === 'DROP'
            ? 'machine.fwDrop'
            : 'machine.fwReject',
      ),
    firewallRule: (n, rule, comment) =>
      comment === null
        ? t('machine.fwRule', { n, rule })
        : t('machine.fwRuleComment', { n, rule, comment }),
    firewallPolicy: (chain, policy) => t('machine.fwPolicy', { chain, policy }),
    firewallReject: (answer) =>
      t(
        answer === 'tcp-reset'
          ? 'machine.fwRejectReset'
          : answer === 'icmp-port-unreachable'
            ? 'machine.fwRejectPort'
            : 'machine.fwRejectAdmin',
      ),
    firewallLogged: (rules) =>
      t(rules.length > 1 ? 'machine.fwLoggedMany' : 'machine.fwLoggedOne', {
        rules: list(rules.map(String)),
      }),
    lbRequest: (n, client) =>
      client === null
        ? t('machine.lbRequest', { n: String(n) })
        : t('machine.lbRequestFrom', { n: String(n), client }),
    lbFinished: (requests) =>
      t(requests.length > 1 ? 'machine.lbFinishedMany' : 'machine.lbFinishedOne', {
        requests: list(requests.map(String)),
      }),
    lbWentDown: (backends) => t('machine.lbWentDown', { backends: list(backends) }),
    lbCameBack: (backends) => t('machine.lbCameBack', { backends: list(backends) }),
    lbChoice: (name, healthy) => (healthy ? name : t('machine.lbDownChoice', { name })),
    get lbNoneChoice() {
      return t('machine.lbNoneChoice');
    },
    get lbNone() {
      return t('machine.lbNone');
    },
    lbRoundRobin: (last, pick) =>
      last === null
        ? t('machine.lbRoundRobinFirst', { pick })
        : t('machine.lbRoundRobin', { last, pick }),
    lbSkipped: (backends) =>
      t(backends.length > 1 ? 'machine.lbSkippedMany' : 'machine.lbSkippedOne', {
        backends: list(backends),
      }),
    // The numbers as digits, as in the sums they come from (no grouping by the page's language).
    lbWeighted: (sums, pick, best, total, after) =>
      t('machine.lbWeighted', {
        sums,
        pick,
        best: String(best),
        total: String(total),
        after: String(after),
      }),
    lbTieFirst: (ties) =>
      t(ties.length > 1 ? 'machine.lbTieFirstMany' : 'machine.lbTieFirstOne', {
        ties: list(ties),
      }),
    lbLeftOut: (backends) =>
      t(backends.length > 1 ? 'machine.lbLeftOutMany' : 'machine.lbLeftOutOne', {
        backends: list(backends),
      }),
    lbLeast: (loads, weighted) =>
      t(weighted ? 'machine.lbLeastWeighted' : 'machine.lbLeast', { loads }),
    lbFewest: (pick) => t('machine.lbFewest', { pick }),
    lbLeastTie: (tied, pick) => t('machine.lbLeastTie', { tied: list(tied), pick }),
    lbHash: (client, key, whole, chain, hash, total, slot, landed, shares) =>
      t(whole ? 'machine.lbHashWhole' : 'machine.lbHash', {
        client,
        key,
        chain,
        hash: String(hash),
        total: String(total),
        slot: String(slot),
        landed,
        shares,
      }),
    lbRehash: (landed, chain, hash, total, slot, next) =>
      t('machine.lbRehash', {
        landed,
        chain,
        hash: String(hash),
        total: String(total),
        slot: String(slot),
        next,
      }),
    lbHashFallback: (tries, pick) => t('machine.lbHashFallback', { tries, pick }),
    lbHashKeeps: (pick, clients) => t('machine.lbHashKeeps', { pick, clients }),
    wrong: (pick, why) => t('machine.wrong', { pick, why }),
    right: (pick, why) => t('machine.right', { pick, why }),
    cpuRight: (pick, why) => t('machine.rightCpu', { pick, why }),
    routerRight: (pick, why) => t('machine.rightRouter', { pick, why }),
    firewallRight: (pick, why) => t('machine.rightFirewall', { pick, why }),
    lbRight: (pick, why) => t('machine.rightLoadBalancer', { pick, why }),
  };
}

const byLanguage: Partial<Record<Language, MachineWords>> = {};

/**
 * The machine step's words in the page's language (read as state: a caller in a $derived follows
 * a language change). Each object is used only while its language is the page's.
 */
export function machineWords(): MachineWords {
  return (byLanguage[locale.language] ??= wordsOfPage());
}
