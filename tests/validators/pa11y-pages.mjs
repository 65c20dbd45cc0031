// pa11y over many pages in one Debian Chromium (never a downloaded one).
//
//   node tests/validators/pa11y-pages.mjs URL...
//
// Prints one JSON object: {"standard": ..., "pages": [{"url", "issues": [...], "outside": [...]}]}.
// Only errors are reported (warnings and notices are left out). "outside" lists any request the page
// made to an address that is not the page's own server (the proxy below makes them fail anyway).
//
// Standard: HTML_CodeSniffer's "WCAG2AA", the highest AA standard pa11y 9 and its runner accept
// (pa11y.allowedStandards is WCAG2A, WCAG2AA, WCAG2AAA). Its sniffs cover the WCAG 2.0 and 2.1 A
// and AA success criteria; HTML_CodeSniffer has no WCAG 2.2 sniffs, so the 2.2 additions (such as
// 2.5.8 target size) are checked by axe-core in test_accessibility.py instead.
import pa11y from "pa11y";
import puppeteer from "puppeteer";

export const STANDARD = "WCAG2AA";
const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error("usage: node pa11y-pages.mjs URL...");
  process.exit(2);
}

const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  // The same switches as the Playwright tests (tests/helpers.py CHROMIUM_ARGS), among them a closed
  // proxy, so no request can leave the machine.
  args: JSON.parse(process.env.CHROMIUM_ARGS || '["--no-sandbox", "--proxy-server=http://127.0.0.1:9"]'),
});

const pages = [];
try {
  for (const url of urls) {
    const origin = new URL(url).origin;
    const page = await browser.newPage();
    const outside = [];
    page.on("request", (request) => {
      const address = request.url();
      if (!address.startsWith(origin) && !/^(data|blob):/.test(address)) outside.push(address);
    });
    const result = await pa11y(url, {
      browser,
      page,
      standard: STANDARD,
      runners: ["htmlcs"],
      includeWarnings: false,
      includeNotices: false,
      timeout: 60000,
    });
    await page.close();
    pages.push({
      url,
      issues: result.issues.filter((issue) => issue.type === "error"),
      outside,
    });
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({standard: STANDARD, pages}, null, 1) + "\n");
