// The projector page: asks the server every two seconds and redraws. No library, no build step.
"use strict";
(function () {
  const url = location.pathname.replace(/\/+$/, "") + "/data" + location.search;
  const $ = (id) => document.getElementById(id);
  let deadline = null; // when the poll closes by its time limit, in this browser's clock

  function show(id, visible) { $(id).hidden = !visible; }

  function clock() {
    if (deadline === null) return;
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    const h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
    const two = (n) => String(n).padStart(2, "0");
    $("timeleft").textContent = (h ? h + ":" + two(m) : two(m)) + ":" + two(s);
  }

  function rows(data) {
    const list = $("rows");
    list.replaceChildren();
    for (const row of data.rows) {
      const li = document.createElement("li");
      if (row.elected) li.className = "elected";
      const name = document.createElement("span"); name.className = "name"; name.textContent = row.name;
      const track = document.createElement("span"); track.className = "track";
      const bar = document.createElement("span"); bar.className = "bar"; bar.style.display = "block";
      bar.style.width = row.width + "%"; track.appendChild(bar);
      const label = document.createElement("span"); label.className = "label"; label.textContent = row.label;
      const mark = document.createElement("span");
      mark.className = "mark" + (row.elected ? " elected" : row.tied ? " tied" : "");
      mark.textContent = row.elected ? data.elected_mark : row.tied ? data.tied_mark : "";
      li.append(name, track, label, mark);
      list.appendChild(li);
    }
    const notes = $("notes");
    notes.replaceChildren();
    data.notes.forEach((text, i) => {
      const li = document.createElement("li"); li.textContent = text;
      if (i > 0 && !data.valid) li.className = "bad";
      notes.appendChild(li);
    });
  }

  function render(data) {
    document.title = data.title + (data.question ? " – " + data.question : "");
    $("block").textContent = data.block + " · " + data.year;
    $("status").textContent = data.status || "";
    show("message", data.state === "none");
    $("message").textContent = data.message || "";
    $("question").textContent = data.question || "";
    show("question", data.state !== "none");
    $("blank-rule").textContent = data.blank_rule || "";
    show("blank-rule", Boolean(data.blank_rule));
    show("live", data.state === "open");
    show("result", data.state === "closed" && Array.isArray(data.rows));
    if (data.state === "open") {
      $("turnout").textContent = data.turnout;
      $("quorum").textContent = data.quorum || "";
      $("meter-fill").style.width = (data.members ? (100 * data.voted / data.members) : 0) + "%";
      const timed = data.seconds_left !== null && data.seconds_left !== undefined;
      show("timeleft-box", timed);
      $("timeleft-label").textContent = data.time_left || "";
      deadline = timed ? Date.now() + data.seconds_left * 1000 : null;
      clock();
    } else {
      deadline = null;
    }
    if (data.state === "closed") {
      $("ballots").textContent = data.ballots || data.turnout;
      if (Array.isArray(data.rows)) rows(data);
    }
  }

  // The projector never scrolls: when the page is taller than the screen (17 candidates, a long question),
  // the type shrinks step by step until everything, the rule and the tie note included, fits.
  function fit() {
    document.body.style.fontSize = "";
    let size = parseFloat(getComputedStyle(document.body).fontSize);
    const root = document.documentElement;
    for (let i = 0; i < 40 && root.scrollHeight > window.innerHeight && size > 8; i++) {
      size *= 0.94;
      document.body.style.fontSize = size + "px";
    }
  }

  async function tick() {
    try {
      const response = await fetch(url, { cache: "no-store", credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      render(await response.json());
      fit();
      show("offline", false);
    } catch (error) {
      show("offline", true);
    } finally {
      setTimeout(tick, 2000);
    }
  }

  window.addEventListener("resize", fit);
  setInterval(clock, 1000);
  tick();
})();
