// Search at scale, on a phone (4x CPU; slow 4G for the index's download): how long the index
// takes to arrive and be read (from the first keystroke to the first results), and how long
// each keystroke keeps the page's thread busy after that: its input event until the page has
// done all the work it caused (with the frame that shows the letter, when the browser draws
// it first), and the search worker's answer until the page has shown it (the search itself
// runs in the worker, off the page's thread). The baseline, in the same run: the same
// keystrokes in a plain search field with no script, over the same page, which the browser
// also draws. The queries come from the library's own titles: a word typed letter by letter,
// then a second word's start, and a long word with a typo.
// Usage: node search.mjs <url of a page with the search field> [runs, default 3]
import { emulatePhone, launch, median, searchAndWait } from "./chrome.mjs";

const [url, runs = "3"] = process.argv.slice(2);
const KEY_INTERVAL_MS = 150;

/// Before the page's scripts: times each answer of a worker on the page's thread, from its
/// message event until the work it caused is done (the next task), in `__answers`.
function timeWorkerAnswers() {
  window.__answers = [];
  const handler = Object.getOwnPropertyDescriptor(Worker.prototype, "onmessage");
  Object.defineProperty(Worker.prototype, "onmessage", {
    get() { return handler.get.call(this); },
    set(listener) {
      handler.set.call(this, (event) => {
        const start = performance.now();
        const result = listener(event);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__answers.push(performance.now() - start);
        channel.port2.postMessage(null);
        return result;
      });
    },
  });
}

/// In the page: types `text` letter by letter into the search field, a key every
/// `interval` ms (a quick typist: 150 ms; at 0 the answers pile up and are timed together),
/// and returns how long each keystroke took (the input event, then every microtask it
/// started, until the next task).
function typeTimed([text, interval, plain]) {
  const field = plain ? document.querySelector("#plain-field") : document.querySelector("#site-search-input");
  field.focus();
  // A message to itself: setTimeout would add its 4 ms clamp once calls nest.
  const channel = new MessageChannel();
  const next = () => new Promise((done) => {
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(null);
  });
  return (async () => {
    const times = [];
    for (let length = 1; length <= text.length; length++) {
      field.value = text.slice(0, length);
      const start = performance.now();
      field.dispatchEvent(new Event("input", { bubbles: true }));
      await next();
      times.push([performance.now() - start, text.slice(0, length)]);
      await new Promise((done) => setTimeout(done, interval));
    }
    return times;
  })();
}

/// In the page: the baseline's field, a plain search field with no script, over the page.
function addPlainField() {
  const field = document.createElement("input");
  field.type = "search";
  field.id = "plain-field";
  field.setAttribute("aria-label", "Plain field");
  field.style.cssText = "position: fixed; top: 0; left: 0; z-index: 100; font: inherit";
  document.body.append(field);
}

function queriesFrom(titles) {
  const words = titles.flatMap((t) => t.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length >= 6);
  const picked = words.filter((_, i) => i % Math.max(1, Math.floor(words.length / 8)) === 0).slice(0, 8);
  return picked.flatMap((word, i) => {
    const other = picked[(i + 1) % picked.length];
    const typo = word.slice(0, 2) + (word[2] === "x" ? "z" : "x") + word.slice(3);
    return [`${word} ${other.slice(0, 3)}`, `${typo} `];
  });
}

async function once() {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    // The index's requests reach the host, at the phone's speed: a service worker's own
    // fetches are not slowed by the page's network conditions.
    await page.setBypassServiceWorker(true);
    await emulatePhone(page, { network: true });
    await page.evaluateOnNewDocument(timeWorkerAnswers);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("html[data-app-ready]", { timeout: 60_000 });
    const titles = await page.evaluate(() =>
      fetch("content/library.json").then((r) => r.json()).then((l) => l.articles.map((a) => a.title)));
    const queries = queriesFrom(titles);
    // The index: from the first keystroke until the status names the results.
    const load = await page.evaluate(searchAndWait, [queries[0].split(" ")[0]]);
    const keystrokes = [];
    const answered = await page.evaluate(() => __answers.length);
    for (const query of queries) {
      keystrokes.push(...(await page.evaluate(typeTimed, [query, KEY_INTERVAL_MS, false])));
    }
    const plain = [];
    await page.evaluate(addPlainField);
    for (const query of queries) {
      plain.push(...(await page.evaluate(typeTimed, [query, KEY_INTERVAL_MS, true])));
    }
    // The last answers may still be on their way.
    await page.waitForNetworkIdle({ idleTime: 500 });
    const answers = await page.evaluate((from) => __answers.slice(from), answered);
    return { load, keystrokes, plain, answers, queries: queries.length };
  } finally {
    await browser.close();
  }
}

const results = [];
for (let run = 0; run < Number(runs); run++) results.push(await once());
const spread = (timed) => {
  const times = timed.map(([ms]) => ms).sort((a, b) => a - b);
  const slowest = timed.reduce((a, b) => (b[0] > a[0] ? b : a));
  return { median: median(times), p95: times[Math.floor(times.length * 0.95)], worst: slowest };
};
const ours = spread(results.flatMap((r) => r.keystrokes));
const plain = spread(results.flatMap((r) => r.plain));
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
console.log(`Search on ${url} (4x CPU; slow 4G for the index), ${runs} runs, ` +
  `${results[0].queries} queries, ${results.flatMap((r) => r.keystrokes).length} keystrokes, one every ${KEY_INTERVAL_MS} ms`);
console.log(`index arrives and is read: median ${(median(results.map((r) => r.load)) / 1000).toFixed(2)} s`);
console.log(`a keystroke: median ${ours.median.toFixed(1)} ms, 95th percentile ${ours.p95.toFixed(1)} ms, ` +
  `worst ${ours.worst[0].toFixed(1)} ms, at "${ours.worst[1]}" (target <= 16 ms)`);
console.log(`in a plain field: median ${plain.median.toFixed(1)} ms, 95th percentile ${plain.p95.toFixed(1)} ms, ` +
  `worst ${plain.worst[0].toFixed(1)} ms; ours ${ratio(ours.median, plain.median)}, ` +
  `${ratio(ours.p95, plain.p95)}, ${ratio(ours.worst[0], plain.worst[0])}`);
const answers = results.flatMap((r) => r.answers).sort((a, b) => a - b);
if (answers.length > 0) {
  console.log(`its answer shown: median ${median(answers).toFixed(1)} ms, 95th percentile ` +
    `${answers[Math.floor(answers.length * 0.95)].toFixed(1)} ms, worst ${answers.at(-1).toFixed(1)} ms, ` +
    `${answers.length} answers (target <= 16 ms)`);
}
