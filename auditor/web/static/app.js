// The upload page: choose or drop a file, send it, follow the job, show its report.
// Every text comes from the server in the page's language; nothing is inserted as HTML.
(() => {
  "use strict";
  const config = JSON.parse(document.getElementById("config").textContent);
  const T = config.texts;
  const POLL_MS = 1000;
  const $ = (id) => document.getElementById(id);
  const fill = (template, fields) =>
    template.replace(/\{(\w+)\}/g, (whole, key) => (key in fields ? String(fields[key]) : whole));
  // As the server writes sizes: one decimal, comma in Bahasa Indonesia, no ".0".
  const mb = (bytes) => {
    const shown = (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "");
    return config.lang === "id" ? shown.replace(".", ",") : shown;
  };

  const size = (bytes) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${mb(bytes)} MB`);

  const form = $("upload");
  const input = $("file");
  const drop = $("drop");
  const submit = $("submit");
  let chosen = null;
  let polling = null;

  function message(text) {
    $("message").textContent = text || "";
    $("message").hidden = !text;
  }

  function signedOut(response) {
    // The sign-in cookie ended (browser closed, server restarted): back to the token form.
    if (response.status !== 401) return false;
    location.assign(`/login?lang=${config.lang}`);
    return true;
  }

  function refusal(body) {
    return body && body.error ? body.error[config.lang] || body.error.en : T.network;
  }

  function show(section) {
    // One of: the form, the progress card, the result.
    form.hidden = section !== "form";
    $("progress").hidden = section !== "progress";
    $("result").hidden = section !== "result";
    $("intro").hidden = section === "result"; // room for the report
  }

  function remember(jobId) {
    // The job in the address (#job=...) survives a reload and the language switch.
    const hash = jobId ? `#job=${jobId}` : "";
    history.replaceState(null, "", location.pathname + location.search + hash);
    $("lang-switch").setAttribute("href", `?lang=${$("lang-switch").hreflang}${hash}`);
  }

  function choose(file) {
    chosen = file || null;
    $("chosen").textContent = file ? `${file.name} (${size(file.size)})` : T.no_file;
    message("");
    $("deleted").hidden = true;
    // Refused here too, so nobody waits for a large upload the server will refuse.
    const tooBig = file && file.size > config.limit;
    if (tooBig) message(fill(config.tooBig, { size: ` (${mb(file.size)} MB)` }));
    submit.disabled = !file || tooBig;
  }

  input.addEventListener("change", () => choose(input.files[0]));
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    if (event.dataTransfer.files.length) choose(event.dataTransfer.files[0]);
  });

  function progress(name, status, elapsed) {
    $("progress-name").textContent = name;
    $("progress-status").textContent = status;
    $("progress-elapsed").textContent = fill(T.elapsed, { s: Math.round(elapsed) });
  }

  function failed(text) {
    stop();
    remember(null);
    show("form");
    message(text);
  }

  function stop() {
    if (polling) clearTimeout(polling);
    polling = null;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!chosen) return;
    message("");
    submit.disabled = true;
    show("progress");
    progress(chosen.name, T.uploading, 0);
    const data = new FormData();
    data.append("file", chosen, chosen.name);
    data.append("rules", $("rules").value);
    for (const ref of Array.from(($("reference") || { files: [] }).files)) data.append("reference", ref, ref.name);
    const previous = ($("baseline") || { files: [] }).files[0];
    if (previous) data.append("baseline", previous, previous.name);
    data.append("lang", config.lang);
    let response;
    let body = null;
    try {
      response = await fetch("/api/jobs", { method: "POST", body: data, credentials: "same-origin" });
      body = await response.json().catch(() => null);
    } catch (error) {
      submit.disabled = false;
      failed(T.network);
      return;
    }
    submit.disabled = false;
    if (signedOut(response)) return;
    if (!response.ok) {
      failed(refusal(body));
      return;
    }
    follow(body.id);
  });

  async function follow(jobId) {
    stop();
    remember(jobId);
    let response;
    let body = null;
    try {
      response = await fetch(`/api/jobs/${encodeURIComponent(jobId)}`, { credentials: "same-origin" });
      body = await response.json().catch(() => null);
    } catch (error) {
      polling = setTimeout(() => follow(jobId), POLL_MS * 3); // the server may be restarting
      progress("", T.network, 0);
      return;
    }
    if (signedOut(response)) return;
    if (response.status === 404) return failed(config.gone);
    if (!response.ok) return failed(refusal(body));
    if (body.status === "done") return result(body);
    if (body.status === "failed") return failed(body.failure[config.lang] || body.failure.en);
    show("progress");
    const status = body.status === "queued"
      ? `${T.queued}${body.ahead ? ` (${fill(T.ahead, { n: body.ahead })})` : ""}`
      : T.reading;
    progress(body.name, status, body.elapsed);
    polling = setTimeout(() => follow(jobId), POLL_MS);
  }

  function result(job) {
    stop();
    show("result");
    $("result-name").textContent = job.name;
    const counts = $("result-counts");
    counts.replaceChildren();
    for (const severity of ["error", "warning", "info"]) {
      const chip = document.createElement("span");
      chip.className = `chip ${severity}`;
      chip.dataset.severity = severity;
      chip.dataset.count = job.summary[severity];
      chip.textContent = `${job.summary[severity]} ${config.severities[severity]}`;
      counts.append(chip);
    }
    const links = { pdf: "dl-pdf", xlsx: "dl-xlsx", json: "dl-json" };
    for (const [format, id] of Object.entries(links)) {
      const url = job.reports[format];
      $(id).hidden = !url;
      if (url) $(id).href = url;
    }
    $("dl-html").href = `${job.reports.html}?download=true`;
    $("open-tab").href = job.reports.html;
    const until = new Date(Date.now() + job.expires_in * 1000);
    $("kept-until").textContent = fill(T.kept_until, {
      time: until.toLocaleTimeString(config.lang, { hour: "2-digit", minute: "2-digit" }),
    });
    const frame = $("report");
    if (frame.getAttribute("src") !== job.reports.html) frame.setAttribute("src", job.reports.html);
    $("delete").onclick = async () => {
      await fetch(`/api/jobs/${encodeURIComponent(job.id)}`, { method: "DELETE", credentials: "same-origin" })
        .catch(() => null);
      again();
      $("deleted").hidden = false;
    };
  }

  function again() {
    stop();
    remember(null);
    $("report").removeAttribute("src");
    input.value = "";
    choose(null);
    show("form");
  }

  $("again").addEventListener("click", again);
  const resumed = /^#job=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (resumed) follow(resumed[1]);
})();
