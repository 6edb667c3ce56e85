// The enrolment page's QR code as SVG drawn by the view (views/two-factor/qr-code.ejs): the `qrcode` package makes
// the matrix, and this turns its dark modules into one path's data. No markup is built here, so the view escapes
// everything it writes and the page needs no style attribute.
import QRCode from 'qrcode';

export interface QrDrawing {
  /** Modules per side, plus the quiet zone on each side. */
  size: number;
  /** Path data: one 1×1 square per dark module, in module units. */
  path: string;
}

const QUIET_ZONE = 4;

export function qrDrawing(text: string): QrDrawing {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}
