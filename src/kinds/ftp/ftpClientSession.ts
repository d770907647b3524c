// The plain code under an FTP client: the control connection (commands out, replies matched to
// them in order, preliminary 1xx replies included) and, per LIST/RETR/STOR, a passive data
// connection opened to the address and port of the 227 reply (RFC 959 section 3.2 and 4.1.2).

import type { Simulator } from '../../engine/simulator.ts';
import {
  encodeFtpCommand,
  FtpReplyParser,
  parsePasvReply,
  type FtpReply,
} from '../../net/app/ftp/ftpMessages.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { StreamWriter } from '../../machines/server/streamWriter.ts';
import type { TcpConnection } from '../../machines/tcp/tcpConnection.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import { fileBytes } from './ftpFiles.ts';
import './ftpTrace.ts';

/** One step of a client's script. */
export interface FtpStep {
  cmd: 'LIST' | 'RETR' | 'STOR' | 'PWD' | 'CWD' | 'TYPE' | 'NOOP' | 'SYST';
  /** The file of RETR/STOR, the directory of LIST/CWD. */
  file?: string;
  /** Any other argument (TYPE's "I"). */
  arg?: string;
  /** STOR: bytes of filler to upload, or... */
  size?: number;
  /** ...STOR: the exact text to upload. */
  text?: string;
}

export interface StepHooks {
  /** The 150 reply: data is about to flow. */
  started(): void;
  /** The step is over (whatever its reply code). */
  done(): void;
  failed(error: string): void;
}

type ReplyHandler = (reply: FtpReply) => void;

/** A client's control connection and its transfers. */
export class FtpClientSession {
  /** The bytes of every LIST and RETR, by file ("" for a LIST of the working directory). */
  readonly downloads = new Map<string, Uint8Array>();
  private control: TcpConnection | undefined;
  private writer: StreamWriter | undefined;
  private readonly parser = new FtpReplyParser();
  private readonly waiting: ReplyHandler[] = [];
  private conn = '';
  private onFailed: ((error: string) => void) | undefined;
  private onClosed: (() => void) | undefined;
  private quitting = false;

  constructor(
    private readonly sim: Simulator,
    private readonly tcp: TcpLayer,
    private readonly node: string,
    private readonly server: Ipv4Address,
    private readonly port: number,
    /** The client's name in the trace (`ftp`). */
    private readonly app: string,
  ) {}

  /** Opens the control connection; `ready` runs on the 220 greeting. */
  connect(ready: () => void, failed: (error: string) => void): void {
    this.onFailed = failed;
    const opened = this.tcp.connect(this.server, this.port);
    if (!opened.ok) return failed(opened.error);
    const control = opened.value;
    this.control = control;
    this.conn = `${control.localPort}>${formatIpv4(this.server)}:${this.port}`;
    this.writer = new StreamWriter(control);
    this.waiting.push((reply) => {
      if (reply.code === 220) ready();
      else if (reply.code >= 400) failed(`server not ready (${reply.code})`);
    });
    control.handlers.onData = (bytes) => this.received(bytes);
    control.handlers.onEnd = () => {
      control.close();
      if (this.quitting) this.onClosed?.();
      else this.fail('ECONNRESET');
    };
    control.handlers.onError = (error) => this.fail(error);
  }

  /** Sends a command; `onReply` hears each reply to it (a 1xx first, then the final one). */
  command(verb: string, arg: string, onReply: ReplyHandler): void {
    this.sim.record({
      t: this.sim.now(),
      type: 'ftp.command',
      node: this.node,
      app: this.app,
      conn: this.conn,
      verb,
      arg,
    });
    this.waiting.push(onReply);
    this.writer?.write(encodeFtpCommand({ verb, argument: arg }));
  }

  /** USER then PASS; `done` gets null when logged in (230), else what went wrong. */
  login(user: string, password: string, done: (error: string | null) => void): void {
    this.command('USER', user, (reply) => {
      if (reply.code === 230) return done(null); // no password needed
      if (reply.code !== 331) return done(`USER refused (${reply.code})`);
      this.command('PASS', password, (r) =>
        done(r.code === 230 ? null : `login refused (${r.code})`),
      );
    });
  }

  /** Runs one step of a script. */
  runStep(step: FtpStep, hooks: StepHooks): void {
    const arg = step.file ?? step.arg ?? '';
    if (step.cmd === 'LIST' || step.cmd === 'RETR' || step.cmd === 'STOR') {
      this.command('PASV', '', (reply) => {
        const target = reply.code === 227 ? parsePasvReply(reply.lines.join(' ')) : undefined;
        if (!target) return hooks.done(); // no passive port: the step ends with that reply
        this.transfer(step, arg, target, hooks);
      });
      return;
    }
    this.command(step.cmd, arg, (reply) => {
      if (reply.code >= 200) hooks.done();
    });
  }

  /** QUIT; `closed` runs when the server has closed the control connection after its 221. */
  quit(closed: () => void): void {
    this.quitting = true;
    this.onClosed = closed;
    this.command('QUIT', '', () => {});
  }

  /** Aborts the control connection if it is still open. */
  close(): void {
    if (this.control && this.control.state !== 'CLOSED' && !this.quitting) this.control.abort();
  }

  private transfer(
    step: FtpStep,
    arg: string,
    target: { address: Ipv4Address; port: number },
    hooks: StepHooks,
  ): void {
    const opened = this.tcp.connect(target.address, target.port);
    if (!opened.ok) return hooks.failed(opened.error);
    const data = opened.value;
    const dataConn = `${data.localPort}>${formatIpv4(target.address)}:${target.port}`;
    const down = step.cmd !== 'STOR';
    const upload = down ? new Uint8Array(0) : fileBytes(step);
    const chunks: Uint8Array[] = [];
    let received = 0;
    let dataEnded = !down;
    let finalReply: FtpReply | undefined;
    let finished = false;
    const finish = (): void => {
      if (finished || !finalReply || !dataEnded) return;
      finished = true;
      if (finalReply.code === 226) {
        const bytes = down ? join(chunks, received) : upload;
        if (down) this.downloads.set(arg, bytes);
        this.sim.record({
          t: this.sim.now(),
          type: 'ftp.transfer',
          node: this.node,
          app: this.app,
          conn: dataConn,
          verb: step.cmd,
          file: arg,
          bytes: bytes.length,
          direction: down ? 'down' : 'up',
        });
      } else if (data.state !== 'CLOSED') data.close(); // the server closes its side too
      hooks.done();
    };
    data.handlers.onData = (bytes) => {
      chunks.push(bytes.slice());
      received += bytes.length;
    };
    data.handlers.onEnd = () => {
      data.close();
      dataEnded = true;
      finish();
    };
    // A reset data connection is not the end of the step: the control reply says how it ended.
    let connected = false;
    data.handlers.onError = (error) => {
      if (!connected) return hooks.failed(error);
      dataEnded = true;
      finish();
    };
    data.handlers.onConnect = () => {
      connected = true;
      this.command(step.cmd, arg, (reply) => {
        if (reply.code < 200) {
          hooks.started();
          if (!down) {
            const writer = new StreamWriter(data);
            writer.write(upload);
            writer.end(); // the end of the file is the end of the data connection (RFC 959 3.4)
          }
          return;
        }
        finalReply = reply;
        if (reply.code !== 226) dataEnded = true;
        finish();
      });
    };
  }

  private received(bytes: Uint8Array): void {
    for (const event of this.parser.push(bytes)) {
      if (event.kind === 'error') return this.fail(`bad reply: ${event.reason}`);
      const { reply } = event;
      this.sim.record({
        t: this.sim.now(),
        type: 'ftp.reply',
        node: this.node,
        app: this.app,
        conn: this.conn,
        code: reply.code,
        text: reply.lines.join(' '),
      });
      const handler = this.waiting[0];
      if (reply.code >= 200) this.waiting.shift();
      handler?.(reply);
    }
  }

  private fail(error: string): void {
    const failed = this.onFailed;
    this.onFailed = undefined;
    failed?.(error);
  }
}

function join(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
