// The web sandbox: one pane per user; messages go to /api/send, everything delivered comes from
// /api/messages (one poll for all panes). No library, no build step.
"use strict";
(function () {
  const body = document.body.dataset;
  const panes = document.getElementById("panes");
  const template = document.getElementById("pane-template");
  const NAME = /^[\p{L}\p{N}_-]{1,32}$/u;
  const all = [];        // every message delivered so far, for any user
  let last = 0;          // the last message seq seen
  let selected = null;   // the pane an invite code goes to

  function bubble(pane, text, cls) {
    const li = document.createElement("li");
    li.className = cls || "";
    li.textContent = text;
    pane.log.appendChild(li);
    pane.log.scrollTop = pane.log.scrollHeight;
    return li;
  }

  function linkify(li, text) {
    // the bot's links (the meeting screen's) become clickable; the rest stays plain text
    li.replaceChildren();
    text.split(/(https?:\/\/\S+)/).forEach((part, i) => {
      if (i % 2 === 0) { li.append(part); return; }
      const a = document.createElement("a");
      a.href = part; a.target = "_blank"; a.rel = "noopener noreferrer"; a.textContent = part;
      li.appendChild(a);
    });
  }

  function show(pane, message) {
    const li = bubble(pane, message.text, "bot");
    linkify(li, message.text);
    if (message.choices.length) {
      const box = document.createElement("div");
      box.className = "buttons";
      for (const choice of message.choices) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = choice.label;
        button.addEventListener("click", () => {
          bubble(pane, choice.label, "me");
          post(pane, { option: choice.id, version: message.version });
        });
        box.appendChild(button);
      }
      li.appendChild(box);
    }
    if (message.document) {
      const link = document.createElement(message.file ? "a" : "span");
      link.className = "doc";
      link.textContent = "📎 " + message.document + " " + (message.file ? body.download : body.noDownload);
      if (message.file) { link.href = message.file; link.download = message.document; }
      li.appendChild(link);
    }
    pane.log.scrollTop = pane.log.scrollHeight;
  }

  async function post(pane, payload) {
    const user = pane.name.value.trim();
    if (!NAME.test(user)) { bubble(pane, body.badName, "error"); return; }
    try {
      const response = await fetch("/api/send", { method: "POST", headers: { "Content-Type": "application/json" },
                                                  body: JSON.stringify(Object.assign({ user: user }, payload)) });
      if (!response.ok) throw new Error(String(response.status));
    } catch (error) {
      bubble(pane, body.error, "error");
    }
    poll();
  }

  function addPane(name) {
    const node = template.content.firstElementChild.cloneNode(true);
    const pane = { node: node, name: node.querySelector(".name"), log: node.querySelector(".log"),
                   text: node.querySelector(".text") };
    pane.name.value = name;
    pane.name.placeholder = body.name;
    pane.name.setAttribute("aria-label", body.name);
    pane.text.placeholder = body.message;
    pane.text.setAttribute("aria-label", body.message);
    node.querySelector(".send").textContent = body.send;
    node.dataset.user = name;
    pane.name.addEventListener("change", () => {
      node.dataset.user = pane.name.value.trim();
      pane.log.replaceChildren();
      all.filter((m) => m.user === node.dataset.user).forEach((m) => show(pane, m));
    });
    node.querySelector("form").addEventListener("submit", (event) => {
      event.preventDefault();
      const text = pane.text.value.trim();
      if (!text) return;
      pane.text.value = "";
      bubble(pane, text, "me");
      post(pane, { text: text });
    });
    node.addEventListener("focusin", () => select(pane));
    panes.appendChild(node);
    panesByNode.set(node, pane);
    all.filter((m) => m.user === name).forEach((m) => show(pane, m));
    if (!selected) select(pane);
    return pane;
  }

  function select(pane) {
    if (selected) selected.node.classList.remove("selected");
    selected = pane;
    pane.node.classList.add("selected");
  }

  const panesByNode = new Map();
  let polling = false;

  async function poll() {
    if (polling) return;
    polling = true;
    try {
      const response = await fetch("/api/messages?after=" + last, { cache: "no-store" });
      const data = await response.json();
      for (const message of data.messages) {
        all.push(message);
        for (const pane of panesByNode.values()) {
          if (pane.node.dataset.user === message.user) show(pane, message);
        }
      }
      last = data.last;
    } catch (error) {
      // the server restarts or is gone: the next poll tries again
    } finally {
      polling = false;
    }
  }

  async function invites() {
    try {
      const data = await (await fetch("/api/invites", { cache: "no-store" })).json();
      const blocks = document.getElementById("blocks");
      for (const block of data.blocks) {
        const title = document.createElement("div");
        title.textContent = block.name + " ";
        if (block.screen) {
          const link = document.createElement("a");
          link.href = block.screen; link.target = "_blank"; link.rel = "noopener";
          link.textContent = "🖥 " + data.screen_label;
          title.appendChild(link);
        }
        const codes = document.createElement("div");
        codes.className = "codes";
        for (const code of block.codes) {
          const button = document.createElement("button");
          button.type = "button";
          button.title = code.name;
          button.append(code.who + " ");
          const strong = document.createElement("code"); strong.textContent = code.code;
          button.appendChild(strong);
          button.addEventListener("click", () => {
            if (!selected) return;
            selected.text.value = "/start " + code.code;
            selected.text.focus();
          });
          codes.appendChild(button);
        }
        blocks.append(title, codes);
      }
    } catch (error) {
      // no block yet: nothing to list
    }
  }

  document.getElementById("add-pane").addEventListener("click", () => addPane("nguoi" + (panesByNode.size + 1)));
  ["thuongtruc", "donvi1", "donvi2"].forEach(addPane);
  invites();
  poll();
  setInterval(poll, 1000);
})();
