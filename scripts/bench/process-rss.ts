/** Peak memory of a child process tree: GNU time's report when /usr/bin/time exists, else sampled from /proc. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export const GNU_TIME = '/usr/bin/time';

/** Whether GNU time (with -v and -o) is available. */
export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/** Read "Maximum resident set size (kbytes)" from a `time -v -o` report; undefined when absent. */
export function readGnuTimeMaxRssKiB(reportPath: string): number | undefined {
  if (!existsSync(reportPath)) return undefined;
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(reportPath, 'utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Parent pid of every process, from /proc/<pid>/stat. */
function parentMap(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(entry));
      children.set(parent, list);
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

/** Resident memory (KiB) of a process and all its descendants, summed. */
export function treeRssKiB(rootPid: number): number {
  const children = parentMap();
  let total = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += match?.[1] === undefined ? 0 : Number(match[1]);
    } catch {
      // Gone already.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Sample a process tree's RSS every interval; stop() returns the peak in KiB. */
export function sampleTreeRss(rootPid: number, intervalMs = 200): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssKiB(rootPid));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
