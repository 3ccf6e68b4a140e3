import qrcode from 'qrcode-generator';
import { esc } from './html';
import { utf8 } from './sha256';

/** The quiet zone ISO/IEC 18004 asks for around a code, in modules. */
export const QR_QUIET = 4;

/**
 * A link as a QR code (no image file, no network): a printed evidence sheet leads back to the
 * photo. Medium error correction survives a smudged print. The modules travel as hex in the SVG
 * (a 37 × 37 code is 344 characters, where a drawn path is several thousand: an evidence sheet of
 * 40 units holds 200 codes) and the page draws them when it loads — see QR_SCRIPT.
 */
export function qrSvg(link: string, sizeMm = 22): string {
  const code = qrcode(0, 'M');
  // Byte mode takes one character per byte: give it the link's UTF-8 bytes, as QR readers expect.
  code.addData(String.fromCharCode(...utf8(link)), 'Byte');
  code.make();
  const n = code.getModuleCount();
  let hex = '';
  for (let i = 0; i < n * n; i += 4) {
    let nibble = 0;
    for (let b = 0; b < 4; b++) {
      const at = i + b;
      nibble = (nibble << 1) | (at < n * n && code.isDark(Math.floor(at / n), at % n) ? 1 : 0);
    }
    hex += nibble.toString(16);
  }
  const span = n + QR_QUIET * 2;
  return (
    `<svg class="qr" role="img" aria-label="QR code: ${esc(link)}" data-n="${n}" data-qr="${hex}" viewBox="0 0 ${span} ${span}" ` +
    `width="${sizeMm}mm" height="${sizeMm}mm" shape-rendering="crispEdges"><rect width="${span}" height="${span}" fill="#fff"/></svg>`
  );
}

/** Draws every QR code on the page from its hex modules: one path per code, a run of dark modules per step. */
export const QR_SCRIPT = `
(function () {
  var codes = document.querySelectorAll('svg.qr[data-qr]');
  for (var k = 0; k < codes.length; k++) {
    var svg = codes[k], n = Number(svg.getAttribute('data-n')), hex = svg.getAttribute('data-qr'), d = '';
    // A saved copy of the page already holds its drawn codes.
    if (svg.querySelector('path')) continue;
    var dark = function (i) { return (parseInt(hex.charAt(i >> 2), 16) >> (3 - (i & 3))) & 1; };
    for (var y = 0; y < n; y++) {
      for (var x = 0; x < n; x++) {
        if (!dark(y * n + x)) continue;
        var run = 1;
        while (x + run < n && dark(y * n + x + run)) run++;
        d += 'M' + (x + ${QR_QUIET}) + ' ' + (y + ${QR_QUIET}) + 'h' + run + 'v1h-' + run + 'z';
        x += run - 1;
      }
    }
    var path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', '#000');
    svg.appendChild(path);
  }
})();
`;
