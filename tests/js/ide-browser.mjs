// Drives the GraphiQL page in headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM) with playwright-core.
// Usage: node ide-browser.mjs <page url> <query>
// Every request outside the page's origin is refused and recorded, so a page that needs a CDN fails visibly.
// Prints JSON: { result: text of GraphiQL's response pane, external: [refused URLs], errors: [page errors],
//                schemaLoaded: whether GraphiQL's documentation explorer got the schema by introspection,
//                failure: why the page could not be driven, or null }.
import { chromium } from 'playwright-core';

const [url, query] = process.argv.slice(2);
const origin = new URL(url).origin;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  const external = [];
  const errors = [];
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (new URL(requested).origin === origin) return route.continue();
    external.push(requested);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  const report = { result: null, external, errors, schemaLoaded: false, failure: null };
  try {
    await drive(page, report);
  } catch (e) {
    // Reported, not thrown: the refused URLs and page errors usually say why the IDE did not come up.
    report.failure = e.message;
  }
  process.stdout.write(JSON.stringify(report));
} finally {
  await browser.close();
}

async function drive(page, report) {
  await page.goto(url, { waitUntil: 'load' });
  const editor = '.graphiql-query-editor .CodeMirror';
  await page.waitForSelector(editor, { timeout: 30000 });
  // GraphiQL 3 edits with CodeMirror 5, whose instance hangs off its element.
  await page.evaluate(([selector, text]) => document.querySelector(selector).CodeMirror.setValue(text), [editor, query]);
  await page.click('.graphiql-execute-button');
  const response = '.graphiql-response .CodeMirror';
  await page.waitForFunction(
    (selector) => /"(data|errors)"/.test(document.querySelector(selector)?.CodeMirror.getValue() ?? ''),
    response, { timeout: 30000 });
  report.result = await page.evaluate((selector) => document.querySelector(selector).CodeMirror.getValue(), response);

  // The docs explorer lists the query type's fields once introspection has succeeded.
  await page.click('button[aria-label="Show Documentation Explorer"]');
  report.schemaLoaded = await page.waitForSelector('.graphiql-doc-explorer-content a.graphiql-doc-explorer-type-name', { timeout: 30000 })
    .then(() => true, () => false);
}
