// The sidebar: its size, and its time to interactive in headless Chromium (the page's own clock,
// from navigation start to the first render), beside a trivial page loaded the same way.
import { readFileSync, statSync } from 'node:fs';
import { launch } from '../test/browser/browser';

// Notes the moment the page first marks itself ready, on the page's own clock.
const READY_CLOCK = `<script>new MutationObserver(function(){if(!window.__ready&&document.body&&document.body.dataset.ready)window.__ready=performance.now();})
  .observe(document.documentElement,{attributes:true,subtree:true,childList:true});</script>`;

const STUB = `<script>window.google={script:{run:new Proxy({},{get:function(_,n){
  if(n==='withSuccessHandler')return function(ok){return new Proxy({},{get:function(_,m){
    if(m==='withFailureHandler')return function(){return this;};
    return function(){setTimeout(function(){ok(m==='rdListCases'?{ok:true,data:{cases:[],olderClosed:0,problems:[]}}:{ok:false,error:'not in the benchmark'});},0);};}});};
  return function(){};}})}};</script>`;

const TRIVIAL = '<!DOCTYPE html><html><head></head><body><p>Hello</p><script>document.body.dataset.ready="true"</script></body></html>';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(dist: URL): Promise<void> {
  const file = new URL('Sidebar.html', dist);
  const size = statSync(file).size;
  const sidebar = readFileSync(file, 'utf8').replace('<head>', () => `<head>${READY_CLOCK}${STUB}`);
  const trivial = TRIVIAL.replace('<head>', () => `<head>${READY_CLOCK}`);
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
  // Each load is a fresh navigation, answered from memory: nothing goes to the network.
  let html = '';
  await page.route('http://bench.invalid/**', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  const timeToReady = async (content: string) => {
    html = content;
    const samples: number[] = [];
    for (let i = 0; i < 11; i++) {
      await page.goto(`http://bench.invalid/${i}`);
      await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined);
      samples.push(await page.evaluate(() => (window as unknown as { __ready: number }).__ready));
    }
    return median(samples);
  };
  const sidebarMs = await timeToReady(sidebar);
  const trivialMs = await timeToReady(trivial);
  await browser.close();
  console.log('Sidebar (dist/Sidebar.html)');
  console.log(`  size: ${(size / 1024).toFixed(1)} KB (${size} bytes; target ≤ 150 KB)`);
  console.log(
    `  time to interactive (median of 11): ${sidebarMs.toFixed(0)} ms; a trivial page: ${trivialMs.toFixed(0)} ms; ratio ${(sidebarMs / trivialMs).toFixed(1)}×`,
  );
}
