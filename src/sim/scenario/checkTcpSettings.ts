// The checks of a node's TCP settings that no single field can make: the RTO bounds in order
// (minRto <= maxRto, and a set initialRto between them), buffers that hold a full segment, and
// the optional features' own (tcpOptionSchemas.ts).
// Each field alone (its type, RFC 6298 2.5's 60 s floor under maxRto) is the schema's.

import { formatDuration } from '../../engine/time.ts';
import { DEFAULT_TCP_CONFIG } from '../../machines/tcp/tcpConfig.ts';
import type { ValidationIssue } from '../schema/schema.ts';
import { phrase, phrased, type Phrase } from '../schema/phrase.ts';
import type { TcpSettings } from './scenarioSchema.ts';
import { checkTcpOptionSettings } from './tcpOptionSchemas.ts';

type Field = 'initialRto' | 'minRto' | 'maxRto' | 'mss' | 'receiveWindow' | 'sendBuffer';

/**
 * Appends a problem for each impossible combination of `settings` (a node's `tcp`, at `path`),
 * each at the field the document set (the other one named with its default when unset).
 */
export function checkTcpSettings(
  settings: TcpSettings | undefined,
  path: string,
  issues: ValidationIssue[],
): void {
  if (!settings) return;
  const value = (field: Field): number => settings[field] ?? DEFAULT_TCP_CONFIG[field];
  const said = (field: Field, text: Phrase | string): Phrase =>
    phrase(settings[field] === undefined ? 'tcp.settingDefault' : 'tcp.setting', {
      field,
      value: text,
    });
  const time = (field: Field) => said(field, formatDuration(value(field)));
  const bytes = (field: Field) => said(field, phrase('tcp.bytes', { count: `${value(field)}` }));
  /** Reports at `field` if the document set it, else at `other` (which it must have set). */
  const at = (field: Field, other: Field) =>
    `${path}.${settings[field] !== undefined ? field : other}`;

  const [min, initial, max] = [value('minRto'), value('initialRto'), value('maxRto')];
  if (min > max) {
    issues.push(
      phrased(
        at('minRto', 'maxRto'),
        phrase('tcp.minAboveMax', { min: time('minRto'), max: time('maxRto') }),
      ),
    );
  } else if (settings.initialRto !== undefined && (initial < min || initial > max)) {
    // Unset, the first RTO is 1 s moved into [minRto, maxRto], as RFC 6298 (2.4) rounds up.
    const bound = initial < min ? 'minRto' : 'maxRto';
    issues.push(
      phrased(
        `${path}.initialRto`,
        phrase(initial < min ? 'tcp.initialBelow' : 'tcp.initialAbove', {
          initial: time('initialRto'),
          bound: time(bound),
        }),
      ),
    );
  }
  const mss = value('mss');
  for (const buffer of ['receiveWindow', 'sendBuffer'] as const) {
    if (value(buffer) >= mss) continue;
    issues.push(
      phrased(
        at(buffer, 'mss'),
        phrase('tcp.bufferBelowMss', { buffer: bytes(buffer), mss: bytes('mss') }),
      ),
    );
  }
  checkTcpOptionSettings(settings, path, issues);
}
