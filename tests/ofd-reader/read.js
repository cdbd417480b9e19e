#!/usr/bin/env node
// Opens OFD packages in an independent reader, ofd.js 0.2.6 (Apache-2.0), in headless
// Chromium, the way a web-based OA system shows them: every page rendered, its text read
// back from the reader's own drawing (each character where the reader put it), and a
// screenshot of each page kept.
//
// Usage: node read.js OUT_DIR FILE.ofd...
// Writes OUT_DIR/<name>-p<N>.png and prints one JSON object:
//   {"files": [{"file", "pages": [{"width", "height", "chars": [[c, x_mm, y_mm], ...],
//     "png"}], "errors": [...]}]}
// Environment: CHROMIUM (default /usr/bin/chromium).
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const here = __dirname;
const reader = path.join(here, 'node_modules', 'ofd.js', 'lib', 'ofd.umd.min.js');

// The page: loads ofd.js, parses the file named in the query, renders every page 1000 px
// wide and says when it is done.
const page = `<!doctype html><meta charset="utf-8"><title>ofd.js</title>
<style>body{margin:0;background:#888}#pages>div{margin:0 0 20px 0}</style>
<div id="pages"></div>
<script src="/ofd.js"></script>
<script>
const file = new URLSearchParams(location.search).get('file');
ofd.parseOfdDocument({
  ofd: '/files/' + encodeURIComponent(file),
  success(res) {
    try {
      const divs = ofd.renderOfd(1000, res[0]);
      const box = document.getElementById('pages');
      divs.forEach(d => box.appendChild(d));
      window.done = {pages: divs.length};
    } catch (e) {
      window.done = {error: 'render: ' + e};
    }
  },
  fail(e) { window.done = {error: 'parse: ' + e}; }
});
</script>`;

function serve(files) {
  return new Promise(resolve => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://localhost');
      let body = null, type = 'application/octet-stream';
      if (url.pathname === '/reader.html') {
        body = page;
        type = 'text/html; charset=utf-8';
      } else if (url.pathname === '/ofd.js') {
        body = fs.readFileSync(reader);
        type = 'text/javascript';
      } else if (url.pathname.startsWith('/files/')) {
        const name = decodeURIComponent(url.pathname.slice(7));
        if (files.has(name))
          body = fs.readFileSync(files.get(name));
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        res.end();
        return;
      }
      if (body === null) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, {'Content-Type': type});
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  const [outDir, ...paths] = process.argv.slice(2);
  if (!outDir || !paths.length) {
    console.error('usage: node read.js OUT_DIR FILE.ofd...');
    process.exit(2);
  }
  const files = new Map(paths.map(p => [path.basename(p), path.resolve(p)]));
  const server = await serve(files);
  const port = server.address().port;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zb-ofd-reader-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const result = {files: []};
  try {
    for (const [name] of files) {
      const tab = await browser.newPage();
      const errors = [];
      tab.on('pageerror', e => errors.push(String(e)));
      tab.on('console', m => { if (m.type() === 'error' || /Error/.test(m.text())) errors.push(m.text()); });
      tab.on('response', r => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
      await tab.setViewport({width: 1040, height: 1500});
      await tab.goto(`http://127.0.0.1:${port}/reader.html?file=${encodeURIComponent(name)}`);
      await tab.waitForFunction('window.done', {timeout: 60000});
      const done = await tab.evaluate('window.done');
      const entry = {file: name, pages: [], errors};
      if (done.error) {
        errors.push(done.error);
      } else {
        // Each character where the reader drew it: the text element's x, y inside its
        // svg, plus the svg's place on the page; in millimetres of the page.
        const pages = await tab.evaluate(() => [...document.querySelectorAll('#pages > div')].map(div => {
          const w = div.getBoundingClientRect().width, h = div.getBoundingClientRect().height;
          const mm = 210 / w;
          const chars = [];
          for (const t of div.querySelectorAll('svg text')) {
            const svg = t.ownerSVGElement;
            const left = parseFloat(svg.style.left) || 0, top = parseFloat(svg.style.top) || 0;
            chars.push([t.textContent, (left + parseFloat(t.getAttribute('x'))) * mm,
                        (top + parseFloat(t.getAttribute('y'))) * mm]);
          }
          return {width: w, height: h, chars};
        }));
        const handles = await tab.$$('#pages > div');
        for (let i = 0; i < handles.length; i++) {
          const png = path.join(outDir, `${name.replace(/\.ofd$/, '')}-p${i + 1}.png`);
          await handles[i].screenshot({path: png});
          pages[i].png = png;
        }
        entry.pages = pages;
      }
      result.files.push(entry);
      await tab.close();
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(profile, {recursive: true, force: true});
  }
  process.stdout.write(JSON.stringify(result));
}

main().catch(e => {
  console.error(String(e && e.stack || e));
  process.exit(1);
});
