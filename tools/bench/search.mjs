// Search at scale, on a phone (4x CPU; slow 4G for the index's download): how long the index
// takes to arrive and be read (from the first keystroke to the first results), and how long
// each keystroke keeps the page's thread busy after that, typed as a reader types (trusted key
// presses): the script work its input event causes on the page, and its input event until the
// next task (with the frame that shows the letter, when the browser draws it first); and the
// search worker's answer until the page has shown it (the search itself runs in the worker,
// off the page's thread). The baseline, in the same run: the same keystrokes in a plain
// search field with no script, over the same page, which the browser also draws. The queries come from the library's own titles: a word typed letter by letter,
// then a second word's start, and a long word with a typo.
// Usage: node search.mjs <url of a page with the search field> [runs, default 3]
import { emulatePhone, launch, median, searchAndWait } from "./chrome.mjs";

const [url, runs = "3"] = process.argv.slice(2);
const KEY_INTERVAL_MS = 150;

/// Before the page's scripts: times each answer of a worker on the page's thread, from its
/// message event, in `__answers`: `work`, until a last listener added after the page's own,
/// which runs after it and the microtasks it started (the script work of showing it), and
/// `task`, until the next task (with the frame that shows it, when the browser draws it
/// first).
function timeWorkerAnswers() {
  window.__answers = [];
  const handler = Object.getOwnPropertyDescriptor(Worker.prototype, "onmessage");
  Object.defineProperty(Worker.prototype, "onmessage", {
    get() { return handler.get.call(this); },
    set(listener) {
      let timed = null;
      handler.set.call(this, (event) => {
        const start = performance.now();
        timed = { start, work: NaN, task: NaN };
        window.__answers.push(timed);
        const channel = new MessageChannel();
        const answer = timed;
        channel.port1.onmessage = () => { answer.task = performance.now() - start; };
        channel.port2.postMessage(null);
        return listener(event);
      });
      this.addEventListener("message", () => {
        if (timed) timed.work = performance.now() - timed.start;
      });
    },
  });
}

/// Before the page's scripts: times each keystroke's input event from its first listener
/// (capturing, on the window), in `__keystrokes`:
/// - `work`: until its last listener, on the window, added while it is dispatched so that it
///   runs after the page's own, and after the microtasks each of them started: the script
///   work the keystroke caused on the page's thread;
/// - `task`: until the next task, with the frame that shows the letter when the browser
///   draws it first.
function timeKeystrokes() {
  window.__keystrokes = [];
  addEventListener("input", (event) => {
    const start = performance.now();
    const timed = { query: event.target.value, work: NaN, task: NaN };
    window.__keystrokes.push(timed);
    addEventListener("input", () => { timed.work = performance.now() - start; }, { once: true });
    // A message to itself: setTimeout would add its 4 ms clamp once calls nest.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { timed.task = performance.now() - start; };
    channel.port2.postMessage(null);
  }, { capture: true });
}

/// Types `text` into the field `selector` as a reader does, a key every `KEY_INTERVAL_MS` (a
/// quick typist, so that each keystroke's work is timed on its own), and returns each
/// keystroke's times (see `timeKeystrokes`).
async function typeTimed(page, selector, text) {
  await page.focus(selector);
  await page.$eval(selector, (field) => { field.value = ""; });
  const from = await page.evaluate(() => __keystrokes.length);
  await page.keyboard.type(text, { delay: KEY_INTERVAL_MS });
  await page.waitForFunction(() => __keystrokes.every((timed) => !Number.isNaN(timed.task)));
  return page.evaluate((from) => __keystrokes.slice(from), from);
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
    await page.evaluateOnNewDocument(timeKeystrokes);
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
      keystrokes.push(...(await typeTimed(page, "#site-search-input", query)));
    }
    const plain = [];
    await page.evaluate(addPlainField);
    for (const query of queries) {
      plain.push(...(await typeTimed(page, "#plain-field", query)));
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
const spread = (timed, measure) => {
  const times = timed.map((t) => t[measure]).sort((a, b) => a - b);
  const slowest = timed.reduce((a, b) => (b[measure] > a[measure] ? b : a));
  return { median: median(times), p95: times[Math.floor(times.length * 0.95)], worst: slowest[measure], at: slowest.query };
};
const typed = results.flatMap((r) => r.keystrokes);
const typedPlain = results.flatMap((r) => r.plain);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const line = ({ median, p95, worst, at }) =>
  `median ${median.toFixed(1)} ms, 95th percentile ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms at "${at}"`;
console.log(`Search on ${url} (4x CPU; slow 4G for the index), ${runs} runs, ` +
  `${results[0].queries} queries, ${typed.length} keystrokes, one every ${KEY_INTERVAL_MS} ms`);
console.log(`index arrives and is read: median ${(median(results.map((r) => r.load)) / 1000).toFixed(2)} s`);
const work = spread(typed, "work");
const plainWork = spread(typedPlain, "work");
console.log(`a keystroke's script work on the page: ${line(work)} (target <= 16 ms); ` +
  `a plain field's: ${line(plainWork)}`);
const task = spread(typed, "task");
const plainTask = spread(typedPlain, "task");
console.log(`a keystroke until the next task (the frame included when drawn first): ${line(task)}`);
console.log(`  in a plain field: ${line(plainTask)}; ours ${ratio(task.median, plainTask.median)}, ` +
  `${ratio(task.p95, plainTask.p95)}, ${ratio(task.worst, plainTask.worst)}`);
const answers = results.flatMap((r) => r.answers);
if (answers.length > 0) {
  const show = (measure) => {
    const times = answers.map((a) => a[measure]).filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
    return `median ${median(times).toFixed(1)} ms, 95th percentile ` +
      `${times[Math.floor(times.length * 0.95)].toFixed(1)} ms, worst ${times.at(-1).toFixed(1)} ms`;
  };
  console.log(`its answer shown, script work on the page: ${show("work")}, ${answers.length} answers (target <= 16 ms)`);
  console.log(`its answer shown, until the next task (the frame included when drawn first): ${show("task")}`);
}
