// FTP sessions end to end over simulated TCP, checked against RFC 959's reply codes (section 4.2
// and the command-reply sequences of section 5.4): a scripted session's exact transcript, 530
// before login, 550 for a missing file, 500/502 for unknown commands, and STOR then RETR round trips.
import { describe, expect, it } from 'vitest';
import { NS_PER_S } from '../../engine/time.ts';
import { FtpClientSession } from './ftpClientSession.ts';
import { fileBytes } from './ftpFiles.ts';
import type { FtpReply } from '../../net/app/ftp/ftpMessages.ts';
import { buildSimulation } from '../../sim/buildSimulation.ts';
import type { HostNode } from '../../sim/kinds/roleKind.ts';
import { summarise } from '../../sim/runScenario.ts';
import { validateScenario } from '../../sim/scenario/validateScenario.ts';

const SERVER = {
  type: 'ftpServer',
  users: [{ user: 'ada', password: 'lovelace' }],
  files: [
    { name: 'notes.txt', text: 'Notes on the Analytical Engine.\r\n' },
    { name: 'pub/engine.pdf', size: 5000 },
  ],
};

function build(client?: Record<string, unknown>) {
  const result = validateScenario({
    format: 'handshake/scenario@1',
    name: 'ftp test',
    seed: 2,
    nodes: [
      {
        id: 'pc',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
        apps: client ? [{ type: 'ftpClient', server: 'files', ...client }] : [],
      },
      {
        id: 'files',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.21/24' }],
        apps: [SERVER],
      },
    ],
    links: [{ id: 'l', a: 'pc', b: 'files', latency: '5ms', bandwidth: '10Mbps' }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return buildSimulation(result.scenario);
}

/** The client's view of the control connection: "> VERB arg" and "< code". */
function transcript(simulation: ReturnType<typeof build>): string[] {
  return simulation.sim.trace.records.flatMap((r) =>
    r.type === 'ftp.command'
      ? [`> ${r.verb}${r.arg ? ` ${r.arg}` : ''}`]
      : r.type === 'ftp.reply'
        ? [`< ${r.code}`]
        : [],
  );
}

/** A bare session on pc, driven by hand. */
function manual() {
  const simulation = build();
  const host = simulation.nodes.get('pc') as HostNode;
  const session = new FtpClientSession(simulation.sim, host.tcp, 'pc', 0x0a000015, 21, 'ftp');
  return { simulation, session };
}

describe('an FTP session', () => {
  it('runs a script with RFC 959 reply codes in order', () => {
    const simulation = build({
      user: 'ada',
      password: 'lovelace',
      script: [
        { cmd: 'PWD' },
        { cmd: 'CWD', file: 'pub' },
        { cmd: 'TYPE', arg: 'I' },
        { cmd: 'LIST' },
        { cmd: 'RETR', file: 'engine.pdf' },
        { cmd: 'RETR', file: 'missing.txt' },
        { cmd: 'STOR', file: 'up.bin', size: 20000 },
      ],
    });
    simulation.sim.run({ until: 10 * NS_PER_S });
    // RFC 959 5.4: USER 331 -> PASS 230; PWD 257; CWD 250; TYPE 200; PASV 227; LIST/RETR/STOR
    // 150 then 226; a missing file 550 (no 150); QUIT 221. The connection opens with 220.
    expect(transcript(simulation)).toEqual([
      '< 220',
      '> USER ada',
      '< 331',
      '> PASS lovelace',
      '< 230',
      '> PWD',
      '< 257',
      '> CWD pub',
      '< 250',
      '> TYPE I',
      '< 200',
      '> PASV',
      '< 227',
      '> LIST',
      '< 150',
      '< 226',
      '> PASV',
      '< 227',
      '> RETR engine.pdf',
      '< 150',
      '< 226',
      '> PASV',
      '< 227',
      '> RETR missing.txt',
      '< 550',
      '> PASV',
      '< 227',
      '> STOR up.bin',
      '< 150',
      '< 226',
      '> QUIT',
      '< 221',
    ]);
    const { apps } = summarise(simulation);
    expect(apps.ftpClient?.[0]).toMatchObject({ transfers: 3, bytesUp: 20000, error: null });
    expect(apps.ftpServer?.[0]).toMatchObject({
      sessions: 1,
      logins: 1,
      bytesReceived: 20000,
    });
    const transfers = simulation.sim.trace.records.filter((r) => r.type === 'ftp.transfer');
    expect(transfers.map((r) => [r.verb, r.file, r.bytes, r.direction])).toEqual([
      ['LIST', '', expect.any(Number), 'down'],
      ['RETR', 'engine.pdf', 5000, 'down'],
      ['STOR', 'up.bin', 20000, 'up'],
    ]);
    // Each transfer used its own data connection to a fresh passive port.
    expect(new Set(transfers.map((r) => r.conn)).size).toBe(3);
    const states = simulation.sim.trace.records.flatMap((r) =>
      r.type === 'app.state' && r.node === 'pc' ? [r.state] : [],
    );
    expect(states).toEqual([
      'waiting',
      'connecting',
      'loggingIn',
      'commanding',
      'transferring',
      'commanding',
      'transferring',
      'commanding',
      'transferring',
      'quitting',
      'done',
    ]);
  });

  it('refuses a wrong password with 530 and stops the client', () => {
    const simulation = build({ user: 'ada', password: 'babbage', script: [{ cmd: 'LIST' }] });
    simulation.sim.run({ until: 5 * NS_PER_S });
    expect(transcript(simulation)).toEqual([
      '< 220',
      '> USER ada',
      '< 331',
      '> PASS babbage',
      '< 530',
    ]);
    const { apps } = summarise(simulation);
    expect(apps.ftpClient?.[0]?.error).toBe('login refused (530)');
    expect(apps.ftpServer?.[0]?.failedLogins).toBe(1);
  });

  it('answers 530 before login, 500 for an unknown command and 502 for one not implemented', () => {
    const { simulation, session } = manual();
    const replies: number[] = [];
    const note = (r: FtpReply) => replies.push(r.code);
    session.connect(() => {
      session.command('PWD', '', note);
      session.command('RETR', 'notes.txt', note);
      session.command('XYZZ', '', note);
      session.command('USER', 'ada', note);
      session.command('PASS', 'lovelace', note);
      session.command('PORT', '10,0,0,2,200,10', note);
      session.command('XYZZ', '', note);
    }, note as never);
    simulation.sim.run({ until: 5 * NS_PER_S });
    expect(replies).toEqual([530, 530, 500, 331, 230, 502, 500]);
  });

  it('gives back exactly the bytes stored (STOR then RETR), and 550 for a missing file', () => {
    const { simulation, session } = manual();
    const done: string[] = [];
    const hooks = (name: string, next?: () => void) => ({
      started: () => {},
      done: () => {
        done.push(name);
        next?.();
      },
      failed: (error: string) => done.push(`${name} failed: ${error}`),
    });
    session.connect(
      () =>
        session.login('ada', 'lovelace', () =>
          session.runStep(
            { cmd: 'STOR', file: 'up.bin', size: 20000 },
            hooks('STOR', () =>
              session.runStep(
                { cmd: 'RETR', file: 'up.bin' },
                hooks('RETR', () =>
                  session.runStep({ cmd: 'RETR', file: 'gone.txt' }, hooks('gone')),
                ),
              ),
            ),
          ),
        ),
      (error) => done.push(error),
    );
    simulation.sim.run({ until: 10 * NS_PER_S });
    expect(done).toEqual(['STOR', 'RETR', 'gone']);
    expect(session.downloads.get('up.bin')).toEqual(fileBytes({ size: 20000 }));
    expect(session.downloads.has('gone.txt')).toBe(false);
    expect(simulation.sim.trace.ofType('ftp.reply').filter((r) => r.code === 550)).toHaveLength(1);
  });
});
