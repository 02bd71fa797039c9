// Where the start-up time goes: loads a page in headless Chromium with 4x CPU throttling,
// records a DevTools trace with the V8 CPU profiler on, and breaks down the main thread's work
// from the moment the wasm has arrived to the moment the app runs the page (`<html>` gets
// data-app-ready: every part of the pre-rendered page adopted, or built). It also lists the
// long tasks (over 50 ms) of that span, which are what Total Blocking Time adds up, and the
// longest task of the hand-over. Serve a build that keeps the wasm's function names
// (tools/bench/run.sh makes one) to see Rust functions.
// Usage: node profile.mjs <url> [runs, default 7] [--dump trace.json]
import { writeFileSync } from "node:fs";
import { APP_READY, emulatePhone, launch, markAppReady, median } from "./chrome.mjs";

const args = process.argv.slice(2);
const dumpAt = args.indexOf("--dump");
const dump = dumpAt >= 0 ? args.splice(dumpAt, 2)[1] : null;
const [url, runs = "7"] = args;

const CATEGORIES = [
  "devtools.timeline", "v8", "v8.execute", "v8.wasm", "blink.user_timing", "loading",
  "disabled-by-default-devtools.timeline", "disabled-by-default-v8.cpu_profiler",
];

// Main-thread trace events, by what they are. The first matching rule names an event's own
// time (its duration less that of the events nested in it).
const PHASES = [
  ["wasm compile and instantiate", /wasm|Compile(Lazy|Module)?$|v8\.compile/i],
  ["glue JS compile", /^(v8\.)?(compile|parse)|CompileScript|ParseScript/i],
  ["style", /^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|ParseAuthorStyleSheet)$/],
  ["layout", /^(Layout|UpdateLayerTree|PrePaint|IntersectionObserverController::computeIntersections)$/],
  ["paint", /^(Paint|PaintImage|Commit|CompositeLayers|RasterTask|Decode Image|ImageDecodeTask|Layerize)$/],
  ["JS and wasm execution", /^(FunctionCall|EvaluateScript|v8\.callFunction|v8\.run|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|v8\.evaluateModule|FireIdleCallback|V8\.Execute|RunTask)$/],
  ["HTML parsing", /^ParseHTML$/],
  ["garbage collection", /GC|MinorGC|MajorGC|V8\.GC/],
];

// CPU-profile samples during execution, by the innermost frame of the app that explains them.
// Each rule is tried against the whole stack, innermost frame first.
const AREAS = [
  ["decoding content (serde)", /serde|content::load::parse|content::validate/],
  ["head tags and JSON-LD", /pages::head|structured_data/],
  ["observers and listeners", /intersection_observer|use_event_listener|IntersectionObserver/],
  ["reading settings", /clinic_app::prefs/],
  ["fetching (gloo-net)", /gloo_net|clinic_app::loading/],
  ["building and mounting views", /tachys|leptos|reactive_graph|clinic_app::components|clinic_app::pages/],
];


async function profileOnce() {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const cdp = await emulatePhone(page, { network: false });
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await page.evaluateOnNewDocument(markAppReady, APP_READY);
    await page.tracing.start({ categories: CATEGORIES });
    await page.goto(url, { waitUntil: "networkidle0" });
    // The app runs the page, and the frame after it has painted: all the trace needs.
    await page.waitForSelector("html[data-app-ready]", { timeout: 60_000 });
    await page.evaluate(() => new Promise((done) =>
      requestAnimationFrame(() => requestAnimationFrame(done))));
    const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString("utf8"));
    return trace;
  } finally {
    await browser.close();
  }
}

function analyse(trace) {
  const events = trace.traceEvents ?? trace;
  const lcp = events.filter((e) => e.name === "largestContentfulPaint::Candidate");
  if (!lcp.length) throw new Error("no LCP in the trace");
  const last = lcp.reduce((a, b) => (b.ts > a.ts ? b : a));
  const pid = last.pid;
  const main = events.find((e) => e.pid === pid && e.ph === "M" && e.name === "thread_name"
    && e.args.name === "CrRendererMain").tid;
  // The navigation to the page itself (the trace also holds the blank page before it).
  const navigationStart = events.filter((e) => e.pid === pid && e.name === "navigationStart"
    && e.args?.data?.documentLoaderURL === url && e.ts < last.ts).at(-1).ts;
  const fcp = events.find((e) => e.pid === pid && e.name === "firstContentfulPaint"
    && e.ts >= navigationStart);

  // When the wasm had arrived: the end of its response.
  const wasmRequest = events.find((e) => e.name === "ResourceSendRequest"
    && /\.wasm(\?|$)/.test(e.args?.data?.url ?? ""));
  const wasmDone = wasmRequest && events.find((e) => e.name === "ResourceFinish"
    && e.args?.data?.requestId === wasmRequest.args.data.requestId);
  const start = wasmDone ? wasmDone.ts : navigationStart;
  const inPlace = events.find((e) => e.pid === pid && e.name === APP_READY && e.ts > start);
  const end = Math.max(last.ts, inPlace?.ts ?? 0);

  // Own time of each complete event on the main thread, inside [start, end].
  const slices = events
    .filter((e) => e.pid === pid && e.tid === main && e.ph === "X" && e.dur > 0)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const phases = Object.fromEntries(PHASES.map(([name]) => [name, 0]));
  phases.other = 0;
  const stack = [];
  const clip = (from, to) => Math.max(0, Math.min(to, end) - Math.max(from, start));
  const own = new Map();
  for (const slice of slices) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= slice.ts) {
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    own.set(slice, clip(slice.ts, slice.ts + slice.dur));
    if (parent) own.set(parent, own.get(parent) - clip(slice.ts, slice.ts + slice.dur));
    stack.push(slice);
  }
  for (const [slice, time] of own) {
    const phase = PHASES.find(([, rule]) => rule.test(slice.name));
    // Tasks and other wrappers: only their own time that no child explains.
    if (!phase && /^(RunTask|ThreadControllerImpl::RunTask|RunMicrotasks)$/.test(slice.name)) {
      phases.other += time;
    } else {
      phases[phase ? phase[0] : "other"] += time;
    }
  }

  // CPU profile samples of the main thread (ProfileChunk events), by app area.
  const nodes = new Map();
  const samples = [];
  // The main thread's profile: its chunks carry the id of its "Profile" event.
  const profile = events.find((e) => e.pid === pid && e.tid === main && e.name === "Profile");
  const profileStart = profile?.args.data.startTime;
  for (const e of events) {
    if (e.pid !== pid || e.name !== "ProfileChunk" || e.id !== profile?.id) continue;
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    let time = samples.length ? samples[samples.length - 1].time : profileStart;
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      time += data.timeDeltas[i];
      samples.push({ id, time });
    });
  }
  const areas = Object.fromEntries(AREAS.map(([name]) => [name, 0]));
  Object.assign(areas, { "other wasm": 0, "glue JS": 0, "(program)": 0, "(garbage collector)": 0 });
  for (let i = 0; i + 1 < samples.length; i++) {
    const { id, time } = samples[i];
    if (time < start || time > end) continue;
    const span = samples[i + 1].time - time;
    const frames = [];
    for (let node = nodes.get(id); node; node = nodes.get(node.parent)) {
      frames.push(node.callFrame);
    }
    const top = frames[0]?.functionName ?? "";
    if (top === "(idle)" || top === "(root)") continue;
    if (top === "(program)" || top === "(garbage collector)") {
      areas[top] += span;
      continue;
    }
    const area = AREAS.find(([, rule]) => frames.some((f) => rule.test(f.functionName)));
    if (area) areas[area[0]] += span;
    else if (frames.some((f) => /wasm/.test(f.url) || f.url === "")) areas["other wasm"] += span;
    else areas["glue JS"] += span;
  }

  // Long tasks in the span, and their blocking time (what each has over 50 ms).
  const longTasks = slices.filter((e) => e.name === "RunTask" && e.dur > 50_000
    && e.ts + e.dur > start && e.ts < end);
  const blocking = longTasks.reduce((sum, task) => sum + task.dur - 50_000, 0);
  const longest = slices
    .filter((e) => e.name === "RunTask" && e.ts + e.dur > start && e.ts < end)
    .reduce((most, task) => Math.max(most, task.dur), 0);

  const ms = (us) => us / 1000;
  return {
    "FCP (ms after navigation)": fcp ? ms(fcp.ts - navigationStart) : NaN,
    "LCP (ms after navigation)": ms(last.ts - navigationStart),
    "wasm arrived (ms after navigation)": ms(start - navigationStart),
    "app runs the page (ms after navigation)": ms(end - navigationStart),
    "main thread, wasm to app in place (ms)": ms(Object.values(phases).reduce((a, b) => a + b, 0)),
    "long tasks (count)": longTasks.length,
    "their time over 50 ms each (ms)": ms(blocking),
    "longest task, wasm to app running (ms)": ms(longest),
    phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, ms(v)])),
    "execution by area (CPU profile samples)":
      Object.fromEntries(Object.entries(areas).map(([k, v]) => [k, ms(v)])),
  };
}

const results = [];
for (let run = 0; run < Number(runs); run++) {
  const trace = await profileOnce();
  if (dump && run === 0) writeFileSync(dump, JSON.stringify(trace));
  results.push(analyse(trace));
}

const pick = (get) => median(results.map(get));
const show = (label, value, indent = "") =>
  console.log(`${indent}${label.padEnd(42 - indent.length)}${value.toFixed(0).padStart(7)}` +
    (label.endsWith("(count)") ? "" : " ms"));
console.log(`Start-up profile of ${url}: 4x CPU, median of ${runs} runs`);
for (const key of Object.keys(results[0])) {
  const value = results[0][key];
  if (typeof value === "number") {
    show(key, pick((r) => r[key]));
  } else {
    console.log(`${key}:`);
    for (const part of Object.keys(value)) show(part, pick((r) => r[key][part]), "  ");
  }
}
