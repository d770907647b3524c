// The page-error collector's one exception: Chromium's own favicon fetch, cancelled by a
// navigation, is not the page's failure; any other failed request still is.
import { describe, expect, it } from 'vitest';
import { isBrowserFaviconAbort } from './browser';

describe('isBrowserFaviconAbort', () => {
  it('forgives only an aborted favicon fetch', () => {
    expect(isBrowserFaviconAbort('http://127.0.0.1:45763/favicon.svg', 'net::ERR_ABORTED')).toBe(
      true,
    );
    expect(
      isBrowserFaviconAbort('http://127.0.0.1:45763/base/favicon.svg', 'net::ERR_ABORTED'),
    ).toBe(true);
  });
  it('still reports a favicon that failed for another reason, and any other aborted request', () => {
    expect(
      isBrowserFaviconAbort('http://127.0.0.1:1/favicon.svg', 'net::ERR_CONNECTION_REFUSED'),
    ).toBe(false);
    expect(
      isBrowserFaviconAbort('http://127.0.0.1:1/simulations/ping.json', 'net::ERR_ABORTED'),
    ).toBe(false);
  });
});
