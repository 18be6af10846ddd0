// Writes sw.js into a built site with Workbox's generateSW: a service worker that precaches
// the site's pages and assets on the first visit, so the guide works offline after it.
// `sitegen build` runs it (scripts/sitegen/publish/serviceworker.py):
//   node tools/workbox/generate-sw.mjs SITE_DIR
// It prints {"count": files, "size": bytes} as JSON; any Workbox warning (a file too large,
// a pattern that matches nothing) fails it, so a page never drops out of the cache unseen.
import path from "node:path";
import { generateSW } from "workbox-build";

const args = process.argv.slice(2);
if (args.length !== 1) {
  console.error("usage: node generate-sw.mjs SITE_DIR");
  process.exit(2);
}
const site = path.resolve(args[0]);

// Globbing order is not fixed: sort the entries, so the same site gives the same sw.js.
const byUrl = async (entries) => ({
  manifest: [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
  warnings: [],
});

const { count, size, warnings } = await generateSW({
  globDirectory: site,
  // Pages, styles, scripts, the search index, the icons and the manifest. The PDF sheets
  // are left out: 2.5 MB, more than everything else together, and a page prints the same
  // sheet from the browser, offline too.
  globPatterns: ["**/*.{html,css,js,json,svg,png,webmanifest}"],
  globIgnores: [
    "404.html", // a host serves it at a missing address; its links are root-relative
    "assets/javascripts/lunr/**", // search's language packs: an English site loads none
    "**/*.map",
    "sw.js",
  ],
  swDest: path.join(site, "sw.js"),
  manifestTransforms: [byUrl],
  // Material's hashed bundle names change with their content: fetch them as they are, so
  // the browser's HTTP cache can answer from the page's own first load.
  dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.(?:js|css)$/,
  // A page is the same whatever its query (the library's filters live in it).
  ignoreURLParametersMatching: [/./],
  directoryIndex: "index.html",
  // A new build takes over as soon as the browser sees its sw.js (sw-register.js says so).
  skipWaiting: true,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  // One file, no workbox-<hash>.js beside it, no source map, no console logging.
  inlineWorkboxRuntime: true,
  mode: "production",
  sourcemap: false,
});

if (warnings.length > 0) {
  for (const warning of warnings) console.error(`workbox: ${warning}`);
  process.exit(1);
}
console.log(JSON.stringify({ count, size }));
