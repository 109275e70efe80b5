// CPU time of the parts of a desk bench run, from /proc (Linux): the desk server processes, the PostgreSQL
// cluster and the load generator itself, so a throughput figure comes with where the machine's cores went. On a
// machine where all of them share a few cores, how far a second desk process can raise throughput is bounded by
// how much of the CPU an edit costs outside the desk processes.
import { readFileSync, readdirSync } from 'node:fs';

/** Seconds of CPU (user + system) per part. */
export interface CpuTimes {
  desk: number;
  postgres: number;
  load: number;
}

interface Proc {
  pid: number;
  ppid: number;
  seconds: number;
  cmd: string;
}

const TICKS = 100; // USER_HZ on Linux

function procs(): Proc[] {
  const out: Proc[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // Fields after "(comm)": state ppid … utime(14) stime(15) cutime(16) cstime(17), counted from 1 with pid as
      // 1. cutime/cstime hold the children it reaped: a PostgreSQL backend that ended (a pool closing an idle
      // connection) still counts, through the postmaster.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = [11, 12, 13, 14].reduce((t, i) => t + Number(f[i]), 0);
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ');
      out.push({ pid: Number(d), ppid: Number(f[1]), seconds: ticks / TICKS, cmd });
    } catch {
      // The process ended while being read.
    }
  }
  return out;
}

/** Seconds of CPU of the processes `roots` and all their descendants, those that ended and were reaped too. */
function treeSeconds(all: Proc[], roots: Set<number>): number {
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let total = 0;
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      total += c.seconds;
      walk(c.pid);
    }
  };
  for (const p of all) if (roots.has(p.pid)) total += p.seconds;
  for (const r of roots) walk(r);
  return total;
}

/**
 * CPU used so far by the desk processes `deskPids`, the PostgreSQL server listening on `pgPort` (its postmaster
 * and backends; 0 when it is not on this machine) and this process.
 */
export function cpuTimes(deskPids: number[], pgPort: number | null): CpuTimes {
  const all = procs();
  const postmaster = pgPort
    ? all.filter((p) => /postgres/.test(p.cmd) && p.cmd.includes(`-p ${pgPort} `)).map((p) => p.pid)
    : [];
  const own = process.cpuUsage();
  return {
    desk: treeSeconds(all, new Set(deskPids)),
    postgres: treeSeconds(all, new Set(postmaster)),
    load: (own.user + own.system) / 1e6,
  };
}

/** Milliseconds of CPU per edit of each part between two readings. */
export function perEdit(before: CpuTimes, after: CpuTimes, edits: number): CpuTimes {
  const ms = (k: keyof CpuTimes) => (edits ? ((after[k] - before[k]) * 1000) / edits : NaN);
  return { desk: ms('desk'), postgres: ms('postgres'), load: ms('load') };
}
