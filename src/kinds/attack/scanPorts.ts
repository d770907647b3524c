// The ports a scan probes, written as nmap's -p option writes them: single ports and ranges
// separated by commas ("22,80,443", "1-1024", "20-25,80,8000-8100"). Probed in ascending order,
// each once; nmap shuffles them, which changes nothing a run's figures say.

/** The text of a port list: numbers and ranges separated by commas. */
export const PORT_LIST_PATTERN = /^\d{1,5}(?:-\d{1,5})?(?:,\d{1,5}(?:-\d{1,5})?)*$/;

/** The ports `text` names, ascending and each once; or the first part that is not a port or range. */
export function parsePortList(
  text: string,
): { ok: true; ports: number[] } | { ok: false; part: string } {
  const ports = new Set<number>();
  for (const part of text.split(',')) {
    const [first, last = first] = part.split('-').map(Number) as [number, number?];
    if (!(first >= 1 && last <= 65_535 && first <= last)) return { ok: false, part };
    for (let port = first; port <= last; port++) ports.add(port);
  }
  return { ok: true, ports: [...ports].sort((a, b) => a - b) };
}

/** Ports as ranges again, for people: [21, 22, 23, 80] gives "21-23,80". */
export function formatPortList(ports: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ports.length;) {
    let j = i;
    while (j + 1 < ports.length && (ports[j + 1] as number) === (ports[j] as number) + 1) j++;
    parts.push(i === j ? `${ports[i]}` : `${ports[i]}-${ports[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
