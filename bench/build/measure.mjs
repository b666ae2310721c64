// Running a build and measuring it: wall time, peak RSS of the whole process tree, the time each
// log line appeared (for per-stage times), and the size of what it wrote.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const pageSize = 4096;
/** Clock ticks per second of the times in /proc (USER_HZ, 100 on Linux). */
const ticks = 100;

/**
 * CPU seconds (user + system) of this process's children that have ended, from /proc/self/stat
 * (cutime, cstime): a build's delta counts every process and thread it ran, whatever else the
 * machine was doing, where wall time depends on how busy the machine is.
 */
function childCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[13]) + Number(rest[14])) / ticks;
  } catch {
    return NaN;
  }
}

/** Resident set size in bytes of a process and all its descendants, read from /proc. */
export function treeRss(rootPid) {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(rest[1]);
      const pid = Number(name);
      rss.set(pid, Number(rest[21]) * pageSize);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(pid);
    } catch {
      // The process ended while we read it.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Runs a command to completion, sampling the RSS of its process tree every 100 ms.
 * @returns seconds, CPU seconds (user + system of every process it ran; NaN off Linux), peak RSS
 * in bytes, exit code, and every output line with the second it appeared.
 */
export function run(command, args, { cwd, env = {} } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const cpuBefore = childCpuSeconds();
    const child = spawn(command, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = [];
    let peak = 0;
    const sample = () => {
      try {
        peak = Math.max(peak, treeRss(child.pid));
      } catch {
        // /proc not readable: peak stays 0 and is reported as unknown.
      }
    };
    const timer = setInterval(sample, 100);
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream.on('data', (chunk) => {
        const at = (performance.now() - started) / 1000;
        buffered += chunk.toString('utf8');
        const parts = buffered.split('\n');
        buffered = parts.pop();
        for (const text of parts) lines.push({ at, text: text.replace(/\x1b\[[0-9;]*m/g, '') });
      });
    }
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, cpu: childCpuSeconds() - cpuBefore, peakRss: peak, code, lines });
    });
  });
}

/** The second at which the first line matching a pattern appeared, or undefined. */
export function lineAt(lines, pattern) {
  return lines.find((l) => pattern.test(l.text))?.at;
}

/** Every file under a folder, with its size. */
export function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out.push({ path: p, bytes: s.size });
    }
  };
  walk(dir);
  return out;
}

/** Total bytes of a build, its HTML, and the mean raw and gzipped size of the SOP pages. */
export function outputSize(dir, sopPage) {
  const all = files(dir);
  const html = all.filter((f) => f.path.endsWith('.html'));
  const pages = html.filter((f) => sopPage.test(f.path));
  const gz = pages.slice(0, 20).map((f) => gzipSync(readFileSync(f.path)).length);
  return {
    bytes: all.reduce((n, f) => n + f.bytes, 0),
    htmlBytes: html.reduce((n, f) => n + f.bytes, 0),
    pdfs: all.filter((f) => f.path.endsWith('.pdf')).length,
    pageBytes: pages.length ? Math.round(pages.reduce((n, f) => n + f.bytes, 0) / pages.length) : 0,
    pageGzip: gz.length ? Math.round(gz.reduce((a, b) => a + b, 0) / gz.length) : 0,
  };
}
