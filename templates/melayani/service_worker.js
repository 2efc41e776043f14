/* Banyuwangi Melayani's service worker: the contacts a citizen opened stay readable without signal.

   Pages come from the network first; the stored copy is used only when there is no network.
   Kept: responses the site marks with the keep header (office and service pages, vCards, the
   compact directory), shareable ones only, at most MAX_PAGES, the least recently used dropped
   first; a page that comes back online without the mark (made private, gone) is dropped. The
   shell (stylesheet, offline pages) is cached per version; saved pages outlive versions.
   Served by melayani/offline.py, which fills in CONFIG and the version. */
"use strict";

const CONFIG = {{ config_json|safe }};
const SHELL = "melayani-shell-" + CONFIG.version;
const PAGES = "melayani-pages-v1";
const SAVED_AT = "X-Saved-At";
const SAVED_TITLE = "X-Saved-Title";
const NOT_SHAREABLE = /private|no-store|no-cache/i;
const HTML_ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&#39;": "'" };

self.addEventListener("install", (event) => {
  const shell = [CONFIG.stylesheet, ...Object.values(CONFIG.offlinePages)];
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(shell)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  const old = (name) => name.startsWith("melayani-shell-") && name !== SHELL;
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter(old).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
      .then(keepOpenPages)
  );
});

async function keepOpenPages() {
  // The page that installed the worker came before it: kept now, so that a first visit counts too.
  const windows = await self.clients.matchAll({ type: "window" });
  const urls = windows.map((client) => withoutHash(client.url)).filter((url) => languageOf(new URL(url).pathname));
  await Promise.all(urls.map((url) => fetch(url).then((response) => remember(url, response), () => false)));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  const language = languageOf(url.pathname);
  if (language) {
    event.respondWith(networkFirst(event, language));
  } else if (request.destination === "style") {
    event.respondWith(stylesheet(request));
  }
});

self.addEventListener("message", (event) => {
  // "Save for offline use" buttons (static/js/offline.js) ask for a page of this site by its path.
  const data = event.data || {};
  const url = new URL(String(data.keep || ""), self.location.origin);
  if (url.origin !== self.location.origin || !languageOf(url.pathname)) return;
  const reply = (saved) => event.ports[0] && event.ports[0].postMessage({ saved });
  event.waitUntil(
    fetch(url.href, { credentials: "same-origin" })
      .then((response) => remember(url.href, response))
      .then(reply, () => reply(false))
  );
});

function languageOf(path) {
  return Object.keys(CONFIG.offlinePages).find((code) => path.startsWith("/" + code + "/"));
}

async function networkFirst(event, language) {
  const request = event.request;
  try {
    const response = await fetch(request);
    event.waitUntil(remember(withoutHash(request.url), response.clone()));
    return response;
  } catch (error) {
    const saved = await fromStore(withoutHash(request.url), language);
    if (saved) return saved;
    if (request.mode === "navigate") return offlinePage(language);
    throw error;
  }
}

async function stylesheet(request) {
  // Saved pages name the stylesheet of their day (a hashed name): offline, today's one serves them all.
  try {
    return await fetch(request);
  } catch (error) {
    const cached = (await caches.match(request)) || (await caches.match(CONFIG.stylesheet));
    if (cached) return cached;
    throw error;
  }
}

function withoutHash(url) {
  return url.split("#")[0];
}

function keepable(response) {
  return (
    response.status === 200 &&
    response.headers.get(CONFIG.keepHeader) === "1" &&
    !NOT_SHAREABLE.test(response.headers.get("Cache-Control") || "")
  );
}

async function remember(url, response) {
  const store = await caches.open(PAGES);
  if (!keepable(response)) {
    // A server error says nothing about the page; anything else (password form, login, 404) drops it.
    if (response.status < 500) await store.delete(url);
    return false;
  }
  const body = await response.blob();
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  headers.set(SAVED_TITLE, encodeURIComponent(titleOf(await body.text(), headers.get("Content-Type") || "")));
  await store.put(url, new Response(body, { status: 200, statusText: "OK", headers }));
  await trim(store);
  return true;
}

function titleOf(text, type) {
  const found = type.includes("vcard") ? /^FN:(.*)$/m.exec(text) : /<title>([^<]*)<\/title>/.exec(text);
  const title = found ? found[1].trim() : "";
  return title.split(" · ")[0].replace(/&(amp|lt|gt|quot|#x27|#39);/g, (entity) => HTML_ENTITIES[entity]);
}

async function trim(store) {
  // Keys come in the order they were put: the oldest first.
  const keys = await store.keys();
  const extra = keys.slice(0, Math.max(0, keys.length - CONFIG.maxPages));
  await Promise.all(extra.map((key) => store.delete(key)));
}

async function fromStore(url, language) {
  const store = await caches.open(PAGES);
  const saved = await store.match(url);
  if (!saved) return null;
  await store.put(url, saved.clone()); // now the most recently used
  if (!(saved.headers.get("Content-Type") || "").includes("text/html")) return saved;
  const html = (await saved.text())
    .replace(CONFIG.savedNote.hidden, CONFIG.savedNote.shown)
    .replace(CONFIG.savedNote.time, timeElement(saved.headers.get(SAVED_AT), language));
  return new Response(html, { status: 200, headers: saved.headers });
}

async function offlinePage(language) {
  const page = await caches.match(CONFIG.offlinePages[language]);
  if (!page) return Response.error();
  const items = await savedPages(language);
  let html = await page.text();
  if (items.length) {
    const list = CONFIG.savedList;
    html = html.replace(list.hidden, list.shown + items.join("")).replace(list.none, list.noneHidden);
  }
  return new Response(html, { status: 503, statusText: "Offline", headers: page.headers });
}

async function savedPages(language) {
  const store = await caches.open(PAGES);
  const items = [];
  for (const request of (await store.keys()).reverse()) {
    const path = new URL(request.url).pathname;
    if (!path.startsWith("/" + language + "/")) continue;
    const saved = await store.match(request);
    const title = decodeURIComponent(saved.headers.get(SAVED_TITLE) || "") || path;
    const link = '<a href="' + escapeHtml(request.url) + '">' + escapeHtml(title) + "</a>";
    items.push("<li>" + link + " " + timeElement(saved.headers.get(SAVED_AT), language) + "</li>");
  }
  return items;
}

function timeElement(iso, language) {
  const when = new Date(iso);
  const label = when.toLocaleString(CONFIG.locales[language] || language, { dateStyle: "medium", timeStyle: "short" });
  return '<time data-saved-at datetime="' + escapeHtml(iso) + '">' + escapeHtml(label) + "</time>";
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
}
