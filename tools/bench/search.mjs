// Search at scale, on a phone (4x CPU; slow 4G for the index's download): how long the index
// takes to arrive and be read (from the first keystroke to the first results), and how long
// each keystroke keeps the page's thread busy after that: its input event until the page has
// done all the work it caused, and the search worker's answer until the page has shown it
// (the search itself runs in the worker, off the page's thread). The queries come from the
// library's own titles: a word typed letter by letter, then a second word's start, and a long
// word with a typo.
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
function typeTimed([text, interval]) {
  const field = document.querySelector("#site-search-input");
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
    await emulatePhone(page, { network: true });
    await page.evaluateOnNewDocument(timeWorkerAnswers);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("html[data-app-ready]", { timeout: 60_000 });
    const titles = await page.evaluate(() =>
      fetch("content/library.json").then((r) => r.json()).then((l) => l.articles.map((a) => a.title)));
    const queries = queriesFrom(titles);
    // The index: from the first keystroke until the status names the results.
    const load = await page.evaluate(searchAndWait, queries[0].split(" ")[0]);
    const keystrokes = [];
    const answered = await page.evaluate(() => __answers.length);
    for (const query of queries) {
      keystrokes.push(...(await page.evaluate(typeTimed, [query, KEY_INTERVAL_MS])));
    }
    // The last answers may still be on their way.
    await page.waitForNetworkIdle({ idleTime: 500 });
    const answers = await page.evaluate((from) => __answers.slice(from), answered);
    return { load, keystrokes, answers, queries: queries.length };
  } finally {
    await browser.close();
  }
}

const results = [];
for (let run = 0; run < Number(runs); run++) results.push(await once());
const timed = results.flatMap((r) => r.keystrokes);
const keystrokes = timed.map(([ms]) => ms);
const slowest = timed.reduce((a, b) => (b[0] > a[0] ? b : a));
const p95 = [...keystrokes].sort((a, b) => a - b)[Math.floor(keystrokes.length * 0.95)];
console.log(`Search on ${url} (4x CPU; slow 4G for the index), ${runs} runs, ` +
  `${results[0].queries} queries, ${keystrokes.length} keystrokes, one every ${KEY_INTERVAL_MS} ms`);
console.log(`index arrives and is read: median ${(median(results.map((r) => r.load)) / 1000).toFixed(2)} s`);
console.log(`a keystroke: median ${median(keystrokes).toFixed(1)} ms, 95th percentile ${p95.toFixed(1)} ms, ` +
  `worst ${slowest[0].toFixed(1)} ms, at "${slowest[1]}" (target <= 16 ms)`);
const answers = results.flatMap((r) => r.answers).sort((a, b) => a - b);
if (answers.length > 0) {
  console.log(`its answer shown: median ${median(answers).toFixed(1)} ms, 95th percentile ` +
    `${answers[Math.floor(answers.length * 0.95)].toFixed(1)} ms, worst ${answers.at(-1).toFixed(1)} ms, ` +
    `${answers.length} answers (target <= 16 ms)`);
}
