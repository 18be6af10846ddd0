"use strict";
// Offline after one visit: registers sw.js (Workbox, written by `sitegen build`) over http(s)
// where the page links the manifest, beside which sw.js sits (so under a subpath too). With
// no sw.js (`mkdocs serve`), it drops an old registration: no page from an old cache.
(() => {
  const link = document.querySelector('link[rel="manifest"]');
  if (!("serviceWorker" in navigator) || !link || !/^https?:$/.test(location.protocol)) return;
  const sw = navigator.serviceWorker;
  const scope = new URL("./", link.href).href;
  // A page from an older build's worker, which a new build's worker then takes over.
  const box = document.querySelector("[data-md-component=dialog]");
  if (sw.controller && box) {
    const note = box.firstElementChild;
    note.setAttribute("role", "status");
    sw.addEventListener("controllerchange", () => {
      note.textContent = "This guide was updated. Reload to see the new version.";
      box.classList.add("md-dialog--active"); // Material's toast; a click hides it
      box.onclick = () => box.classList.remove("md-dialog--active");
    });
  }
  const url = new URL("sw.js", link.href);
  const forget = () => sw.getRegistration(scope)
    .then((old) => old?.scope === scope && old.unregister()).catch(() => {});
  const register = () => sw.register(url, { scope }).catch(forget);
  // Online, see first that sw.js is there: register() fetches none for a worker it knows.
  // Offline, the worker serves the guide, so there is nothing to do.
  const start = () => navigator.onLine && fetch(url, { method: "HEAD", cache: "no-store" })
    .then((got) => (got.ok ? register() : got.status === 404 && forget()), () => {});
  if (document.readyState === "complete") start();
  else addEventListener("load", start, { once: true }); // after the page's own loads
})();
