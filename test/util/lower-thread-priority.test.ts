import { existsSync } from 'node:fs';
import { getPriority } from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { lowerThreadPriority } from '../../src/lib/util/lower-thread-priority.ts';

// Linux only: elsewhere a thread has no priority of its own and the function leaves it (null).
const linux = existsSync('/proc/thread-self');

describe('lowerThreadPriority', () => {
  it.skipIf(!linux)("lowers a worker thread's priority and not the process's", async () => {
    const before = getPriority();
    const reply = await new Promise<{ result: number | null; nice: number }>((resolve, reject) => {
      const w = new Worker(new URL('../fixtures/thread-priority/worker.mjs', import.meta.url));
      w.once('message', resolve);
      w.once('error', reject);
    });
    expect(reply).toEqual({ result: 19, nice: 19 });
    // The main thread (the process's id) keeps its priority.
    expect(getPriority()).toBe(before);
  });

  it.skipIf(!isMainThread)('leaves the main thread alone (its id is the process id: setting it would lower the whole process)', () => {
    const before = getPriority();
    expect(lowerThreadPriority(19)).toBeNull();
    expect(getPriority()).toBe(before);
  });
});
