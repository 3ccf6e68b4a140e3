import qrcode from 'qrcode-generator';
import { esc } from './html';
import { utf8 } from './sha256';

/**
 * A link as a QR code, drawn as inline SVG (no image file, no network): a printed evidence sheet
 * leads back to the photo. Medium error correction survives a smudged print; the quiet zone is the
 * four modules ISO/IEC 18004 asks for.
 */
export function qrSvg(link: string, sizeMm = 22): string {
  const code = qrcode(0, 'M');
  // Byte mode takes one character per byte: give it the link's UTF-8 bytes, as QR readers expect.
  code.addData(String.fromCharCode(...utf8(link)), 'Byte');
  code.make();
  const size = code.getModuleCount();
  const quiet = 4;
  const span = size + quiet * 2;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (code.isDark(y, x)) path += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  }
  return (
    `<svg class="qr" role="img" aria-label="QR code: ${esc(link)}" viewBox="0 0 ${span} ${span}" width="${sizeMm}mm" height="${sizeMm}mm" ` +
    `shape-rendering="crispEdges"><rect width="${span}" height="${span}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
