import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the calling thread's scheduling priority (its nice value), not the process's: the site
 * build's writer threads call it so that Astro's rendering thread, the build's critical path, is
 * not kept waiting by them on a machine of two cores (site-writer-worker.mjs). On Linux a thread
 * has a priority of its own, named by its thread id (/proc/thread-self), and a process it starts
 * takes the thread's priority. Elsewhere (macOS, Windows: no /proc/thread-self), on the main
 * thread (whose id is the process's), or where the OS refuses, nothing changes.
 *
 * @example
 * // in a worker thread on Linux:
 * lowerThreadPriority(19); // => 19 (os.getPriority(the thread's id) is 19; the main thread's is unchanged)
 * @returns the thread's new nice value, or null when it was left as it was
 */
export function lowerThreadPriority(nice: number): number | null {
  let tid: number;
  try {
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return null;
  }
  if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return null;
  try {
    setPriority(tid, nice);
    return nice;
  } catch {
    return null;
  }
}
