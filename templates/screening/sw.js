// Recognise & Refer service worker: keeps the reading pages for use without signal.
// It keeps only the pages in CONFIG.pages and static files. Anything else, above all the
// result and every form sent, goes to the network untouched and is never stored; a checklist
// sent without signal is not queued, the worker is told it was not sent.
"use strict";

const CONFIG = {{ config|safe }};
// The next-step rules, read from CONFIG.rules: the server's own list, exported as data.
importScripts(CONFIG.rulesScript);
const PAGES = new Set(CONFIG.pages);
const SAVED_AT = "x-rr-saved-at";

self.addEventListener("install", (event) => {
  event.waitUntil(fillCache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  // Copies from another content version, language, region or sign-in are deleted.
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CONFIG.cache).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.method === "POST" && request.mode === "navigate" && url.pathname === CONFIG.checklist) {
    // A copy of the form, read only if the network fails and only to work out the steps: the
    // answers stay in this function's memory and are never stored.
    const copy = request.clone();
    event.respondWith(fetch(request).catch(() => offlineSteps(copy)));
    return;
  }
  if (request.method === "POST" && request.mode === "navigate" && url.pathname.startsWith(CONFIG.practice)) {
    // A practice case sent without signal: nothing is kept, the worker is told to try later.
    event.respondWith(fetch(request).catch(() => practiceNotSentPage()));
    return;
  }
  if (request.method === "POST" && request.mode === "navigate" && url.pathname === CONFIG.report) {
    // A report sent without signal is simply not sent: say so, keep nothing.
    event.respondWith(fetch(request).catch(() => reportNotSentPage()));
    return;
  }
  if (request.method !== "GET") {
    return;
  }
  if (request.mode === "navigate" && PAGES.has(url.pathname)) {
    event.respondWith(pageFromNetworkOrCopy(event, url.pathname));
  } else if (url.pathname.startsWith(CONFIG.staticPrefix) || CONFIG.static.includes(url.pathname)) {
    event.respondWith(fileFromCopyOrNetwork(event, request));
  }
});

async function fillCache() {
  const cache = await caches.open(CONFIG.cache);
  const files = new Set(CONFIG.static);
  for (const path of CONFIG.pages) {
    try {
      const response = await fetch(path, { credentials: "same-origin", cache: "no-store" });
      const html = await keepPage(cache, path, response);
      linkedFiles(html).forEach((file) => files.add(file));
    } catch (error) {
      // No signal now: the page is saved on the next visit instead.
    }
  }
  await Promise.all([...files].map((file) => cache.add(file).catch(() => undefined)));
}

// Keep a page only when it is exactly the page asked for: not a sign-in redirect, not an error.
async function keepPage(cache, path, response) {
  const type = response.headers.get("content-type") || "";
  if (
    response.status !== 200 ||
    response.type !== "basic" ||
    response.redirected ||
    new URL(response.url).pathname !== path ||
    !type.startsWith("text/html")
  ) {
    await discard(response);
    return "";
  }
  // One-off messages ("the result has been cleared") belong to that visit, not the copy.
  const html = (await response.text()).replace(/<div class="messages"[^>]*>[\s\S]*?<\/div>/, "");
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  headers.set(SAVED_AT, String(Date.now()));
  await cache.put(path, new Response(html, { status: 200, headers }));
  return html;
}

function linkedFiles(html) {
  const files = [];
  const pattern = /(?:href|src)="([^"]+)"/g;
  let match;
  while ((match = pattern.exec(html)) !== null) {
    if (match[1].startsWith(CONFIG.staticPrefix)) {
      files.push(match[1]);
    }
  }
  return files;
}

async function pageFromNetworkOrCopy(event, path) {
  const network = fetch(event.request);
  const saved = await savedCopy(path);
  let response;
  try {
    // With a saved copy, a connection that is there but hardly works is not waited on for long;
    // except the checklist and the practice cases, whose saved copies hold tokens (CSRF, the
    // form's) that an online server would refuse.
    const quick = saved && path !== CONFIG.checklist && !path.startsWith(CONFIG.practice);
    response = quick ? await Promise.race([network, delay(CONFIG.networkWaitMs)]) : await network;
  } catch (error) {
    if (saved) {
      return savedPage(saved, path, CONFIG.text.offline);
    }
    const note = `<h1>${escapeHtml(CONFIG.text.offline)}</h1><p>${escapeHtml(CONFIG.text.notSaved)}</p>`;
    return shellPage(note + CONFIG.emergencyHtml + homeLinks(), 503);
  }
  if (response === undefined) {
    // The page still arrives later, and is saved for next time.
    event.waitUntil(
      network
        .then((late) => caches.open(CONFIG.cache).then((cache) => keepPage(cache, path, late)))
        .catch(() => undefined)
    );
    return savedPage(saved, path, CONFIG.text.slow);
  }
  if (response.status >= 500) {
    // The service is down (its database, say): the saved copy, with its numbers, helps more.
    if (saved) {
      await discard(response);
      return savedPage(saved, path, CONFIG.text.unavailable);
    }
    return response;
  }
  const copy = response.clone();
  event.waitUntil(
    caches
      .open(CONFIG.cache)
      .then((cache) => keepPage(cache, path, copy))
      .catch(() => undefined)
  );
  return response;
}

async function fileFromCopyOrNetwork(event, request) {
  const cache = await caches.open(CONFIG.cache);
  const saved = await cache.match(request);
  if (saved) {
    event.waitUntil(refreshFile(cache, request));
    return saved;
  }
  const response = await fetch(request);
  if (response.status === 200 && response.type === "basic") {
    event.waitUntil(cache.put(request, response.clone()).catch(() => undefined));
  }
  return response;
}

async function refreshFile(cache, request) {
  try {
    const response = await fetch(request);
    if (response.status === 200 && response.type === "basic") {
      await cache.put(request, response);
    } else {
      await discard(response);
    }
  } catch (error) {
    // No signal: the saved copy stays.
  }
}

// An unread body holds its connection open; the browser allows only a few per site.
async function discard(response) {
  if (response.body) {
    await response.body.cancel().catch(() => undefined);
  }
}

// This worker's own copy first; while a newer worker is still filling its cache, its copies
// count too.
async function savedCopy(path) {
  const cache = await caches.open(CONFIG.cache);
  return (await cache.match(path)) || (await caches.match(path));
}

async function savedPage(saved, path, why) {
  const when = Number(saved.headers.get(SAVED_AT));
  const line = CONFIG.text.saved.replace("{date}", formatDate(when));
  let note =
    `<div class="panel panel-warn offline-note" role="status"><p><strong>${escapeHtml(why)}</strong> ` +
    `${escapeHtml(line)}</p></div>`;
  if (CONFIG.emergencyOn.includes(path)) {
    note += CONFIG.emergencyHtml;
  }
  const html = insertIntoMain(await saved.text(), note);
  const headers = new Headers(saved.headers);
  headers.delete(SAVED_AT);
  return new Response(html, { status: 200, headers });
}

async function offlineSteps(request) {
  let form;
  try {
    form = await request.formData();
  } catch (error) {
    return notSentPage();
  }
  if (!CONFIG.rules || typeof RRRules === "undefined") {
    return notSentPage();
  }
  const answered = [];
  const counts = { yes: 0, not_sure: 0 };
  for (const [name, value] of form.entries()) {
    const sign = CONFIG.signs[name];
    if (sign && (value === "yes" || value === "not_sure")) {
      counts[value] += 1;
      answered.push([sign[0], sign[1], value]);
    }
  }
  const facts = Object.assign(
    {
      danger: String(form.get("immediate_danger") || ""),
      age_band: String(form.get("age_band") || ""),
      setting: String(form.get("setting") || ""),
      yes: counts.yes,
      not_sure: counts.not_sure,
    },
    RRRules.noted(CONFIG.rules, answered)
  );
  const steps = RRRules.nextSteps(CONFIG.rules, facts);
  const text = CONFIG.text;
  const items = steps
    .filter((code) => CONFIG.dangerSteps.indexOf(code) === -1 && CONFIG.stepTexts[code])
    .map((code) => {
      const step = CONFIG.stepTexts[code];
      return `<li><strong>${escapeHtml(step.title)}.</strong> ${escapeHtml(step.body)}</li>`;
    });
  const contacts = [];
  for (const kind of RRRules.kindsNeeded(CONFIG.rules, steps)) {
    for (const contact of CONFIG.contactsByKind[kind] || []) {
      const calls = contact.phones.map(
        (phone) =>
          `<a class="call-link" href="tel:${escapeHtml(phone.replace(/[^0-9+]/g, ""))}">${escapeHtml(text.call)} <span class="phone-number" dir="ltr">${escapeHtml(phone)}</span></a>`
      );
      contacts.push(`<li class="contact-row"><p class="contact-name"><strong><bdi>${escapeHtml(contact.name)}</bdi></strong></p><div class="contact-actions">${calls.join(" ")}</div></li>`);
    }
  }
  const content =
    `<section class="panel panel-danger not-sent" role="alert" aria-labelledby="not-sent-title">` +
    `<h2 id="not-sent-title">${escapeHtml(text.notSentTitle)}</h2><p>${escapeHtml(text.offlineStepsBody)}</p></section>` +
    CONFIG.emergencyHtml +
    `<h1>${escapeHtml(text.nextSteps)}</h1><p class="not-diagnosis">${escapeHtml(text.notDiagnosis)}</p>` +
    `<ol class="steps">${items.join("")}</ol>` +
    (contacts.length ? `<h2>${escapeHtml(text.whoToContact)}</h2><ul class="contact-rows">${contacts.join("")}</ul>` : "") +
    homeLinks();
  return shellPage(content, 503);
}

function reportNotSentPage() {
  const text = CONFIG.text;
  const notice =
    `<section class="panel panel-warn not-sent" role="alert"><p>${escapeHtml(text.reportNotSent)}</p></section>` +
    CONFIG.emergencyHtml;
  return shellPage(notice + homeLinks(), 503);
}

function practiceNotSentPage() {
  const notice =
    `<p class="practice-banner" role="note"><strong>${escapeHtml(CONFIG.text.practice)}</strong> ${escapeHtml(CONFIG.text.practiceBanner)}</p>` +
    `<section class="panel panel-warn not-sent" role="alert"><p>${escapeHtml(CONFIG.text.practiceNotSent)}</p></section>`;
  return shellPage(notice + homeLinks(), 503);
}

async function notSentPage() {
  const text = CONFIG.text;
  const notice =
    `<section class="panel panel-danger not-sent" role="alert" aria-labelledby="not-sent-title">` +
    `<h2 id="not-sent-title">${escapeHtml(text.notSentTitle)}</h2><p>${escapeHtml(text.notSentBody)}</p></section>` +
    CONFIG.emergencyHtml;
  const guidance = await savedCopy(CONFIG.notSentPage);
  if (guidance) {
    let html = insertIntoMain(await guidance.text(), notice);
    html = html.replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeHtml(text.notSentTitle)}</title>`);
    const headers = new Headers(guidance.headers);
    headers.delete(SAVED_AT);
    return new Response(html, { status: 503, headers });
  }
  return shellPage(notice + homeLinks(), 503);
}

function homeLinks() {
  return (
    `<p><a href="${CONFIG.notSentPage}">${escapeHtml(CONFIG.text.guidance)}</a></p>` +
    `<p><a href="${CONFIG.start}">${escapeHtml(CONFIG.text.start)}</a></p>`
  );
}

function shellPage(content, status) {
  return new Response(insertIntoMain(CONFIG.shell, content), {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    },
  });
}

function delay(milliseconds) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function insertIntoMain(html, content) {
  return html.replace(/<main\b[^>]*>/, (tag) => tag + content);
}

function formatDate(time) {
  if (!time) {
    return "?";
  }
  try {
    return new Intl.DateTimeFormat(CONFIG.lang, { dateStyle: "long", timeStyle: "short" }).format(new Date(time));
  } catch (error) {
    return new Date(time).toISOString().slice(0, 16).replace("T", " ");
  }
}

function escapeHtml(value) {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
