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
  #tabs button.client { background: #e8f0fe; color: #174ea6; }
  #tabs button.client[aria-selected="true"] { background: #fff; color: #174ea6; }
  .file-note { padding: 6px 8px; background: #e8f0fe; border-bottom: 1px solid #dadce0; }
  #grid { flex: 1; overflow: auto; }
  #grid td { cursor: cell; }
  table { border-collapse: collapse; font-size: 12px; }
  th, td { border: 1px solid #e0e0e0; padding: 2px 6px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
  th { background: #f1f3f4; position: sticky; top: 0; }
  td.n { text-align: right; }
  aside { width: 300px; flex: none; display: flex; flex-direction: column; }
  aside header { padding: 8px; border-bottom: 1px solid #dadce0; font-weight: bold; background: #f8f9fa; }
  iframe { border: 0; width: 300px; flex: 1; }
  .empty { padding: 16px; color: #5f6368; }
  .charts { display: flex; flex-wrap: wrap; gap: 12px; padding: 12px; }
  .charts figure { margin: 0; border: 1px solid #dadce0; padding: 6px; }
  .charts figcaption { font-weight: bold; font-size: 12px; margin-bottom: 4px; }
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
    <button id="scorecard" type="button" title="Extensions → Rework Desk → Refresh factory scorecard">Refresh factory scorecard</button>
    <button id="annex" type="button" title="Extensions → Rework Desk → PO quality annex (print)">PO quality annex</button>
    <button id="views" type="button" title="Extensions → Rework Desk → Update client views">Update client views</button>
    <label>Signed in as <select id="user"><option>agent@example.com</option><option>second.agent@example.com</option></select></label>
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
    Promise.all([fetch('/workbook').then(function (r) { return r.json(); }), fetch('/client-files').then(function (r) { return r.json(); })]).then(function (both) {
      var book = both[0], files = both[1];
      var tabs = document.getElementById('tabs');
      var grid = document.getElementById('grid');
      tabs.textContent = '';
      grid.textContent = '';
      if (!book.sheets.length) { grid.appendChild(cell('p', 'An empty workbook. Set up the tracker from the sidebar, or load the example case.', 'empty')); return; }
      if (!book.sheets.some(function (s) { return s.name === current; }) && !files.some(function (f) { return 'client:' + f.id === current; })) current = book.sheets[0].name;
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
          row.forEach(function (v, c) {
            var td = cell(r === 0 ? 'th' : 'td', v === '' ? '' : String(v), typeof v === 'number' ? 'n' : '');
            // Double-click a cell to type into it, as in Sheets: what you type is read as Sheets reads typing.
            if (r > 0) td.ondblclick = function () { edit(sheet.name, r + 1, c + 1, v); };
            tr.appendChild(td);
          });
          table.appendChild(tr);
        });
        grid.appendChild(table);
        if (sheet.charts && sheet.charts.length) grid.appendChild(drawCharts(sheet.charts));
      });
      // Each client's own spreadsheet, beside the workbook: a separate file, read-only for its readers.
      files.forEach(function (file) {
        var key = 'client:' + file.id;
        var tab = cell('button', 'Client file: ' + file.title.split(' — ')[0], 'client');
        tab.type = 'button';
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-selected', String(key === current));
        tab.onclick = function () { current = key; load(); };
        tabs.appendChild(tab);
        if (key !== current) return;
        grid.appendChild(cell('p', 'A separate spreadsheet, "' + file.title + '", owned by ' + file.owner + (file.trashed ? ' — in the trash' : '') + '. Read-only for: ' + (file.readers.join(', ') || 'nobody yet') + '.', 'file-note'));
        var table = document.createElement('table');
        table.dataset.file = file.id;
        (file.sheets[0] ? file.sheets[0].rows : []).forEach(function (row) {
          var tr = document.createElement('tr');
          var head = row[0] === 'Case';
          row.forEach(function (v) { tr.appendChild(cell(head ? 'th' : 'td', v === '' ? '' : String(v), typeof v === 'number' ? 'n' : '')); });
          // A title line is one cell whose text runs on across the empty cells, as Sheets shows it.
          if (row.length === 1) { tr.firstChild.colSpan = 8; tr.firstChild.style.maxWidth = 'none'; tr.firstChild.style.border = 'none'; }
          table.appendChild(tr);
        });
        grid.appendChild(table);
      });
    });
  }
  // A plain drawing of each chart the sheet holds (Sheets draws the real ones): the first column
  // across, the others as lines, or as bars for bar and column charts; the header row names them.
  function drawCharts(charts) {
    var NS = 'http://www.w3.org/2000/svg';
    var box = document.createElement('div');
    box.className = 'charts';
    charts.forEach(function (chart) {
      var fig = document.createElement('figure');
      fig.dataset.type = chart.type;
      var cap = document.createElement('figcaption');
      cap.textContent = chart.title + ' (' + chart.type.toLowerCase() + ')';
      fig.appendChild(cap);
      var W = 320, H = 180, pad = 24;
      var svg = document.createElementNS(NS, 'svg');
      svg.setAttribute('width', W); svg.setAttribute('height', H);
      var xs = chart.columns[0].slice(1);
      var series = chart.columns.slice(1).map(function (col) { return col.slice(1).map(Number); });
      var max = Math.max.apply(null, [1e-9].concat(series.map(function (s) { return Math.max.apply(null, s.filter(isFinite)); })));
      var colors = ['#1a73e8', '#d93025', '#188038'];
      series.forEach(function (ys, k) {
        if (chart.type === 'BAR' || chart.type === 'COLUMN' || (chart.type === 'COMBO' && k === 0)) {
          var w = (W - 2 * pad) / Math.max(ys.length, 1);
          ys.forEach(function (y, i) {
            var r = document.createElementNS(NS, 'rect');
            var h = (H - 2 * pad) * (y / max);
            r.setAttribute('x', pad + i * w + 2); r.setAttribute('width', Math.max(w - 4, 1));
            r.setAttribute('y', H - pad - h); r.setAttribute('height', h); r.setAttribute('fill', colors[k % 3]);
            svg.appendChild(r);
          });
        } else {
          var top = chart.type === 'COMBO' ? Math.max.apply(null, ys) || 1 : max;
          var pts = ys.map(function (y, i) { return (pad + (W - 2 * pad) * (ys.length > 1 ? i / (ys.length - 1) : 0)).toFixed(1) + ',' + (H - pad - (H - 2 * pad) * (y / top)).toFixed(1); });
          var line = document.createElementNS(NS, 'polyline');
          line.setAttribute('points', pts.join(' ')); line.setAttribute('fill', 'none'); line.setAttribute('stroke', colors[k % 3]); line.setAttribute('stroke-width', 2);
          svg.appendChild(line);
        }
      });
      var axis = document.createElementNS(NS, 'path');
      axis.setAttribute('d', 'M' + pad + ' ' + pad + 'V' + (H - pad) + 'H' + (W - pad)); axis.setAttribute('stroke', '#5f6368'); axis.setAttribute('fill', 'none');
      svg.appendChild(axis);
      [xs[0], xs[xs.length - 1]].forEach(function (label, i) {
        var t = document.createElementNS(NS, 'text');
        t.setAttribute('x', i ? W - pad - 40 : pad); t.setAttribute('y', H - 6); t.setAttribute('font-size', '10');
        t.textContent = label === undefined ? '' : String(label).slice(0, 14);
        svg.appendChild(t);
      });
      fig.appendChild(svg);
      box.appendChild(fig);
    });
    return box;
  }
  function edit(sheet, row, column, value) {
    var typed = window.prompt(sheet + ' row ' + row + ', column ' + column + ': type a value (as in a cell)', value === '' ? '' : String(value));
    if (typed === null) return;
    fetch('/cell', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sheet: sheet, row: row, column: column, value: typed }) })
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        document.getElementById('note').textContent = answer.error || '';
        document.getElementById('sidebar').contentWindow.location.reload();
        load();
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
    if (window.confirm('Reset the workbook? Every sheet and case in the preview is deleted.')) {
      document.getElementById('user').value = 'agent@example.com';
      post('/reset', 'Resetting…');
    }
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
  document.getElementById('scorecard').onclick = function () {
    fetch('/menu/refreshFactoryScorecard', { method: 'POST' }).then(function (r) { return r.json(); }).then(function (answer) {
      document.getElementById('note').textContent = answer.alert || '';
      current = 'RD Charts';
      load();
    });
  };
  document.getElementById('user').onchange = function (event) {
    fetch('/user', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: event.target.value }) }).then(function () {
      document.getElementById('sidebar').contentWindow.location.reload();
    });
  };
  document.getElementById('views').onclick = function () {
    fetch('/menu/updateClientViews', { method: 'POST' }).then(function (r) { return r.json(); }).then(function (answer) {
      document.getElementById('note').textContent = answer.alert || '';
      load();
    });
  };
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
