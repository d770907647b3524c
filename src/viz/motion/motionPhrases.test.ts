// The moving packets' words in German: the translation is whole; why a dot fell and where a hop
// is come out in German when asked, English by default; the playback controls' speed and clock
// too (decimal comma).
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import type { Hop } from '../trace/index.ts';
import { formatClock, formatExactTime, formatMoment, speedLabel } from '../trace/playback.ts';
import { PLAYBACK_EN } from '../trace/playbackPhrases.ts';
import { PLAYBACK_DE } from '../trace/playbackPhrases.de.ts';
import { MOTION_EN } from './motionPhrases.ts';
import { MOTION_DE } from './motionPhrases.de.ts';
import { dropText, hopStatus, packetDots, type LinkGeometry } from './packetMotion.ts';

const wifi: LinkGeometry = {
  ax: 0,
  ay: 0,
  bx: 100,
  by: 0,
  aNode: 'laptop',
  aIface: undefined,
  bNode: 'server',
  bIface: undefined,
  latency: 20,
};
const hop: Hop = {
  id: 0,
  pkt: 1,
  link: 'wifi',
  fromNode: 'laptop',
  fromIface: 'wlan0',
  toNode: 'server',
  toIface: 'eth0',
  txBegin: 100,
  txEnd: 110,
  rx: 130,
  drop: null,
  bytes: 84,
  packet: null,
  protocol: 'udp',
  retransmit: false,
  duplicate: false,
  visibleUntil: 130,
};

describe('motion and playback phrases', () => {
  it('the German translations are whole', () => {
    expect(translationProblems(MOTION_EN, MOTION_DE)).toEqual([]);
    expect(translationProblems(PLAYBACK_EN, PLAYBACK_DE)).toEqual([]);
  });

  it('says why a dot fell in German', () => {
    expect(dropText('queueFull', true, 'de')).toBe('Warteschlange voll');
    expect(dropText('linkDown', false, 'de')).toBe('Leitung ausgefallen');
    expect(dropText('loss', false, 'de')).toBe('verloren');
    expect(dropText('ttl', true, 'de')).toBe('verworfen');
    expect(dropText('nodeDown', true, 'de')).toBe('Knoten abgestürzt');
    expect(dropText('interfaceDown', true)).toBe('interface down');
    const lost: Hop = { ...hop, rx: null, drop: { t: 120, reason: 'loss', atQueue: false } };
    const links = new Map([['wifi', wifi]]);
    expect(packetDots([lost], 125, links, { language: 'de' })[0]!.dropText).toBe('verloren');
    expect(packetDots([lost], 125, links)[0]!.dropText).toBe('lost');
  });

  it('says where a hop is in German', () => {
    expect([50, 105, 120, 130].map((t) => hopStatus(hop, t, 'de'))).toEqual([
      'noch nicht gesendet',
      'wird gesendet',
      'auf der Leitung',
      'angekommen',
    ]);
    expect(hopStatus(hop, 120)).toBe('on the wire');
  });

  it('writes the speed and the clock the German way', () => {
    expect(speedLabel('max', 'de')).toBe('so schnell wie möglich');
    expect(speedLabel('max')).toBe('as fast as possible');
    expect(speedLabel(0.001, 'de')).toBe('1/1000×');
    expect(formatClock(20_012_445, 'de')).toBe('0,020 012 445 s');
    expect(formatClock(20_012_445)).toBe('0.020 012 445 s');
    expect(formatExactTime(20_012_445, 'de')).toBe('20,012445 ms');
    expect(formatExactTime(1_000_000, 'de')).toBe('1 ms');
    expect(formatMoment(1_500_000, 'de')).toBe('1,5 ms');
    expect(formatMoment(1_500_000)).toBe('1.5 ms');
    expect(formatMoment(0, 'de')).toBe('0 s');
  });
});
