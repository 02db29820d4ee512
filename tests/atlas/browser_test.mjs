// Browser test of regio atlases: loads every page of each site given on the
// command line in the Debian chromium (headless, driven by puppeteer-core; no
// browser download) and checks: no console error, no failed request, no
// request outside the site, every link, image, script, stylesheet and
// download resolves, hovering (and focusing) a region shows its tooltip with
// the value of its table row, the table sorts, and screenshots of the index
// and of one map page are written and not blank.
//
//   node browser_test.mjs [--screenshots DIR] SITE_DIR [SITE_DIR ...]
//
// Exit 0 pass, 1 fail, 77 skipped (no chromium, and REGIO_CI is not set).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const args = process.argv.slice(2);
let shots = null;
const sites = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--screenshots") shots = args[++i];
  else sites.push(path.resolve(args[i]));
}
if (sites.length === 0) {
  console.error("usage: node browser_test.mjs [--screenshots DIR] SITE_DIR...");
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM)) {
  console.error(`browser test: ${CHROMIUM} not found`);
  process.exit(process.env.REGIO_CI ? 1 : 77);
}

const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);

function htmlFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(p));
    else if (entry.name.endsWith(".html")) out.push(p);
  }
  return out;
}

// Counts pixels that differ from the top-left one: a blank shot has none.
async function nonBlankPixels(browser, png) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = "data:image/png;base64," + b64;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      let differing = 0;
      for (let i = 4; i < data.length; i += 4)
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) differing++;
      return differing;
    }, Buffer.from(png).toString("base64"));
  } finally {
    await page.close();
  }
}

const userDataDir = fs.mkdtempSync(path.join(process.env.TMPDIR || "/tmp", "regio-atlas-chromium-"));
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  userDataDir,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
});

let pagesLoaded = 0, hovers = 0, sorts = 0;
try {
  for (const site of sites) {
    const siteUrl = pathToFileURL(site + path.sep).href;
    const files = htmlFiles(site);
    if (!files.some((f) => f === path.join(site, "index.html"))) fail(site, "no index.html");
    let mapShot = false;
    for (const file of files) {
      const where = path.relative(path.dirname(site), file);
      const page = await browser.newPage();
      page.on("console", (m) => { if (m.type() === "error") fail(where, "console error: " + m.text()); });
      page.on("pageerror", (e) => fail(where, "page error: " + e.message));
      page.on("dialog", async (d) => { fail(where, "a dialog opened (unescaped script?): " + d.message()); await d.dismiss(); });
      page.on("requestfailed", (r) => fail(where, "request failed: " + r.url()));
      page.on("request", (r) => { if (!r.url().startsWith(siteUrl)) fail(where, "request outside the site: " + r.url()); });
      await page.setViewport({ width: 1100, height: 900 });
      const response = await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      if (!response || !response.ok()) fail(where, "did not load");
      pagesLoaded++;

      // Every reference resolves to a file of the site; fragments to an element.
      const refs = await page.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll("a[href], img[src], script[src], link[href]"))
          out.push(new URL(el.getAttribute("href") ?? el.getAttribute("src"), document.baseURI).href);
        return out;
      });
      const lang = await page.evaluate(() => document.documentElement.lang);
      if (!lang) fail(where, "no lang attribute");
      const title = await page.title();
      if (!title.trim()) fail(where, "no title");
      const missingAlt = await page.evaluate(() => Array.from(document.querySelectorAll("img")).filter((i) => !i.hasAttribute("alt")).length);
      if (missingAlt) fail(where, `${missingAlt} image(s) without alt`);
      for (const ref of refs) {
        if (typeof ref !== "string" || ref === "") continue;
        if (!ref.startsWith(siteUrl)) { fail(where, "link outside the site: " + ref); continue; }
        const url = new URL(ref);
        const target = fileURLToPath(url.href.split("#")[0]);
        if (!fs.existsSync(target)) { fail(where, "broken link: " + ref); continue; }
        if (url.hash && target === file) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!(await page.evaluate((i) => !!document.getElementById(i), id))) fail(where, "no element for " + url.hash);
        }
      }

      // Indicator pages: tooltips and sorting.
      const isMap = await page.$("svg.choropleth");
      if (isMap) {
        const target = await page.evaluate(() => {
          for (const tr of document.querySelectorAll("#values tbody tr")) {
            if (tr.cells[1].getAttribute("data-sort") !== "") return { id: tr.getAttribute("data-id"), value: tr.cells[1].textContent.trim() };
          }
          return null;
        });
        if (target) {
          const links = await page.$$("svg.choropleth a[data-id]");
          let link = null;
          for (const l of links) if ((await l.evaluate((e) => e.getAttribute("data-id"))) === target.id) link = l;
          if (!link) fail(where, "no map region for " + target.id);
          else {
            await (await link.$("path")).hover();
            const tip = await page.$eval(".tooltip", (t) => ({ hidden: t.hidden, text: t.textContent }));
            if (tip.hidden || !tip.text.includes(target.value)) fail(where, `hover on ${target.id}: tooltip ${JSON.stringify(tip)} lacks ${target.value}`);
            else hovers++;
            await page.mouse.move(1, 1);
            await link.evaluate((e) => e.focus());
            const focused = await page.$eval(".tooltip", (t) => ({ hidden: t.hidden, text: t.textContent }));
            if (focused.hidden || !focused.text.includes(target.value)) fail(where, "keyboard focus on a region shows no tooltip");
          }
        } else fail(where, "no region with a value to hover");
        const sortedBy = async () => page.$$eval("#values tbody tr", (rows) => rows.map((r) => r.cells[1].getAttribute("data-sort")).filter((v) => v !== "").map(Number));
        const button = await page.$("#values thead th:nth-child(2) button");
        await button.click();
        const up = await sortedBy();
        await button.click();
        const down = await sortedBy();
        const ascending = (a) => a.every((v, i) => i === 0 || a[i - 1] <= v);
        if (!ascending(up) || !ascending([...down].reverse()) || up.length < 2) fail(where, `table does not sort: ${up} / ${down}`);
        else sorts++;
        if (shots && !mapShot) {
          await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
          await page.mouse.move(1, 1);
          const png = await page.screenshot({ path: path.join(shots, path.basename(site) + "-map.png"), fullPage: false });
          if ((await nonBlankPixels(browser, png)) < 1000) fail(where, "the map page's screenshot is blank");
          mapShot = true;
        }
      }
      if (shots && file === path.join(site, "index.html")) {
        await page.evaluate(() => Promise.all(Array.from(document.images).map((i) => i.decode().catch(() => null))));
        const png = await page.screenshot({ path: path.join(shots, path.basename(site) + "-index.png"), fullPage: false });
        if ((await nonBlankPixels(browser, png)) < 1000) fail(where, "the index's screenshot is blank");
      }
      await page.close();
    }
    if (!mapShot) fail(site, "no map page");
  }
} finally {
  await browser.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

for (const f of failures.slice(0, 50)) console.error("FAIL " + f);
console.log(`browser test: ${sites.length} site(s), ${pagesLoaded} pages, ${hovers} tooltips, ${sorts} sorted tables, ${failures.length} failure(s)`);
process.exit(failures.length ? 1 : 0);
