// The node inspector's application statecharts, one per machine rather than one per app: the
// apps and users of a node that run the same machine (five users of a web client, three web
// clients) share one chart, with a list of the instances to pick the one whose state is lit.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { ScenarioNode } from '../../sim/index.ts';
import { appKindName, appTypeOf } from '../names/appNames.ts';
import { appStatechart, machineOfApp } from './machineCharts.ts';
import type { Statechart } from './statechart.ts';
import { statechartPhrases } from './statechartPhrases.ts';

/** One instance of a machine: an app (`http`) or a user of one (`http/u3`), and its state. */
export interface ChartInstance {
  /** Its name in the trace. */
  app: string;
  /** Its name for people: `user u3`, or `http2 user u1` when the chart serves several apps. */
  label: string;
  /** Its state at the time shown (the machine's code name), or null before it starts. */
  state: string | null;
}

/** A machine's chart and every instance of it on a node. */
export interface ChartGroup {
  /** The machine's key (`user`, `pinger`). */
  key: string;
  /**
   * What runs it, for people: `Web client http`, `Web client http, http2 and http3`, `Web client
   * http and Database client service`.
   */
  title: string;
  chart: Statechart;
  instances: ChartInstance[];
}

/** The first part of a trace name: the app (`http` of `http/u3`). */
const appOf = (name: string) => (name.includes('/') ? name.slice(0, name.indexOf('/')) : name);

/** `a`, `a and b`, `a, b and c` (German `a, b und c`). */
function listed(words: string[], language: Language): string {
  if (words.length <= 1) return words.join('');
  return statechartPhrases
    .in(language)
    .say('group.list', { list: words.slice(0, -1).join(', '), last: words.at(-1) ?? '' });
}

/** The apps of `node` in states at the time shown, grouped by the machine they run. */
export function chartGroups(
  node: ScenarioNode,
  apps: readonly { app: string; state: string | null }[],
  language: Language = ENGLISH,
): ChartGroup[] {
  const { say } = statechartPhrases.in(language);
  const groups = new Map<string, { chart: Statechart; members: typeof apps }>();
  for (const a of apps) {
    const machine = machineOfApp(node, a.app);
    const chart = appStatechart(node, a.app, language);
    if (!machine || !chart) continue;
    const group = groups.get(machine.key) ?? { chart, members: [] };
    groups.set(machine.key, { chart, members: [...group.members, a] });
  }
  return [...groups].map(([key, { chart, members }]) => {
    const names = [...new Set(members.map((m) => appOf(m.app)))];
    const kindOf = (n: string) => appKindName(appTypeOf(node, n), language);
    const kinds = new Set(names.map(kindOf));
    const several = names.length > 1;
    const title =
      kinds.size === 1
        ? `${kindOf(names[0] as string)} ${listed(names, language)}`
        : listed(
            names.map((n) => `${kindOf(n)} ${n}`),
            language,
          );
    const instances = members.map((m) => {
      const user = m.app.includes('/')
        ? say('group.user', { user: m.app.slice(m.app.indexOf('/') + 1) })
        : '';
      const label = user === '' ? appOf(m.app) : several ? `${appOf(m.app)} ${user}` : user;
      return { app: m.app, label, state: m.state };
    });
    return { key, title, chart, instances };
  });
}

/** How many instances are in each state (in the chart's language), most first: `3 thinking, 2 visiting, 1 not started`. */
export function stateCounts(group: ChartGroup, language: Language = ENGLISH): string {
  const { say } = statechartPhrases.in(language);
  const counts = new Map<string, number>();
  for (const i of group.instances) {
    const words =
      i.state === null ? say('counts.notStarted') : (group.chart.graph.names[i.state] ?? i.state);
    counts.set(words, (counts.get(words) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([state, count]) => say('counts.item', { count, state }))
    .join(', ');
}
