/**
 * Puppeteer (used by pa11y) never downloads a browser here: the tests launch Debian's Chromium
 * (/usr/bin/chromium) themselves.
 */
module.exports = {
  skipDownload: true,
  chrome: {skipDownload: true},
  "chrome-headless-shell": {skipDownload: true},
  firefox: {skipDownload: true},
};
