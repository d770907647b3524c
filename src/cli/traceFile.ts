// The CLI's streamed output and input files: the trace written line by line as a run appends its
// records, pcap captures written frame by frame, and a trace file read back line by line. Each is
// buffered in chunks of about 1 MB through fs.writeSync/readSync, so no file is ever one string.

import { Buffer } from 'node:buffer';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { TraceRecord } from '../engine/trace.ts';
import { STDOUT } from './outputs.ts';
import { traceLineWriter, type TraceLineWriter } from '../engine/traceJson.ts';
import {
  pcapHeader,
  pcapRecordLength,
  writePcapRecord,
  type PcapRecord,
} from '../net/capture/pcapWriter.ts';
import { CAPTURE_LINK_TYPE } from '../net/capture/traceCapture.ts';

/** Bytes (or characters of a trace) gathered before a write. */
export const CHUNK = 1 << 20;

/** A file that could not be opened, written or read; `code` is the errno name (ENOENT, ...). */
export class FileError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`${path}: ${code}`);
  }
}

function fileError(path: string, error: unknown): FileError {
  const code = (error as NodeJS.ErrnoException).code;
  return new FileError(path, code ?? (error instanceof Error ? error.message : String(error)));
}

/** A file opened for writing (created or truncated), written whole with writeSync; "-" is stdout. */
class OutFile {
  private fd: number | undefined;
  private readonly stdout: boolean;

  constructor(readonly path: string) {
    this.stdout = path === STDOUT;
    try {
      this.fd = this.stdout ? 1 : openSync(path, 'w');
    } catch (error) {
      throw fileError(path, error);
    }
  }

  write(bytes: Uint8Array): void {
    if (this.fd === undefined) throw new FileError(this.path, 'EBADF');
    for (let at = 0; at < bytes.length;) {
      try {
        at += writeSync(this.fd, bytes, at);
      } catch (error) {
        // A pipe Node made non-blocking is full: wait for the reader a moment and go on.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') waitMs(1);
        else throw fileError(this.path, error);
      }
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    if (this.stdout) return; // standard output stays open for the rest of the command
    try {
      closeSync(fd);
    } catch (error) {
      throw fileError(this.path, error);
    }
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the thread for `ms` (nothing else can run meanwhile: the writes are synchronous). */
function waitMs(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

/** Node's base64, much faster than the engine's portable one; the same text. */
const nodeBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** A JSON Lines trace file (docs/trace.md) written as records come: `add` is a trace listener. */
export class TraceFile {
  records = 0;
  private readonly file: OutFile;
  private readonly line: TraceLineWriter = traceLineWriter({ base64: nodeBase64 });
  // Lines are encoded straight into the chunk (a string gathered first costs a copy to flatten).
  private readonly chunk = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  constructor(path: string) {
    this.file = new OutFile(path);
  }

  readonly add = (record: TraceRecord): void => {
    this.records++;
    const line = this.line(record);
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    if (this.used + line.length * 3 > CHUNK) {
      this.flush();
      if (line.length * 3 > CHUNK) return this.file.write(Buffer.from(line, 'utf8'));
    }
    this.used += this.chunk.write(line, this.used, 'utf8');
  };

  close(): void {
    this.flush();
    this.file.close();
  }

  private flush(): void {
    if (this.used === 0) return;
    this.file.write(this.chunk.subarray(0, this.used));
    this.used = 0;
  }
}

/** A pcap file (pcapWriter.ts's format, byte for byte `writePcap`) written frame by frame. */
export class PcapFile {
  frames = 0;
  private readonly file: OutFile;
  private readonly buffer = new Uint8Array(CHUNK);
  private used = 0;

  constructor(path: string) {
    this.file = new OutFile(path);
    this.file.write(pcapHeader({ linkType: CAPTURE_LINK_TYPE }));
  }

  add(frame: PcapRecord): void {
    this.frames++;
    const length = pcapRecordLength(frame);
    if (this.used + length > this.buffer.length) this.flush();
    if (length > this.buffer.length) {
      const one = new Uint8Array(length);
      writePcapRecord(one, 0, frame);
      this.file.write(one);
      return;
    }
    this.used += writePcapRecord(this.buffer, this.used, frame);
  }

  close(): void {
    this.flush();
    this.file.close();
  }

  private flush(): void {
    if (this.used === 0) return;
    this.file.write(this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

/**
 * Calls `visit` with each line of a text file (without its "\n"; a last line without one too),
 * reading it in chunks of CHUNK bytes. Throws FileError when it cannot be read.
 */
export function eachLine(path: string, visit: (line: string, number: number) => void): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw fileError(path, error);
  }
  try {
    const chunk = Buffer.alloc(CHUNK);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let number = 0;
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        throw fileError(path, error);
      }
      const text = read > 0 ? rest + decoder.write(chunk.subarray(0, read)) : rest + decoder.end();
      let from = 0;
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', from)) {
        visit(text.slice(from, at), ++number);
        from = at + 1;
      }
      rest = text.slice(from);
      if (read === 0) break;
    }
    if (rest !== '') visit(rest, ++number);
  } finally {
    closeSync(fd);
  }
}
