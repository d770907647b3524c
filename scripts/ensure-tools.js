// Run first by `npm test`: checks for the system tools the tests need (Debian's Chromium for the
// end-to-end tests, tshark for pcap fidelity), installs the missing ones as root, else explains.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Each tool: the Debian package that provides it, its commands, and where Debian puts them. */
const TOOLS = [
  { pkg: 'chromium', commands: ['chromium'], preferred: '/usr/bin/chromium' },
  { pkg: 'tshark', commands: ['tshark'], preferred: '/usr/bin/tshark' },
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The tool's path: its usual Debian location, else the first match on PATH; null if none. */
function locate(tool) {
  if (isExecutable(tool.preferred)) return tool.preferred;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const command of tool.commands) {
      const candidate = join(dir, command);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

/** Runs a command with its output streamed to ours; exits with a message if it fails. */
function run(command, args, env = process.env) {
  console.log(`ensure-tools: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit status ${result.status}`;
    console.error(`ensure-tools: \`${command} ${args.join(' ')}\` failed (${why}).`);
    process.exit(1);
  }
}

function report(found) {
  return found.map(({ tool, path }) => `${tool.pkg} ${path ?? 'missing'}`).join(', ');
}

let found = TOOLS.map((tool) => ({ tool, path: locate(tool) }));
const missing = found.filter((f) => f.path === null).map((f) => f.tool.pkg);

if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = (process.env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir && isExecutable(join(dir, 'apt-get')));
  if (!isRoot || !hasApt) {
    console.error(`ensure-tools: missing ${missing.join(' and ')}; the tests need them.`);
    console.error(`Install with: sudo apt-get install -y ${missing.join(' ')}`);
    if (!hasApt) console.error('(apt-get was not found: install the same packages another way.)');
    process.exit(1);
  }
  console.log(`ensure-tools: missing ${missing.join(' and ')}; installing with apt-get as root.`);
  run('apt-get', ['update']);
  // Non-interactive, or tshark's installer stops at a debconf question about capture rights.
  run('apt-get', ['install', '-y', ...missing], {
    ...process.env,
    DEBIAN_FRONTEND: 'noninteractive',
  });
  found = TOOLS.map((tool) => ({ tool, path: locate(tool) }));
  if (found.some((f) => f.path === null)) {
    console.error(`ensure-tools: still missing after apt-get: ${report(found)}`);
    process.exit(1);
  }
}

console.log(`ensure-tools: found ${report(found)}`);
