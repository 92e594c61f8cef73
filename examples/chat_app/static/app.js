// The chat example's page: post a mission, read its events (Server-Sent Events over
// fetch: EventSource only does GET), draw the plan, answer approvals, show the result.
// Everything shown comes from the server already redacted; the page adds nothing to it
// and writes data only through textContent (never as HTML).
"use strict";

const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";

const STATE_OF_EVENT = {
  subtask_started: "running",
  subtask_retry: "running",
  subtask_succeeded: "succeeded",
  subtask_failed: "failed",
  subtask_blocked: "blocked",
  subtask_skipped: "skipped",
};

const run = { thread: null, subtasks: [], states: new Map(), pending: new Map(), busy: false };

// -- talking to the server -----------------------------------------------------------

function headers(json) {
  const h = {};
  if (json) h["Content-Type"] = "application/json";
  const token = $("token").value.trim();
  if (token) h["Authorization"] = `Bearer ${token}`;
  return h;
}

function describeError(status, body) {
  let detail = body && body.detail;
  if (Array.isArray(detail)) {
    detail = detail.map((d) => `${(d.loc || []).join(".")}: ${d.msg}`).join("\n");
  }
  return `HTTP ${status}: ${detail || "request failed"}`;
}

async function failure(response) {
  let body = null;
  try { body = await response.json(); } catch (_) { /* not JSON */ }
  return new Error(describeError(response.status, body));
}

async function streamEvents(response, onEvent) {
  // One SSE frame ends with a blank line; `data` is one line of JSON.
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n/g, "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = {};
      for (const line of frame.split("\n")) {
        if (!line || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const name = colon < 0 ? line : line.slice(0, colon);
        fields[name] = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      }
      if (fields.data === undefined) continue;
      const data = JSON.parse(fields.data);
      if (fields.event === "error") throw new Error(`the run failed: ${data.message}`);
      onEvent(data);
    }
  }
}

async function post(path, body, accepted) {
  // An error before the stream starts is a plain HTTP error: nothing has changed on the server.
  const response = await fetch(path, { method: "POST", headers: headers(true), body: JSON.stringify(body) });
  if (!response.ok) throw await failure(response);
  if (accepted) accepted();
  await streamEvents(response, handle);
}

// -- actions -------------------------------------------------------------------------

async function busy(action) {
  if (run.busy) return;
  run.busy = true;
  for (const id of ["run", "open", "decide"]) $(id).disabled = true;
  showError(null);
  try {
    await action();
  } catch (err) {
    showError(err.message || String(err));
  } finally {
    run.busy = false;
    for (const id of ["run", "open", "decide"]) $(id).disabled = false;
  }
}

function startMission() {
  return busy(async () => {
    let mission;
    try {
      mission = JSON.parse($("mission").value);
    } catch (err) {
      throw new Error(`the mission is not valid JSON: ${err.message}`);
    }
    const thread = $("thread").value.trim();
    reset(thread || (mission && mission.id) || "");
    setStatus("starting…");
    await post("/missions", thread ? { mission, threadId: thread } : { mission });
  });
}

function openThread() {
  return busy(async () => {
    let thread = $("thread").value.trim();
    if (!thread) {
      try { thread = JSON.parse($("mission").value).id || ""; } catch (_) { /* no mission either */ }
    }
    if (!thread) throw new Error("type the thread to open");
    const response = await fetch(`/missions/${encodeURIComponent(thread)}`, { headers: headers(false) });
    if (!response.ok) throw await failure(response);
    reset(thread);
    const result = await response.json();
    for (const [sid, r] of Object.entries(result.results || {})) {
      if (!sid.includes("#")) run.subtasks.push({ id: sid, agent: r.agent || "", dependsOn: [] });
    }
    for (const request of result.pendingApprovals || []) {
      if (!run.subtasks.some((s) => s.id === request.subtaskId)) {
        run.subtasks.push({ id: request.subtaskId, agent: request.agent, dependsOn: [] });
      }
    }
    drawPlan();
    finish(result);
  });
}

function sendDecisions() {
  return busy(async () => {
    const approvals = {};
    for (const card of $("approval-list").querySelectorAll(".approval")) {
      const sid = card.dataset.subtask;
      const choice = card.querySelector("input[type=radio]:checked");
      if (!choice) continue;
      const reason = card.querySelector("input.reason").value.trim();
      const approved = choice.value === "approve";
      approvals[sid] = reason ? { approved, reason } : approved;
    }
    if (Object.keys(approvals).length === 0) throw new Error("choose approve or reject first");
    await post(`/missions/${encodeURIComponent(run.thread)}/approvals`, { approvals }, () => {
      for (const sid of Object.keys(approvals)) run.pending.delete(sid);
      drawApprovals();
      setStatus("running");
    });
  });
}

// -- events --------------------------------------------------------------------------

function handle(event) {
  log(event);
  if (event.threadId) run.thread = event.threadId;
  switch (event.type) {
    case "mission_started":
      setStatus("planning…");
      break;
    case "plan_ready":
      run.subtasks = event.data.plan.subtasks.map((s) => ({
        id: s.id, agent: s.agent, dependsOn: s.dependsOn || [], description: s.description,
      }));
      setStatus(`running: ${event.message}`);
      drawPlan();
      break;
    case "approval_needed":
      run.pending.set(event.subtaskId, event.approval);
      mark(event.subtaskId, "waiting", "waiting for approval");
      drawApprovals();
      break;
    case "mission_finished":
      finish(event.result);
      break;
    default:
      if (STATE_OF_EVENT[event.type] && event.subtaskId && !event.subtaskId.includes("#")) {
        mark(event.subtaskId, STATE_OF_EVENT[event.type], event.message || "");
      }
  }
}

function finish(result) {
  for (const [sid, r] of Object.entries(result.results || {})) {
    if (!sid.includes("#")) mark(sid, r.status, r.error || "");
  }
  run.pending.clear();
  for (const request of result.pendingApprovals || []) {
    run.pending.set(request.subtaskId, request);
    mark(request.subtaskId, "waiting", "waiting for approval");
  }
  drawApprovals();
  const words = {
    completed: result.success ? "completed" : "completed with problems",
    waiting_approval: "waiting for approval",
    incomplete: "incomplete (resume it)",
  };
  setStatus(words[result.status] || result.status);
  $("progress").dataset.status = result.status;
  $("progress").dataset.success = String(result.success);
  showResult(result);
}

// -- drawing -------------------------------------------------------------------------

function reset(thread) {
  run.thread = thread;
  run.subtasks = [];
  run.states = new Map();
  run.pending = new Map();
  $("progress").hidden = false;
  delete $("progress").dataset.status;
  $("run-thread").textContent = thread ? `· ${thread}` : "";
  $("log").replaceChildren();
  $("result").hidden = true;
  drawPlan();
  drawApprovals();
}

function setStatus(text) {
  $("run-status").textContent = text;
}

function showError(text) {
  $("error").hidden = !text;
  $("error").textContent = text || "";
}

function log(event) {
  const item = document.createElement("li");
  const what = [event.type, event.subtaskId, event.message].filter(Boolean).join(" · ");
  item.textContent = what;
  $("log").append(item);
}

function mark(sid, state, note) {
  run.states.set(sid, { state, note });
  const row = $("subtasks").querySelector(`tr[data-subtask="${CSS.escape(sid)}"]`);
  if (row) {
    row.querySelector("td.state").textContent = state;
    row.querySelector("td.note").textContent = note;
  }
  const node = $("plan-graph").querySelector(`g[data-subtask="${CSS.escape(sid)}"]`);
  if (node) node.setAttribute("class", `node ${state}`);
}

function layers(subtasks) {
  // Depth = longest chain of dependencies before a subtask: its column in the drawing.
  const byId = new Map(subtasks.map((s) => [s.id, s]));
  const depth = new Map();
  const visit = (s, seen) => {
    if (depth.has(s.id)) return depth.get(s.id);
    if (seen.has(s.id)) return 0; // a cycle: the plan's validation reports it
    seen.add(s.id);
    let d = 0;
    for (const dep of s.dependsOn) if (byId.has(dep)) d = Math.max(d, visit(byId.get(dep), seen) + 1);
    depth.set(s.id, d);
    return d;
  };
  subtasks.forEach((s) => visit(s, new Set()));
  return depth;
}

function svg(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

function drawPlan() {
  const graph = $("plan-graph");
  const body = $("subtasks").querySelector("tbody");
  graph.replaceChildren();
  body.replaceChildren();
  const W = 170, H = 40, GX = 50, GY = 16;
  const depth = layers(run.subtasks);
  const rows = new Map();
  const at = new Map();
  for (const s of run.subtasks) {
    const d = depth.get(s.id);
    const r = rows.get(d) || 0;
    rows.set(d, r + 1);
    at.set(s.id, { x: 8 + d * (W + GX), y: 8 + r * (H + GY) });
  }
  const width = 16 + Math.max(1, ...[...depth.values()].map((d) => d + 1)) * (W + GX);
  const height = 16 + Math.max(1, ...rows.values()) * (H + GY);
  graph.setAttribute("viewBox", `0 0 ${width} ${height}`);
  graph.style.height = `${Math.min(height, 420)}px`;
  const defs = svg("defs", {});
  const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5",
                                 markerWidth: "7", markerHeight: "7", orient: "auto" });
  marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#8c96a8" }));
  defs.append(marker);
  graph.append(defs);
  for (const s of run.subtasks) {
    for (const dep of s.dependsOn) {
      const a = at.get(dep), b = at.get(s.id);
      if (!a) continue;
      const x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x, y2 = b.y + H / 2, mx = (x1 + x2) / 2;
      graph.append(svg("path", { class: "edge", d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}` }));
    }
  }
  for (const s of run.subtasks) {
    const { x, y } = at.get(s.id);
    const state = (run.states.get(s.id) || { state: "planned" }).state;
    const node = svg("g", { class: `node ${state}`, "data-subtask": s.id });
    node.append(svg("rect", { x, y, width: W, height: H }));
    node.append(svg("text", { x: x + 8, y: y + 16 }, s.id.length > 26 ? `…${s.id.slice(-25)}` : s.id));
    node.append(svg("text", { x: x + 8, y: y + 31 }, s.agent));
    if (s.description) node.append(svg("title", {}, s.description));
    graph.append(node);

    const row = document.createElement("tr");
    row.dataset.subtask = s.id;
    for (const [cls, text] of [["id", s.id], ["agent", s.agent], ["state", state],
                               ["note", (run.states.get(s.id) || {}).note || ""]]) {
      const cell = document.createElement("td");
      cell.className = cls;
      cell.textContent = text;
      row.append(cell);
    }
    body.append(row);
  }
}

function drawApprovals() {
  const list = $("approval-list");
  list.replaceChildren();
  $("approvals").hidden = run.pending.size === 0;
  for (const [sid, request] of run.pending) {
    const card = document.createElement("div");
    card.className = "approval";
    card.dataset.subtask = sid;
    const title = document.createElement("strong");
    title.textContent = `${sid} · ${request.agent}${request.tool ? ` · ${request.tool}` : ""}`;
    const question = document.createElement("p");
    question.textContent = request.question;
    const inputs = document.createElement("p");
    inputs.className = "inputs";
    inputs.textContent = Object.entries(request.inputs || {}).map(([k, v]) => `${k}: ${v}`).join("; ");
    const choices = document.createElement("div");
    choices.className = "choices";
    for (const [value, label] of [["approve", "Approve"], ["reject", "Reject"]]) {
      const option = document.createElement("label");
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = `decision-${sid}`;
      radio.value = value;
      option.append(radio, label);
      choices.append(option);
    }
    const reason = document.createElement("input");
    reason.className = "reason";
    reason.placeholder = "reason (optional)";
    choices.append(reason);
    card.append(title, question, inputs, choices);
    list.append(card);
  }
}

function showResult(result) {
  $("result").hidden = false;
  const usage = result.usage || {};
  $("result-summary").textContent =
    `${result.status}; success: ${result.success}; ${Object.keys(result.results || {}).length} results; ` +
    `${usage.llmCalls || 0} model calls, cost ${usage.cost || 0}`;
  const outputs = $("result-outputs");
  outputs.replaceChildren();
  for (const [sid, r] of Object.entries(result.results || {})) {
    const box = document.createElement("div");
    box.className = "output";
    box.dataset.subtask = sid;
    const head = document.createElement("h4");
    head.textContent = `${sid} · ${r.status}${(r.labels || []).length ? ` · labels: ${r.labels.join(", ")}` : ""}`;
    const pre = document.createElement("pre");
    pre.textContent = r.error ? r.error : JSON.stringify(r.output, null, 2);
    box.append(head, pre);
    outputs.append(box);
  }
  const issues = $("result-issues");
  issues.replaceChildren();
  for (const issue of result.issues || []) {
    const item = document.createElement("li");
    item.textContent = `${issue.severity} ${issue.code}${issue.subtaskId ? ` (${issue.subtaskId})` : ""}: ${issue.message}`;
    issues.append(item);
  }
}

// -- start ---------------------------------------------------------------------------

async function loadExamples() {
  const response = await fetch("/examples");
  if (!response.ok) return;
  const examples = await response.json();
  const select = $("examples");
  for (const name of Object.keys(examples)) {
    const option = document.createElement("option");
    option.value = name;
    option.textContent = name;
    select.append(option);
  }
  select.addEventListener("change", () => {
    if (select.value) $("mission").value = JSON.stringify(examples[select.value], null, 2);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const saved = sessionStorage.getItem("orchestrator-token");
  if (saved) $("token").value = saved;
  $("token").addEventListener("input", () => sessionStorage.setItem("orchestrator-token", $("token").value));
  $("run").addEventListener("click", startMission);
  $("open").addEventListener("click", openThread);
  $("decide").addEventListener("click", sendDecisions);
  loadExamples();
});
