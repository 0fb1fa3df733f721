import { describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite.ts';

describe('flow state in the store', () => {
  it('keeps JSON values per tenant and flow, lists by prefix, copies and clears', () => {
    const store = openSqliteStore(':memory:');
    store.flowState.put('a', 'mediprima', 'card/1', { status: 'open' }, '2025-06-30T10:00:00Z');
    store.flowState.put('a', 'mediprima', 'card/2', { status: 'closed' }, '2025-06-30T10:00:00Z');
    store.flowState.put('a', 'esv', 'card/9', { other: true }, '2025-06-30T10:00:00Z');
    store.flowState.put('a', 'mediprima', 'card/1', { status: 'stopped' }, '2025-06-30T11:00:00Z');
    expect(store.flowState.get('a', 'mediprima', 'card/1')).toEqual({ status: 'stopped' });
    expect(store.flowState.list('a', 'mediprima', 'card/').map((r) => r.key)).toEqual(['card/1', 'card/2']);
    expect(store.flowState.get('b', 'mediprima', 'card/1')).toBeUndefined();
    store.flowState.copy('a', 'b');
    expect(store.flowState.list('b', 'mediprima')).toHaveLength(2);
    store.flowState.clear('a');
    expect(store.flowState.list('a', 'mediprima')).toEqual([]);
    expect(store.flowState.list('b', 'esv')).toHaveLength(1);
  });
});
