/**
 * The printable page around a document: A4 print CSS, a running header (case, document, revision,
 * fingerprint) repeated on every printed page, and a toolbar for the screen — Print / Save as PDF,
 * open in its own tab, download — that never prints. The system's CJK fonts do the Chinese: no
 * embedded font, no CDN, nothing fetched.
 */
import { esc, say } from './html';
import { QR_SCRIPT } from './qr';
import type { Language } from './html';
import { TERM } from './terms';
import type { Words } from './terms';

export interface Issue {
  /** "RD-2026-0001", or "PO annex" for the workbook's annex. */
  reference: string;
  revision: number;
  fingerprint: string;
  /** When this revision was first issued, as the spreadsheet's wall time with its zone. */
  issuedAt: string;
}

const CSS = `
@page { size: A4; margin: 14mm 14mm 14mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 10pt/1.35 Arial, "Helvetica Neue", Helvetica, sans-serif; color: #111; }
:lang(zh-Hans) { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
.toolbar { position: sticky; top: 0; display: flex; gap: 8px; align-items: center; padding: 8px 12px; background: #f1f3f4; border-bottom: 1px solid #dadce0; font: 13px Arial, sans-serif; z-index: 1; }
.toolbar button, .toolbar a { font: inherit; padding: 5px 12px; border: 1px solid #dadce0; border-radius: 4px; background: #fff; color: #1a73e8; cursor: pointer; text-decoration: none; }
.toolbar button.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
.toolbar .note { color: #5f6368; }
.toolbar:lang(zh-Hans) { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
.sheet { max-width: 182mm; margin: 12px auto; }
table.paper { width: 100%; border-collapse: collapse; }
table.paper > thead td { padding: 0 0 6px; }
.running { display: flex; justify-content: space-between; gap: 8px; border-bottom: 1.5px solid #111; padding-bottom: 3px; font-size: 8pt; }
.running b { font-size: 9pt; }
h1 { font-size: 14pt; margin: 4px 0 2px; }
h2 { font-size: 10.5pt; margin: 8px 0 3px; border-bottom: 1px solid #999; padding-bottom: 1px; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10pt; margin: 6px 0 3px; break-after: avoid; }
h1 .zh, h2 .zh, h3 .zh { font-weight: normal; }
span.zh { color: #333; }
th .zh { display: block; font-size: 7.5pt; font-weight: normal; }
p { margin: 3px 0; }
.bi { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; break-inside: avoid; page-break-inside: avoid; }
.bi > * { margin: 3px 0; }
table.facts, table.grid { width: 100%; border-collapse: collapse; margin: 3px 0 6px; }
table.facts th, table.facts td, table.grid th, table.grid td { border: 1px solid #999; padding: 2px 5px; text-align: left; vertical-align: top; }
table.facts th { width: 19%; background: #f3f3f3; font-weight: normal; font-size: 8.5pt; }
table.facts td { width: 31%; }
table.facts.wide th { width: 30%; }
table.facts.wide td { width: 70%; }
table.facts th:empty { background: none; }
table.grid th { background: #f3f3f3; font-weight: bold; font-size: 8pt; }
table.grid td { font-size: 8.5pt; padding: 1px 4px; }
table.grid tr, table.facts tr { break-inside: avoid; page-break-inside: avoid; }
td.n, .n { text-align: right; white-space: nowrap; }
.verdict { font-weight: bold; font-size: 12pt; }
.reject { color: #b00020; }
.accept { color: #0b6e2e; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.unit { border: 1px solid #777; padding: 4px 6px; margin: 0 0 6px; break-inside: avoid; page-break-inside: avoid; }
.unit h3 { margin-top: 0; }
.links { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4px 8px; }
.link { display: flex; gap: 4px; align-items: flex-start; font-size: 7.5pt; }
.link .url { word-break: break-all; }
.link .qr { flex: none; }
.missing { color: #b00020; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 10px 20px; margin-top: 12px; }
.sign .role { font-weight: bold; margin-bottom: 14px; }
.sign .line { border-top: 1px solid #111; margin-top: 18px; padding-top: 1px; font-size: 8pt; color: #333; }
.tz { color: #555; font-size: 8pt; }
ol.clauses { padding-left: 18px; margin: 3px 0; }
ol.clauses > li { margin: 3px 0; break-inside: avoid; page-break-inside: avoid; }
.fine { font-size: 8pt; color: #333; }
@media print {
  .toolbar { display: none; }
  .sheet { max-width: none; margin: 0; }
  a { color: inherit; text-decoration: none; }
}
`;

// Printing from a dialog can be blocked by a browser; the same page opens in its own tab or downloads.
const SCRIPT = `
(function () {
  function page() { return '<!DOCTYPE html>' + document.documentElement.outerHTML; }
  document.getElementById('rd-print').onclick = function () { window.print(); };
  document.getElementById('rd-tab').onclick = function () {
    var url = URL.createObjectURL(new Blob([page()], { type: 'text/html' }));
    var opened = window.open(url, '_blank');
    var note = document.getElementById('rd-note');
    note.textContent = opened ? '' : note.getAttribute('data-blocked');
  };
  var download = document.getElementById('rd-download');
  download.onclick = function () { download.href = URL.createObjectURL(new Blob([page()], { type: 'text/html' })); };
})();
`;

/** A whole document: the page, its running header, and its content. */
export function documentPage(args: { title: Words; lang: Language; issue: Issue; body: string; fileName: string }): string {
  const { title, lang, issue, body } = args;
  const htmlLang = lang === 'zh' ? 'zh-Hans' : 'en';
  // The toolbar speaks the reader's language: a factory manager opening the Chinese copy prints it.
  const tool =
    lang === 'zh'
      ? {
          print: '打印 / 另存为 PDF',
          tab: '在新标签页中打开',
          download: '下载',
          blocked: '浏览器阻止了新标签页：请点“下载”，打开下载的文件后打印。',
        }
      : {
          print: 'Print / Save as PDF',
          tab: 'Open in its own tab',
          download: 'Download',
          blocked: 'The browser blocked a new tab: use Download, then open the file and print it.',
        };
  const plainTitle = lang === 'zh' ? title.zh : lang === 'both' ? `${title.en} / ${title.zh}` : title.en;
  const running =
    `<div class="running"><span><b>${esc(issue.reference)}</b> · ${say(title, lang)}</span>` +
    `<span>${say(TERM.revision, lang)} ${issue.revision} · ${say(TERM.fingerprint, lang)} <b>${esc(issue.fingerprint)}</b></span></div>`;
  return (
    `<!DOCTYPE html><html lang="${htmlLang}"><head><meta charset="utf-8"><title>${plainTitle} — ${esc(issue.reference)}</title>` +
    `<style>${CSS}</style></head><body>` +
    `<div class="toolbar" lang="${htmlLang}"><button id="rd-print" class="primary" type="button">${tool.print}</button>` +
    `<button id="rd-tab" type="button">${tool.tab}</button>` +
    `<a id="rd-download" href="#" download="${esc(args.fileName)}.html">${tool.download}</a><span id="rd-note" class="note" role="status" data-blocked="${tool.blocked}"></span></div>` +
    `<div class="sheet"><table class="paper"><thead><tr><td>${running}</td></tr></thead><tbody><tr><td>` +
    `<h1>${say(title, lang)}</h1>` +
    `<p class="fine">${say(TERM.issued, lang)} ${esc(issue.issuedAt)} · ${say(TERM.revision, lang)} ${issue.revision} · ${say(TERM.fingerprint, lang)} ${esc(issue.fingerprint)}</p>` +
    body +
    `</td></tr></tbody></table></div><script>${SCRIPT}${body.includes('data-qr=') ? QR_SCRIPT : ''}</script></body></html>`
  );
}
