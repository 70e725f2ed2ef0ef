// The analysts' dashboard: one report at a time, its windows read from the list and kept up to date
// by the report's stream; the views' lag beside it. It speaks only the public HTTP API.
"use strict";

const COLORS = ["#2b6cb0", "#dd6b20", "#2f855a", "#9f7aea", "#c53030", "#718096"];
const DURATIONS = { PT6H: 6 * 3600e3, P1D: 86400e3, P7D: 7 * 86400e3, P30D: 30 * 86400e3 };
const PAGE = 500;
const MOST_PAGES = 20;
const TABLE_ROWS = 20;
const LAG_EVERY_MS = 5000;

const state = {
  catalog: [],
  report: null,
  windows: new Map(),
  stream: null,
  plot: null,
  lastChange: null,
};

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = "cairn.token";

/** The bearer token the analyst gave, kept for this tab only; none where the API needs none. */
function authorization() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Shows the token form, saying why: no token yet, a refused one, or one without the scope. */
function askForToken(why) {
  $("signin").hidden = false;
  $("signin-why").textContent = why;
}

function refusal(path, status) {
  if (status === 401) {
    askForToken(sessionStorage.getItem(TOKEN_KEY)
      ? "The token was refused (expired?); paste another."
      : "The API needs a bearer token.");
    return new Error("a token is needed");
  }
  if (status === 403) {
    askForToken("The token lacks the scope this needs (cairn:report; cairn:read for the views).");
    return new Error("the token lacks the scope");
  }
  return new Error(`${path} answered ${status}`);
}

async function api(path) {
  const answer = await fetch(path, { headers: { Accept: "application/json", ...authorization() } });
  if (!answer.ok) {
    throw refusal(path, answer.status);
  }
  return answer.json();
}

function watchSignIn() {
  $("signin").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
    location.reload();
  });
  $("signout").hidden = !sessionStorage.getItem(TOKEN_KEY);
  $("signout").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    location.reload();
  });
}

/** The range shown: a preset reaching up to now, or the two instants picked. */
function range() {
  const preset = $("preset").value;
  if (preset === "custom" && $("from").value && $("to").value) {
    return { from: new Date($("from").value), to: new Date($("to").value), moving: false };
  }
  const to = new Date(Date.now() + 60e3);
  return { from: new Date(to.getTime() - (DURATIONS[preset] || DURATIONS.P1D)), to, moving: true };
}

function inRange(start) {
  const shown = range();
  const at = new Date(start);
  return at >= shown.from && (shown.moving || at < shown.to);
}

async function loadWindows(report) {
  const shown = range();
  const base = `/api/v1/reports/${report.name}?from=${shown.from.toISOString()}`
    + `&to=${shown.to.toISOString()}&limit=${PAGE}`;
  const windows = new Map();
  let cursor = null;
  for (let page = 0; page < MOST_PAGES; page++) {
    const answer = await api(cursor ? `${base}&cursor=${encodeURIComponent(cursor)}` : base);
    answer.items.forEach((item) => windows.set(`${item.key}|${item.windowStart}`, item));
    cursor = answer.nextCursor;
    if (!cursor) {
      break;
    }
  }
  return windows;
}

function setStatus(text, live) {
  const status = $("status");
  status.textContent = text;
  status.className = `status ${live ? "live" : "down"}`;
}

/** Follows the report's stream, then reads its list, so no change falls between the two. */
function follow(report) {
  if (state.stream) {
    state.stream.close();
  }
  state.stream = openEventStream(`/api/v1/reports/${report.name}/stream`, authorization, {
    open() {
      setStatus("live", true);
      reload();
    },
    event(name, data) {
      if (name === "window") {
        changed(report, JSON.parse(data));
      } else if (name === "closed") {
        setStatus(`reconnecting: ${JSON.parse(data).message}`, false);
      }
    },
    error(message, status) {
      if (status === 401 || status === 403) {
        setStatus(refusal(report.name, status).message, false);
      } else {
        setStatus("reconnecting to the stream…", false);
      }
    },
  });
}

function changed(report, item) {
  state.lastChange = new Date();
  if (report.top) {
    scheduleReload();
  } else if (inRange(item.windowStart)) {
    state.windows.set(`${item.key}|${item.windowStart}`, item);
    scheduleRender();
  }
}

async function reload() {
  const report = state.report;
  try {
    const windows = await loadWindows(report);
    if (report === state.report) {
      state.windows = windows;
      render();
    }
  } catch (failure) {
    setStatus(`cannot read ${report.name}: ${failure.message}`, false);
  }
}

/** A function that runs work once per schedule: calls while a run is pending join it. */
function coalesced(work, schedule) {
  let pending = false;
  return () => {
    if (!pending) {
      pending = true;
      schedule(() => {
        pending = false;
        work();
      });
    }
  };
}

const scheduleRender = coalesced(() => render(), requestAnimationFrame);
const scheduleReload = coalesced(() => reload(), (run) => setTimeout(run, 1000));

function numericMeasures(items) {
  return state.report.measures.filter((m) => items.some((item) => typeof item[m] === "number"));
}

/** What the chart adds up: the key all when a report has it beside others, else every key. */
function charted(items) {
  return items.some((item) => item.key === "all") ? items.filter((i) => i.key === "all") : items;
}

function render() {
  const items = [...state.windows.values()];
  const measures = numericMeasures(items);
  renderChart(charted(items), measures);
  renderTable(items, measures);
  if (state.lastChange) {
    setStatus(`live · last change ${state.lastChange.toLocaleTimeString()}`, true);
  }
}

/** The measure charted: the one picked, while the report has it, else its first number. */
function chartedMeasure(measures) {
  const picker = $("measure");
  const options = [...picker.options].map((option) => option.value);
  if (options.join() !== measures.join()) {
    const kept = measures.includes(picker.value) ? picker.value : measures[0];
    picker.replaceChildren(...measures.map((measure) => new Option(measure, measure)));
    picker.value = kept || "";
  }
  return picker.value;
}

function renderChart(items, measures) {
  const measure = chartedMeasure(measures);
  const starts = [...new Set(items.map((item) => item.windowStart))].sort();
  const values = starts.map((start) => items
    .filter((item) => item.windowStart === start)
    .reduce((sum, item) => sum + (item[measure] || 0), 0));
  const data = [starts.map((start) => Date.parse(start) / 1000), values];
  const shape = `${state.report.name}:${measure}`;
  if (state.plot && state.plot.shape === shape) {
    state.plot.setData(data);
    return;
  }
  if (state.plot) {
    state.plot.destroy();
  }
  const chart = $("chart");
  const label = state.report.top ? `${measure} (top ${state.report.top}, summed)` : measure;
  state.plot = new uPlot({
    width: Math.max(chart.clientWidth, 320),
    height: 300,
    series: [{}, { label, stroke: COLORS[0], fill: "rgba(43, 108, 176, 0.08)", points: { show: true } }],
    scales: {
      x: { time: true, range: () => [range().from / 1000, range().to / 1000] },
      y: { range: (plot, min, max) => [Math.min(0, min), Math.max(1, max * 1.1)] },
    },
  }, data, chart);
  state.plot.shape = shape;
}

function cell(value) {
  const td = document.createElement("td");
  if (typeof value === "number") {
    td.className = "number";
    td.textContent = Number.isInteger(value) ? value.toLocaleString() : value.toFixed(3);
  } else if (value && typeof value === "object") {
    td.textContent = Object.entries(value).map(([k, v]) => `${k} ${v}`).join(" · ");
  } else {
    td.textContent = value == null ? "" : String(value);
  }
  return td;
}

/** The latest window's keys, best first. */
function renderTable(items, measures) {
  const latest = items.map((item) => item.windowStart).sort().at(-1);
  const first = measures[0];
  const rows = items
    .filter((item) => item.windowStart === latest)
    .sort((a, b) => (a.rank || 0) - (b.rank || 0) || (b[first] || 0) - (a[first] || 0))
    .slice(0, TABLE_ROWS);
  const columns = ["key", ...(state.report.top ? ["rank"] : []), ...state.report.measures];
  const head = document.createElement("tr");
  columns.forEach((column) => {
    const th = document.createElement("th");
    th.textContent = column === "key" ? state.report.key : column;
    head.append(th);
  });
  $("table").tHead.replaceChildren(head);
  $("table").tBodies[0].replaceChildren(...rows.map((item) => {
    const tr = document.createElement("tr");
    tr.dataset.key = item.key;
    columns.forEach((column) => tr.append(cell(item[column])));
    return tr;
  }));
  $("table").caption?.remove();
  const caption = $("table").createCaption();
  caption.textContent = latest ? `window from ${new Date(latest).toLocaleString()}` : "no window in range yet";
}

function select(report) {
  state.report = report;
  state.windows = new Map();
  state.lastChange = null;
  history.replaceState(null, "", `#${report.name}`);
  document.querySelectorAll("#reports button").forEach((button) =>
    button.setAttribute("aria-current", String(button.dataset.report === report.name)));
  $("title").textContent = report.name;
  $("description").textContent =
    `${report.description} Windows of ${report.window.size}, every ${report.window.advance}.`;
  follow(report);
}

async function showViews() {
  try {
    const status = await api("/api/v1/views/status");
    $("views-state").textContent = `views ${status.state.toLowerCase()}`;
    $("views-state").className = `status ${status.state === "RUNNING" ? "live" : "down"}`;
    $("lag").tBodies[0].replaceChildren(...status.views.map((view) => {
      const tr = document.createElement("tr");
      tr.append(cell(view.name), cell(`${view.endToEndLag.p99Ms} ms`), cell(view.consumerLagRecords));
      return tr;
    }));
  } catch (failure) {
    $("views-state").textContent = `views unavailable: ${failure.message}`;
    $("views-state").className = "status down";
  }
}

function watchRange() {
  $("measure").addEventListener("change", render);
  $("preset").addEventListener("change", () => {
    const custom = $("preset").value === "custom";
    $("from").disabled = !custom;
    $("to").disabled = !custom;
    if (!custom) {
      reload();
    }
  });
  ["from", "to"].forEach((id) => $(id).addEventListener("change", reload));
}

async function start() {
  watchSignIn();
  watchRange();
  showViews();
  setInterval(showViews, LAG_EVERY_MS);
  try {
    state.catalog = (await api("/api/v1/reports")).items;
  } catch (failure) {
    $("title").textContent = `The reports cannot be read: ${failure.message}`;
    return;
  }
  $("reports").replaceChildren(...state.catalog.map((report) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.report = report.name;
    button.textContent = report.name;
    button.addEventListener("click", () => select(report));
    return button;
  }));
  const wanted = state.catalog.find((r) => `#${r.name}` === location.hash) || state.catalog[0];
  if (wanted) {
    select(wanted);
  }
}

start();
