// `handshake pcap TRACE.jsonl LINK_ID=OUT.pcap|NODE:IFACE=OUT.pcap...`: captures from a trace file
// that `run --trace` wrote, read line by line (never whole), written frame by frame: the same
// bytes as `run --pcap` gives for the same run, since both feed the same CaptureTap.

import { rmSync } from 'node:fs';
import { parseTraceLine } from '../engine/traceJson.ts';
import { CaptureTap } from '../net/capture/traceCapture.ts';
import type { Command } from './args.ts';
import type { Io } from './main.ts';
import { EXIT } from './exitCodes.ts';
import { ioReason } from './inputText.ts';
import { eachLine, FileError, PcapFile } from './traceFile.ts';

/** Only these lines can make frames; `t` and `type` lead every line, so a prefix test finds them. */
const PACKET_LINE = /^\{"t":[^,]*,"type":"link\.(txBegin|rx)"/;

/** Writes each capture; exit status 0, or 2 for an unreadable trace or an empty capture. */
export function pcapFromTrace(command: Extract<Command, { command: 'pcap' }>, io: Io): number {
  const outputs: { tap: CaptureTap; file: PcapFile; path: string }[] = [];
  const remove = () => {
    for (const { file, path } of outputs) {
      try {
        file.close();
      } catch {
        // removed next
      }
      rmSync(path, { force: true });
    }
  };
  try {
    for (const request of command.pcaps) {
      const file = new PcapFile(request.path);
      outputs.push({ tap: new CaptureTap(request.target), file, path: request.path });
    }
    eachLine(command.file, (line, number) => {
      if (!PACKET_LINE.test(line)) return;
      let record;
      try {
        record = parseTraceLine(line);
      } catch (error) {
        throw new BadLine(`${command.file}:${number}: ${(error as Error).message}`);
      }
      for (const { tap, file } of outputs) {
        const frame = tap.frameOf(record);
        if (frame) file.add(frame);
      }
    });
    for (const { file } of outputs) file.close();
  } catch (error) {
    remove();
    if (error instanceof BadLine) {
      io.err(`handshake: ${error.message}`);
      return EXIT.badInput;
    }
    if (!(error instanceof FileError)) throw error;
    const what = error.path === command.file ? 'read the trace' : 'write the capture';
    if (error.code === 'EPIPE') return EXIT.ok; // the reader of standard output went away
    io.err(`${error.path}: cannot ${what}: ${ioReason(error)}`);
    return EXIT.io;
  }
  const empty = outputs.filter(({ tap }) => tap.frames === 0);
  if (empty.length > 0) {
    remove();
    for (const { tap } of empty) io.err(`handshake: ${command.file}: ${tap.error().message}`);
    return EXIT.badInput;
  }
  for (const { tap, path } of outputs) {
    const target = tap.target;
    const name =
      target.kind === 'link' ? `link ${target.link}` : `interface ${target.node}:${target.iface}`;
    io.out(`pcap file  ${path}: ${name}, ${tap.frames} packets`);
  }
  return EXIT.ok;
}

/** A trace line that is not a record. */
class BadLine extends Error {}
