/**
 * Group commit: items that arrive in the same turn of the event loop are written by one call of `commit` (one
 * transaction), then every waiting request is released with its own outcome. Under load this turns one WAL write
 * per request into one per batch (of at most `maxBatch`), and an item is still committed before its request goes on.
 *
 * @example
 * const journal = groupCommit((rows: JournalInput[]) => { store.journal.appendMany(rows); return rows.map(() => undefined); });
 * await journal(row); // committed
 */
export function groupCommit<T, R>(commit: (items: T[]) => R[], maxBatch = 32): (item: T) => Promise<R> {
  let queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    try {
      const results = commit(batch.map((b) => b.item));
      for (const [i, b] of batch.entries()) b.resolve(results[i] as R);
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
  };
  return (item) =>
    new Promise((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // A full batch goes now: under a burst the first requests are not held back until the last has arrived.
      if (queue.length >= maxBatch) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
