import { expect } from '@open-wc/testing';
import { memoryTokenStore, normalizeRejoinCode, normalizeWorkshopCode, TrainingApi } from '../api/training.ts';
import { settle } from '../testing/dom.ts';
import { fakeFetch, waitFor } from '../testing/fake-fetch.ts';
import { ME, workshopMe } from '../testing/fixtures.ts';
import { formatClock, mePoller } from './workshop.ts';

describe('workshop controller and codes', () => {
  it('formats the time left as mm:ss, rounded up', () => {
    expect(formatClock(754_000)).to.equal('12:34');
    expect(formatClock(753_001)).to.equal('12:34');
    expect(formatClock(59_000)).to.equal('00:59');
    expect(formatClock(0)).to.equal('00:00');
    expect(formatClock(-5)).to.equal('00:00');
    expect(formatClock(125 * 60_000)).to.equal('125:00');
  });

  it('reads codes as the server does: case, spaces and dashes do not matter', () => {
    expect(normalizeWorkshopCode(' k7p4-qx ')).to.equal('K7P4QX');
    expect(normalizeWorkshopCode('k7 p4 qx')).to.equal('K7P4QX');
    expect(normalizeRejoinCode('k7p4 9qxm')).to.equal('K7P4-9QXM');
    expect(normalizeRejoinCode('K7P4-9QXM')).to.equal('K7P4-9QXM');
    expect(normalizeRejoinCode('abc')).to.equal('ABC');
  });

  it('polls only for a workshop participant, only while someone listens, and not while the page is hidden', async () => {
    const f = fakeFetch({ 'GET /api/participants/me': { json: workshopMe() } });
    const api = new TrainingApi({ fetch: f.fetch, tokens: memoryTokenStore('tok-ws') });
    const poller = mePoller(api);
    poller.intervalMs = 50;
    let hidden = false;
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    try {
      const stop = poller.subscribe(() => {}, true);
      await waitFor(() => f.calls.length >= 3, 'a few polls');
      hidden = true;
      document.dispatchEvent(new Event('visibilitychange'));
      await settle(60);
      const whileHidden = f.calls.length;
      await settle(200);
      expect(f.calls.length, 'no polling while hidden').to.equal(whileHidden);
      hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      await waitFor(() => f.calls.length > whileHidden, 'a poll when shown again');
      stop();
      await settle(60);
      const stopped = f.calls.length;
      await settle(200);
      expect(f.calls.length, 'no polling without listeners').to.equal(stopped);

      // Outside a workshop: read once, no polling.
      f.on('GET /api/participants/me', { json: ME });
      const again = poller.subscribe(() => {}, true);
      await poller.refresh();
      const solo = f.calls.length;
      await settle(200);
      expect(f.calls.length).to.equal(solo);
      again();
    } finally {
      // Back to the document's own (inherited) visibility.
      delete (document as unknown as Record<string, unknown>).visibilityState;
    }
  });
});
