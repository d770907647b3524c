// The lesson player's encapsulation step without a page: lesson 2's step names the first packet
// the router sent on; "Run to the packet" runs the scenario, shows that moment, selects the
// packet and opens the quiz on it; the step is done when the quiz is, with its score in the history.
import { startRun } from './worker/simClient.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario } from '../sim/index.ts';
import { startLesson } from '../lessons/index.ts';
import { HandshakeApp } from './appState.svelte.ts';
import { LessonPlayer } from './lessonPlayer.svelte.ts';
import { carriesIp } from '../net/link/linkRecords.ts';

const KEY = '02-addresses-ports-sockets';

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('the encapsulation step in the player', () => {
  it('runs to the packet, opens the quiz on it, and is done with the quiz', async () => {
    const app = new HandshakeApp({ runner: startRun });
    const player = new LessonPlayer(app);
    player.start(KEY);
    const lesson = player.open;
    if (!lesson) throw new Error(`lesson ${KEY} did not open`);
    const at = lesson.lesson.steps.findIndex((s) => s.kind === 'encapsulation');
    player.progress = { ...startLesson(KEY, lesson.lesson), current: at };

    // The router's first IP packet (its first frames are ARP), found here in the core's own run
    // of the example: the laptop's ping, sent on at 10.55608 ms. The laptop's ARP exchange with
    // the router (64-byte frames, 512 ns at 1 Gbit/s, 50 + 100 us each way) ends at 302.048 us;
    // the ping (a 102-byte frame, 816 ns) reaches the router at 453.68 us; the router asks for the
    // server's MAC on the 10 Mbit/s, 5 ms line: 2 × (51.2 us + 5 ms) = 10.1024 ms.
    const parsed = parseScenarioText(readFileSync('simulations/two-subnets.json', 'utf8'));
    if (!parsed.ok) throw new Error('invalid example');
    const first = runScenario(parsed.scenario).simulation.sim.trace.records.find(
      (r) => r.type === 'link.txBegin' && r.node === 'router' && carriesIp(r),
    );
    if (first?.type !== 'link.txBegin') throw new Error('the router sent nothing');
    expect(first.t).toBe(10_556_080);

    player.playToMoment();
    await until(() => app.live?.status === 'done');
    player.whenRun();
    expect(player.quizPacket).toEqual({ t: first.t, pkt: first.pkt, link: 'l-servers' });
    expect(app.selection).toEqual({ kind: 'packet', pkt: first.pkt, link: 'l-servers' });
    expect(app.player.playback.time).toBe(first.t);
    expect(player.message).toContain(`packet #${first.pkt}`);
    expect(player.progress?.steps[at]?.done).toBe(false);

    player.quizFinished({ right: 6, asked: 7 });
    expect(player.progress?.steps[at]?.done).toBe(true);
    const answered = player.progress?.history?.find((e) => e.what === 'answered');
    expect(answered).toMatchObject({ step: at, response: '6 of 7 right', success: false });
  });
});
