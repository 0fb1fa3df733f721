import { groupCommit } from '../../store/group-commit.ts';
import type { JournalInput, Store } from '../../store/types.ts';

export interface JournalWriter {
  /** Resolves once the row is committed: a reply is sent only after its journal row is durable. */
  append(entry: JournalInput): Promise<void>;
}

/**
 * Group commit for the journal: rows that arrive in the same turn of the event loop are written in one
 * transaction, then every waiting request is released. Under load this turns one WAL write per request into
 * one per batch, and a row is still committed before its reply leaves.
 *
 * @example
 * const journal = createJournalWriter(store);
 * await journal.append(row); // committed
 */
export function createJournalWriter(store: Store): JournalWriter {
  const append = groupCommit((entries: JournalInput[]) => {
    store.journal.appendMany(entries);
    return entries.map(() => undefined);
  });
  return { append };
}
