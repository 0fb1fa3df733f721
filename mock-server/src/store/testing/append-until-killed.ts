import { openSqliteStore } from '../sqlite.ts';
import type { JournalInput } from '../types.ts';

/**
 * Child process of the durability test: opens the store at argv[2], appends `argv[3]` journal rows, prints
 * "written <n>", then keeps appending and printing "ack <id>" after each append returns, until it is killed.
 * stdout to a pipe is synchronous on Linux, so every id the parent reads was acknowledged before the kill.
 */
const file = process.argv[2];
const first = Number(process.argv[3] ?? 500);
if (!file) throw new Error('usage: append-until-killed.ts <sqlite file> [rows before "written"]');

const store = openSqliteStore(file);
const row = (i: number): JournalInput => ({
  tenant: 'durable',
  at: new Date(Date.UTC(2025, 5, 30, 8, 0, 0, i)).toISOString(),
  asOf: '2025-06-30',
  organisation: '0212344876',
  userId: null,
  username: 'mw.gent',
  role: 'social-worker',
  flow: 'durability',
  operation: 'append',
  face: 'json',
  insz: null,
  legalContext: null,
  registrationId: null,
  outcome: 'MSG00000',
  ok: true,
  latencyMs: 1,
  request: `row ${i}`,
});

let last = 0;
for (let i = 0; i < first; i++) last = store.journal.append(row(i));
process.stdout.write(`written ${last}\n`);
// A cap, so a test that forgets to kill us does not leave a process writing forever.
const deadline = Date.now() + 30_000;
for (let i = first; Date.now() < deadline; i++) {
  const id = store.journal.append(row(i));
  process.stdout.write(`ack ${id}\n`);
}
store.close();
