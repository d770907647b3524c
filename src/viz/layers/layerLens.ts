// The layer view as the picture takes it: one object that labels and dims each packet dot and
// fills each node card at the chosen layer. The picture's components take it as an optional
// prop, so an embed that never offers the layer view carries none of this code. Also which of
// the packet inspector's dissected layers belongs to which layer.

import type { Language } from '../../engine/language.ts';
import { isIpPacket, type Frame } from '../../net/wire/frame.ts';
import type { Packet } from '../../net/wire/packet.ts';
import type { Scenario, ScenarioNode } from '../../sim/index.ts';
import { segmentIsns, type isnIndex } from '../packet/index.ts';
import type { PacketLayer } from '../dissect/packetFieldModel.ts';
import type { NetLayer } from './layerChoice.ts';
import { layerCard, layerCardRoom, type LayerCard } from './layerCards.ts';
import { layerDot, type LayerDot, type LayerHop } from './layerDots.ts';
import { layerPhrases } from './layerPhrases.ts';

/** The ISNs of a run's connections (from the packet topic's `isnIndex`). */
export type IsnIndex = ReturnType<typeof isnIndex>;

/** A hop the lens labels: the packet, its size and link, and when it was sent. */
export interface LensHop extends LayerHop {
  txBegin: number;
}

/** What the picture asks of the layer view. */
export interface LayerLens {
  layer: NetLayer;
  dot(hop: LensHop): LayerDot;
  /** The dot's label in words for the list of packets: its label, or what it lacks. */
  text(hop: LensHop): string;
  card(node: ScenarioNode): LayerCard;
  /** The lines a card makes room for (the same at every layer, so nothing moves). */
  room(node: ScenarioNode): number;
}

/** The lens for `layer`; `isns` (for relative sequence numbers) only matters at transport. */
export function layerLens(
  scenario: Pick<Scenario, 'links' | 'nodes'>,
  layer: NetLayer,
  language: Language,
  isns: IsnIndex | null = null,
): LayerLens {
  // A lens is made again when the layer or language changes: the cards are kept for its life.
  const cards = new Map<ScenarioNode, LayerCard>();
  // A hop's dot is asked for every frame it shows: worked out once (an HTTP message is decoded).
  const dots = new WeakMap<LensHop, LayerDot>();
  const rooms = new Map<ScenarioNode, number>();
  return {
    layer,
    dot(hop) {
      let dot = dots.get(hop);
      if (!dot) {
        const isn = isns
          ? (packet: Packet) => segmentIsns(isns, packet, hop.txBegin).sender
          : undefined;
        dots.set(hop, (dot = layerDot(hop, layer, { language, ...(isn ? { isn } : {}) })));
      }
      return dot;
    },
    text(hop) {
      return this.dot(hop).text ?? layerPhrases.in(language).say(`dot.nothing.${layer}`);
    },
    card(node) {
      let card = cards.get(node);
      if (!card) cards.set(node, (card = layerCard(scenario, node, layer, language)));
      return card;
    },
    room(node) {
      let room = rooms.get(node);
      if (room === undefined) rooms.set(node, (room = layerCardRoom(scenario, node)));
      return room;
    },
  };
}

/** The ids of the packet inspector's dissected layers (`ip`, `tcp`, `data`, …). */
export type DissectedLayerId = PacketLayer['id'];

/**
 * The layer a dissected part of `packet` belongs to: Ethernet, LLC, STP and ARP to the link layer, IPv4,
 * ICMP and what an ICMP message carries to the network layer, TCP and UDP to the transport
 * layer, and a segment's or datagram's data to the application layer.
 */
export function dissectedLayerOf(id: DissectedLayerId, frame: Frame): NetLayer {
  switch (id) {
    case 'eth':
    case 'llc':
    case 'stp':
    case 'arp':
      return 'link';
    case 'ip':
    case 'icmp':
    case 'quote':
      return 'network';
    case 'tcp':
    case 'udp':
      return 'transport';
    case 'data': {
      if (!isIpPacket(frame)) return 'link';
      const kind = frame.transport.kind;
      return kind === 'tcp' || kind === 'udp' ? 'application' : 'network';
    }
  }
}
