// The files an FTP server offers: a flat store keyed by absolute path ("/pub/notes.txt"), whose
// directories are the prefixes of those paths, with path resolution against a working directory.

import type { FtpListEntry } from '../../net/app/ftp/ftpMessages.ts';

/** A file of a scenario: exact text, or `size` bytes of filler. */
export interface FtpFileSpec {
  name: string;
  size?: number;
  text?: string;
}

const encoder = new TextEncoder();

/** `size` bytes of readable filler ("handshake handshake ..."), so captures show text. */
export function fillerBytes(size: number): Uint8Array {
  const word = encoder.encode('handshake ');
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = word[i % word.length] ?? 0;
  return bytes;
}

/** The bytes of a file spec. */
export function fileBytes(spec: { size?: number; text?: string }): Uint8Array {
  return spec.text !== undefined ? encoder.encode(spec.text) : fillerBytes(spec.size ?? 0);
}

/** `path` made absolute against `cwd`, with "." and ".." resolved ("/" at the top). */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** A server's files. Shared by its sessions: a file stored by one is there for the next. */
export class FtpFileStore {
  private readonly files = new Map<string, Uint8Array>();

  constructor(specs: readonly FtpFileSpec[] = []) {
    for (const spec of specs) this.put(resolvePath('/', spec.name), fileBytes(spec));
  }

  get(path: string): Uint8Array | undefined {
    return this.files.get(path);
  }

  put(path: string, bytes: Uint8Array): void {
    this.files.set(path, bytes);
  }

  /** Whether `path` is a directory: the root, or a prefix of a file's path. */
  isDirectory(path: string): boolean {
    if (path === '/') return true;
    for (const name of this.files.keys()) if (name.startsWith(`${path}/`)) return true;
    return false;
  }

  /** The entries directly in directory `path`, sorted by name. */
  list(path: string): FtpListEntry[] {
    const prefix = path === '/' ? '/' : `${path}/`;
    const entries = new Map<string, FtpListEntry>();
    for (const [name, bytes] of this.files) {
      if (!name.startsWith(prefix)) continue;
      const rest = name.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) entries.set(rest, { name: rest, size: bytes.length });
      else
        entries.set(rest.slice(0, slash), {
          name: rest.slice(0, slash),
          size: 4096,
          directory: true,
        });
    }
    return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
