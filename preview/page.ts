/** The preview's page: the sidebar as Sheets shows it (300 px) beside the workbook's sheets. */
export const PREVIEW_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Rework Desk — local preview</title>
<style>
  body { margin: 0; font: 13px Arial, sans-serif; color: #202124; display: flex; height: 100vh; }
  #workbook { flex: 1; display: flex; flex-direction: column; min-width: 0; border-right: 1px solid #dadce0; }
  #bar { display: flex; gap: 8px; align-items: center; padding: 8px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
  #bar h1 { font-size: 14px; margin: 0 12px 0 0; }
  #tabs { display: flex; gap: 2px; padding: 4px 8px 0; border-bottom: 1px solid #dadce0; overflow-x: auto; }
  #tabs button { border: 1px solid #dadce0; border-bottom: none; background: #f1f3f4; padding: 4px 10px; cursor: pointer; font: inherit; white-space: nowrap; }
  #tabs button[aria-selected="true"] { background: #fff; font-weight: bold; color: #188038; }
  #grid { flex: 1; overflow: auto; }
  table { border-collapse: collapse; font-size: 12px; }
  th, td { border: 1px solid #e0e0e0; padding: 2px 6px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
  th { background: #f1f3f4; position: sticky; top: 0; }
  td.n { text-align: right; }
  aside { width: 300px; flex: none; display: flex; flex-direction: column; }
  aside header { padding: 8px; border-bottom: 1px solid #dadce0; font-weight: bold; background: #f8f9fa; }
  iframe { border: 0; width: 300px; flex: 1; }
  .empty { padding: 16px; color: #5f6368; }
  /* A dialog as Sheets shows one: over the whole window, the page in a frame, a title and a close button. */
  #dialog { position: fixed; inset: 0; background: rgba(32,33,36,.6); display: flex; align-items: center; justify-content: center; z-index: 10; }
  #dialog[hidden] { display: none; }
  #dialog .box { background: #fff; border-radius: 8px; box-shadow: 0 4px 24px rgba(0,0,0,.4); display: flex; flex-direction: column; max-width: 96vw; max-height: 94vh; }
  #dialog header { display: flex; align-items: center; padding: 10px 14px; font-size: 15px; }
  #dialog header span { flex: 1; }
  #dialog header button { border: 0; background: none; font-size: 20px; cursor: pointer; }
  #dialog iframe { border: 0; width: 100%; flex: none; }
</style>
</head>
<body>
<section id="workbook">
  <div id="bar">
    <h1>Rework Desk — local preview</h1>
    <button id="example" type="button">Load the example case</button>
    <button id="reset" type="button">Reset workbook</button>
    <button id="annex" type="button" title="Extensions → Rework Desk → PO quality annex (print)">PO quality annex</button>
    <span id="note" role="status"></span>
  </div>
  <div id="tabs" role="tablist" aria-label="Sheets"></div>
  <div id="grid"></div>
</section>
<div id="dialog" hidden role="dialog" aria-modal="true" aria-labelledby="dialog-title">
  <div class="box"><header><span id="dialog-title"></span><button id="dialog-close" type="button" aria-label="Close">×</button></header>
  <iframe id="dialog-frame" title="Dialog"></iframe></div>
</div>
<aside>
  <header>Rework Desk</header>
  <iframe id="sidebar" title="Rework Desk sidebar" src="/sidebar"></iframe>
</aside>
<script>
  var current = '';
  function cell(tag, text, cls) { var el = document.createElement(tag); el.textContent = text; if (cls) el.className = cls; return el; }
  function load() {
    fetch('/workbook').then(function (r) { return r.json(); }).then(function (book) {
      var tabs = document.getElementById('tabs');
      var grid = document.getElementById('grid');
      tabs.textContent = '';
      grid.textContent = '';
      if (!book.sheets.length) { grid.appendChild(cell('p', 'An empty workbook. Set up the tracker from the sidebar, or load the example case.', 'empty')); return; }
      if (!book.sheets.some(function (s) { return s.name === current; })) current = book.sheets[0].name;
      book.sheets.forEach(function (sheet) {
        var tab = cell('button', sheet.name);
        tab.type = 'button';
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-selected', String(sheet.name === current));
        tab.onclick = function () { current = sheet.name; load(); };
        tabs.appendChild(tab);
        if (sheet.name !== current) return;
        var table = document.createElement('table');
        sheet.rows.forEach(function (row, r) {
          var tr = document.createElement('tr');
          row.forEach(function (v) { tr.appendChild(cell(r === 0 ? 'th' : 'td', v === '' ? '' : String(v), typeof v === 'number' ? 'n' : '')); });
          table.appendChild(tr);
        });
        grid.appendChild(table);
      });
    });
  }
  function post(path, note) {
    document.getElementById('note').textContent = note;
    return fetch(path, { method: 'POST' }).then(function (r) { return r.json(); }).then(function (answer) {
      document.getElementById('note').textContent = answer.error ? answer.error : '';
      document.getElementById('sidebar').contentWindow.location.reload();
      load();
    });
  }
  document.getElementById('example').onclick = function () { post('/example', 'Loading the example case…'); };
  document.getElementById('reset').onclick = function () {
    // Every sheet and case goes: ask first.
    if (window.confirm('Reset the workbook? Every sheet and case in the preview is deleted.')) post('/reset', 'Resetting…');
  };
  function showDialog(d) {
    var box = document.getElementById('dialog');
    document.getElementById('dialog-title').textContent = d.title;
    var frame = document.getElementById('dialog-frame');
    frame.style.width = Math.min(d.width || 900, window.innerWidth * 0.96) + 'px';
    frame.style.height = Math.min(d.height || 640, window.innerHeight * 0.94 - 44) + 'px';
    frame.src = '/dialog/' + d.id;
    box.hidden = false;
  }
  document.getElementById('dialog-close').onclick = function () { document.getElementById('dialog').hidden = true; document.getElementById('dialog-frame').src = 'about:blank'; };
  document.getElementById('annex').onclick = function () {
    fetch('/menu/showPoAnnex', { method: 'POST' }).then(function (r) { return r.json(); }).then(function (answer) {
      if (answer.dialog) showDialog(answer.dialog);
      document.getElementById('note').textContent = answer.alert || '';
      load();
    });
  };
  window.addEventListener('message', function (event) {
    if (event.origin !== location.origin) return;
    if (event.data === 'rd:changed') load();
    else if (event.data && event.data.dialog) showDialog(event.data.dialog);
  });
  load();
</script>
</body>
</html>
`;
