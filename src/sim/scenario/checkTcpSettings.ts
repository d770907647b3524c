// The checks of a node's TCP settings that no single field can make: the RTO bounds in order
// (minRto <= maxRto, and a set initialRto between them), buffers that hold a full segment, and
// the optional features' own (tcpOptionSchemas.ts).
// Each field alone (its type, RFC 6298 2.5's 60 s floor under maxRto) is the schema's.

import { formatDuration } from '../../engine/time.ts';
import { DEFAULT_TCP_CONFIG } from '../../machines/tcp/tcpConfig.ts';
import type { ValidationIssue } from '../schema/schema.ts';
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
  const said = (field: Field, text: string): string =>
    settings[field] === undefined ? `${field} (${text}, the default)` : `${field} (${text})`;
  const time = (field: Field) => said(field, formatDuration(value(field)));
  const bytes = (field: Field) => said(field, `${value(field)} bytes`);
  /** Reports at `field` if the document set it, else at `other` (which it must have set). */
  const at = (field: Field, other: Field) =>
    `${path}.${settings[field] !== undefined ? field : other}`;

  const [min, initial, max] = [value('minRto'), value('initialRto'), value('maxRto')];
  if (min > max) {
    issues.push({
      path: at('minRto', 'maxRto'),
      message: `${time('minRto')} exceeds ${time('maxRto')}: expected minRto <= maxRto, or no RTO lies between them`,
    });
  } else if (settings.initialRto !== undefined && (initial < min || initial > max)) {
    // Unset, the first RTO is 1 s moved into [minRto, maxRto], as RFC 6298 (2.4) rounds up.
    const bound = initial < min ? 'minRto' : 'maxRto';
    issues.push({
      path: `${path}.initialRto`,
      message: `${time('initialRto')} is ${initial < min ? 'below' : 'above'} ${time(bound)}: expected minRto <= initialRto <= maxRto (RFC 6298 bounds every RTO, the first one too)`,
    });
  }
  const mss = value('mss');
  for (const buffer of ['receiveWindow', 'sendBuffer'] as const) {
    if (value(buffer) >= mss) continue;
    issues.push({
      path: at(buffer, 'mss'),
      message: `${bytes(buffer)} is smaller than ${bytes('mss')}: expected a buffer that holds at least one full segment`,
    });
  }
  checkTcpOptionSettings(settings, path, issues);
}
