// An FTP server (RFC 959) as plain per-session code: the control connection's commands answered
// in order, login, a working directory, and passive-mode data connections (PASV, then one LIST,
// RETR or STOR per data connection). Commands that arrive during a transfer wait for its end.
// No CPU cost per command (unlike the HTTP server): FTP here is about the protocol's exchanges.

import type { Simulator } from '../../engine/simulator.ts';
import type { RandomStream } from '../../engine/random.ts';
import {
  encodeFtpReply,
  encodeList,
  FtpCommandParser,
  ftpReply,
  pasvReply,
  pwdReply,
  type FtpCommand,
  type FtpReply,
} from '../../net/app/ftp/ftpMessages.ts';
import { EPHEMERAL_FIRST, EPHEMERAL_LAST } from '../../net/transport/portTable.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { StreamWriter } from '../../machines/server/streamWriter.ts';
import type { TcpConnection } from '../../machines/tcp/tcpConnection.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import type { TcpListener } from '../../machines/tcp/tcpListener.ts';
import { resolvePath, type FtpFileStore } from './ftpFiles.ts';
import './ftpTrace.ts';

/** A server's settings. */
export interface FtpServerOptions {
  node: string;
  /** Its name in the trace (`ftpd`). */
  app: string;
  port: number;
  users: readonly { user: string; password: string }[];
  files: FtpFileStore;
  /** Where passive data ports are drawn from. */
  passivePorts: RandomStream;
}

/** Commands RFC 959 defines that this server does not carry out (502). */
const NOT_IMPLEMENTED = new Set(
  'ACCT CDUP SMNT REIN PORT STRU MODE STOU APPE ALLO REST RNFR RNTO ABOR DELE RMD MKD NLST SITE STAT HELP EPRT EPSV'.split(
    ' ',
  ),
);
/** Commands allowed before login (RFC 959 section 5.4's sequences start with USER). */
const BEFORE_LOGIN = new Set(['USER', 'PASS', 'QUIT', 'NOOP', 'SYST']);

/** Listens on `options.port` and serves each control connection. */
export function startFtpServer(
  sim: Simulator,
  tcp: TcpLayer,
  options: FtpServerOptions,
): { ok: true } | { ok: false; error: string } {
  const listening = tcp.listen(options.port);
  if (!listening.ok) return { ok: false, error: listening.error };
  const listener = listening.value;
  listener.onConnection = () => {
    for (let c = listener.accept(); c.ok; c = listener.accept()) {
      new FtpServerSession(sim, tcp, options, c.value);
    }
  };
  return { ok: true };
}

type Transfer = (data: TcpConnection) => void;

/** One control connection and its passive data connections. */
class FtpServerSession {
  private readonly writer: StreamWriter;
  private readonly parser = new FtpCommandParser();
  private readonly queue: FtpCommand[] = [];
  private busy = false;
  private user: string | undefined;
  private loggedIn = false;
  private cwd = '/';
  private passive: TcpListener | undefined;
  private dataConnection: TcpConnection | undefined;
  private transfer: Transfer | undefined;
  private quitting = false;
  /** The code of the first reply to the command being carried out. */
  private firstCode: number | null = null;
  /** The client's end of the control connection, `address:port`. */
  private readonly conn: string;

  constructor(
    private readonly sim: Simulator,
    private readonly tcp: TcpLayer,
    private readonly options: FtpServerOptions,
    private readonly control: TcpConnection,
  ) {
    this.conn = `${formatIpv4(control.remoteAddress)}:${control.remotePort}`;
    this.trace({ type: 'ftp.session' });
    this.writer = new StreamWriter(control);
    control.handlers.onData = (bytes) => this.received(bytes);
    control.handlers.onEnd = () => this.end();
    control.handlers.onError = () => this.closePassive();
    this.reply(ftpReply(220, 'Handshake FTP server ready.'));
  }

  private reply(reply: FtpReply): void {
    this.firstCode ??= reply.code;
    this.writer.write(encodeFtpReply(reply));
  }

  /** Records a server record of this session. */
  private trace(
    record:
      | { type: 'ftp.session' }
      | { type: 'ftp.serve'; verb: string; code: number | null }
      | { type: 'ftp.data'; direction: 'sent' | 'received'; bytes: number },
  ): void {
    const { node, app } = this.options;
    this.sim.record({ t: this.sim.now(), node, app, conn: this.conn, ...record });
  }

  private received(bytes: Uint8Array): void {
    for (const event of this.parser.push(bytes)) {
      if (event.kind === 'error') this.queue.push({ verb: '', argument: event.reason });
      else this.queue.push(event.command);
    }
    this.next();
  }

  private next(): void {
    while (!this.busy && !this.quitting && this.queue.length > 0) {
      this.execute(this.queue.shift() as FtpCommand);
    }
  }

  private end(): void {
    this.closePassive();
    this.control.close();
  }

  /** Carries out a command and records it with the code of its first reply. */
  private execute(command: FtpCommand): void {
    this.firstCode = null;
    this.carryOut(command);
    this.trace({ type: 'ftp.serve', verb: command.verb, code: this.firstCode });
  }

  private carryOut({ verb, argument }: FtpCommand): void {
    if (verb === '') return this.reply(ftpReply(500));
    if (!this.loggedIn && !BEFORE_LOGIN.has(verb)) {
      if (NOT_IMPLEMENTED.has(verb) || KNOWN.has(verb))
        return this.reply(ftpReply(530, 'Please login with USER and PASS.'));
      return this.reply(ftpReply(500));
    }
    switch (verb) {
      case 'USER':
        this.user = argument;
        this.loggedIn = false;
        return this.reply(ftpReply(331, 'Please specify the password.'));
      case 'PASS': {
        if (this.user === undefined) return this.reply(ftpReply(503, 'Login with USER first.'));
        const account = this.options.users.find((u) => u.user === this.user);
        if (account && account.password === argument) {
          this.loggedIn = true;
          return this.reply(ftpReply(230, 'Login successful.'));
        }
        this.user = undefined;
        return this.reply(ftpReply(530, 'Login incorrect.'));
      }
      case 'QUIT':
        this.quitting = true;
        this.closePassive();
        this.reply(ftpReply(221, 'Goodbye.'));
        return this.writer.end();
      case 'NOOP':
        return this.reply(ftpReply(200, 'NOOP ok.'));
      case 'SYST':
        return this.reply(ftpReply(215, 'UNIX Type: L8'));
      case 'PWD':
        return this.reply(pwdReply(this.cwd));
      case 'CWD': {
        const path = resolvePath(this.cwd, argument);
        if (!this.options.files.isDirectory(path))
          return this.reply(ftpReply(550, 'Failed to change directory.'));
        this.cwd = path;
        return this.reply(ftpReply(250, 'Directory successfully changed.'));
      }
      case 'TYPE': {
        const type = argument.toUpperCase();
        if (type === 'A' || type === 'A N')
          return this.reply(ftpReply(200, 'Switching to ASCII mode.'));
        if (type === 'I' || type === 'L 8')
          return this.reply(ftpReply(200, 'Switching to Binary mode.'));
        return this.reply(ftpReply(504, 'Bad TYPE command.'));
      }
      case 'PASV':
        return this.enterPassive();
      case 'LIST':
      case 'RETR':
      case 'STOR':
        return this.startTransfer(verb, argument);
      default:
        return this.reply(ftpReply(NOT_IMPLEMENTED.has(verb) ? 502 : 500));
    }
  }

  /** PASV: a new listening port for the next transfer (RFC 959 4.1.2), announced in the 227. */
  private enterPassive(): void {
    this.closePassive();
    const { passivePorts } = this.options;
    for (let tries = 0; tries < 16 && !this.passive; tries++) {
      const opened = this.tcp.listen(passivePorts.integer(EPHEMERAL_FIRST, EPHEMERAL_LAST), 1);
      if (opened.ok) this.passive = opened.value;
    }
    const listener = this.passive;
    if (!listener) return this.reply(ftpReply(425, "Can't open passive connection."));
    listener.onConnection = () => {
      const taken = listener.accept();
      if (!taken.ok) return;
      listener.close(); // one data connection per PASV
      if (this.passive === listener) this.passive = undefined;
      this.dataConnection = taken.value;
      this.startIfReady();
    };
    this.reply(pasvReply(this.control.localAddress, listener.port));
  }

  private closePassive(): void {
    this.passive?.close();
    this.passive = undefined;
  }

  private startTransfer(verb: 'LIST' | 'RETR' | 'STOR', argument: string): void {
    if (!this.passive && !this.dataConnection) return this.reply(ftpReply(425, 'Use PASV first.'));
    const { files } = this.options;
    const path = resolvePath(this.cwd, argument);
    if (verb === 'RETR' && files.get(path) === undefined) {
      this.dropData();
      return this.reply(ftpReply(550, 'Failed to open file.'));
    }
    if (verb === 'LIST' && !files.isDirectory(path)) {
      this.dropData();
      return this.reply(ftpReply(550, 'Failed to list directory.'));
    }
    this.busy = true;
    if (verb === 'STOR') {
      this.reply(ftpReply(150, 'Ok to send data.'));
      this.transfer = (data) => this.receiveFile(data, path);
    } else {
      const bytes =
        verb === 'LIST' ? encodeList(files.list(path)) : (files.get(path) as Uint8Array);
      this.reply(
        ftpReply(
          150,
          verb === 'LIST'
            ? 'Here comes the directory listing.'
            : `Opening BINARY mode data connection for ${argument} (${bytes.length} bytes).`,
        ),
      );
      this.transfer = (data) =>
        this.sendBytes(data, bytes, verb === 'LIST' ? 'Directory send OK.' : 'Transfer complete.');
    }
    this.startIfReady();
  }

  private dropData(): void {
    this.closePassive();
    this.dataConnection?.close();
    this.dataConnection = undefined;
  }

  private startIfReady(): void {
    const data = this.dataConnection;
    const transfer = this.transfer;
    if (!data || !transfer) return;
    this.dataConnection = undefined;
    this.transfer = undefined;
    transfer(data);
  }

  private sendBytes(data: TcpConnection, bytes: Uint8Array, text: string): void {
    const writer = new StreamWriter(data);
    let finished = false;
    const finish = (code: number, reason: string): void => {
      if (finished) return;
      finished = true;
      this.reply(ftpReply(code, reason));
      this.done();
    };
    // 226 once our FIN is acknowledged: every byte reached the client (vsftpd waits for close).
    data.handlers.onAllAcknowledged = () => {
      this.trace({ type: 'ftp.data', direction: 'sent', bytes: bytes.length });
      finish(226, text);
    };
    data.handlers.onError = () => finish(426, 'Connection closed; transfer aborted.');
    writer.write(bytes);
    writer.end();
  }

  private receiveFile(data: TcpConnection, path: string): void {
    const chunks: Uint8Array[] = [];
    let length = 0;
    data.handlers.onData = (bytes) => {
      chunks.push(bytes.slice());
      length += bytes.length;
    };
    data.handlers.onError = () => {
      this.reply(ftpReply(426, 'Connection closed; transfer aborted.'));
      this.done();
    };
    data.handlers.onEnd = () => {
      data.close();
      const file = new Uint8Array(length);
      let at = 0;
      for (const chunk of chunks) {
        file.set(chunk, at);
        at += chunk.length;
      }
      this.options.files.put(path, file);
      this.trace({ type: 'ftp.data', direction: 'received', bytes: length });
      this.reply(ftpReply(226, 'Transfer complete.'));
      this.done();
    };
  }

  private done(): void {
    this.busy = false;
    this.sim.schedule(0, () => this.next());
  }
}

/** The commands this server carries out. */
const KNOWN = new Set(['PWD', 'CWD', 'TYPE', 'PASV', 'LIST', 'RETR', 'STOR']);
