// Fidelity of our FTP messages (RFC 959) against tshark: a scripted control connection on port 21
// and, after the 227 reply, a data connection to the passive port that tshark must see as FTP-DATA.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  encodeFtpCommand,
  encodeFtpReply,
  encodeList,
  ftpReply,
  pasvReply,
  pwdReply,
} from '../../src/net/app/ftp/ftpMessages.ts';
import type { FtpReply } from '../../src/net/app/ftp/ftpMessages.ts';
import { FlowScript } from '../../src/net/app/scriptedFlow.ts';
import { writePcap } from '../../src/net/capture/pcapWriter.ts';
import { encodePacket } from '../../src/net/wire/packetCodec.ts';
import { expectClean, fields } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-ftp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLIENT = 0x0a000002; // 10.0.0.2
const SERVER = 0x0a000001; // 10.0.0.1
const PASSIVE_PORT = 50_000;
const LISTING = encodeList([
  { name: 'pub', size: 4096, directory: true, modifiedMs: Date.UTC(2024, 2, 1, 12, 0) },
  { name: 'notes.txt', size: 1234, modifiedMs: Date.UTC(2024, 2, 2, 8, 30) },
]);

const script = new FlowScript(0, 1_000_000);
const control = script.tcp({ address: CLIENT, port: 49152 }, { address: SERVER, port: 21 }).open();
const command = (verb: string, argument = '') =>
  control.send('client', encodeFtpCommand({ verb, argument }));
const reply = (r: FtpReply) => control.send('server', encodeFtpReply(r));

reply({ code: 220, lines: ['Welcome to the', 'Handshake FTP server'] }); // multi-line
command('USER', 'ada');
reply(ftpReply(331));
command('PASS', 'lovelace');
reply(ftpReply(230));
command('PWD');
reply(pwdReply('/home/ada'));
command('TYPE', 'A');
reply(ftpReply(200, 'Switching to ASCII mode.'));
command('PASV');
reply(pasvReply(SERVER, PASSIVE_PORT));
const data = script.tcp(
  { address: CLIENT, port: 49153 },
  { address: SERVER, port: PASSIVE_PORT },
  7000,
  9000,
);
data.open();
command('LIST');
reply(ftpReply(150, 'Here comes the directory listing.'));
data.send('server', LISTING).close('server');
reply(ftpReply(226, 'Directory send OK.'));
command('QUIT');
reply(ftpReply(221));
control.close('server');

const file = join(dir, 'ftp.pcap');
const records = script.frames.map(({ timeNs, packet }) => ({
  timeNs,
  bytes: encodePacket(packet),
}));
writeFileSync(file, writePcap(records, { epochSeconds: 1_700_000_000 }));

describe('tshark on an FTP session with a passive-mode LIST', () => {
  const rows = fields(
    file,
    'frame.protocols tcp.srcport tcp.len ftp.request.command ftp.request.arg ftp.response.code ftp.passive.ip ftp.passive.port ftp.current-working-directory',
  );

  it('finds no malformed packet and no expert warning or error', () => {
    expectClean(file);
  });

  it('reads every command with its argument, and every reply code', () => {
    const commands = rows.filter((r) => r['ftp.request.command'] !== '');
    expect(commands.map((r) => [r['ftp.request.command'], r['ftp.request.arg']])).toEqual([
      ['USER', 'ada'],
      ['PASS', 'lovelace'],
      ['PWD', ''],
      ['TYPE', 'A'],
      ['PASV', ''],
      ['LIST', ''],
      ['QUIT', ''],
    ]);
    const codes = rows
      .filter((r) => r['ftp.response.code'] !== '')
      .map((r) => r['ftp.response.code']);
    expect(codes).toEqual(['220', '331', '230', '257', '200', '227', '150', '226', '221']);
  });

  it('reads the passive address and port out of the 227 reply (RFC 959 section 4.1.2)', () => {
    const pasv = rows.find((r) => r['ftp.response.code'] === '227');
    expect([pasv?.['ftp.passive.ip'], pasv?.['ftp.passive.port']]).toEqual(['10.0.0.1', '50000']);
  });

  it('dissects the listing on the passive port as FTP-DATA', () => {
    const listing = rows.filter(
      (r) => r['tcp.srcport'] === String(PASSIVE_PORT) && r['tcp.len'] !== '0',
    );
    expect(listing).toHaveLength(1);
    expect(listing[0]?.['frame.protocols']).toMatch(/:ftp-data/);
    expect(listing[0]?.['tcp.len']).toBe(String(LISTING.length));
  });
});
