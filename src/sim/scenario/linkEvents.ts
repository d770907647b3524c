// What each of the network's timed events on a link does to the link at its moment: taken down,
// brought back up, or its bandwidth, latency or loss changed. Kept beside the events' schemas
// (networkEventSchemas.ts), so that the builder (build/buildNetwork.ts) schedules any link event
// without naming its type, and a new link event is a schema and a line here.

import type { PointToPointLink } from '../../net/link/pointToPointLink.ts';
import { isNetworkEvent, type NetworkEvent, type ScenarioEvent } from './scenarioSchema.ts';

/** A timed event that happens to a link. */
export type LinkEvent = Extract<NetworkEvent, { link: string }>;

/** Each link event's effect on its link, by type (a link event missing here does not compile). */
const LINK_EVENT_EFFECTS: {
  [T in LinkEvent['type']]: (
    event: Extract<LinkEvent, { type: T }>,
    link: PointToPointLink,
  ) => void;
} = {
  linkDown: (_, link) => link.setUp(false),
  linkUp: (_, link) => link.setUp(true),
  linkChange: ({ bandwidth, latency: delay, loss }, link) =>
    link.change({ bandwidth, delay, loss }),
};

/** Whether a timed event happens to a link (its `link` names which). */
export function isLinkEvent(event: ScenarioEvent): event is LinkEvent {
  return isNetworkEvent(event) && 'link' in event;
}

/** Does to `link` what the link event `event` does at its moment. */
export function applyLinkEvent(event: LinkEvent, link: PointToPointLink): void {
  const effect = LINK_EVENT_EFFECTS[event.type] as (e: LinkEvent, l: PointToPointLink) => void;
  effect(event, link);
}
