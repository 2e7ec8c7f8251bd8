#!/usr/bin/env node
// Draws the extension icons (a dark rounded square, white quote marks, a yellow
// highlighter stripe) with plain geometry and node:zlib, so the PNGs can be
// regenerated without an image editor or any extra package.
// Usage: node scripts/icons.mjs   → icons/icon-16.png … icon-128.png
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SIZES = [16, 32, 48, 128];

const BG = [43, 45, 66];
const QUOTE = [255, 255, 255];
const STRIPE = [255, 210, 63];

function roundedSquare(x, y) {
  const inset = 0.03;
  const r = 0.22;
  const cx = Math.min(Math.max(x, inset + r), 1 - inset - r);
  const cy = Math.min(Math.max(y, inset + r), 1 - inset - r);
  return (
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset
  );
}

// A "66"-style opening quote: a round head with a tail curling up to the right.
function quoteMark(x, y, ox) {
  const hx = ox;
  const hy = 0.4;
  const hr = 0.095;
  if ((x - hx) ** 2 + (y - hy) ** 2 <= hr * hr) return true;
  // Tail: a thick arc centred right of the head, sweeping from its top to above it.
  const ax = hx + 0.11;
  const ay = hy;
  const d = Math.hypot(x - ax, y - ay);
  const inArc = d >= 0.11 && d <= 0.17;
  const angle = Math.atan2(y - ay, x - ax);
  return inArc && angle <= -Math.PI / 2 && angle >= -Math.PI;
}

function stripe(x, y) {
  // A slightly slanted band, like a stroke of a chisel-tip highlighter.
  const skew = (0.7 - y) * 0.25;
  return y >= 0.6 && y <= 0.78 && x >= 0.17 + skew && x <= 0.83 + skew;
}

function colourAt(x, y) {
  if (!roundedSquare(x, y)) return null;
  if (stripe(x, y)) return STRIPE;
  if (quoteMark(x, y, 0.33) || quoteMark(x, y, 0.6)) return QUOTE;
  return BG;
}

/** RGBA pixels of one icon, 4×4 supersampled so small sizes stay smooth. */
export function drawIcon(size) {
  const ss = 4;
  const px = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((pxi + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      }
      const i = (py * size + pxi) * 4;
      if (a) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
        px[i + 3] = Math.round((a / (ss * ss)) * 255);
      }
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(ROOT, 'icons');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}
