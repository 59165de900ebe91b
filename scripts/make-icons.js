// Draws the add-in icons (assets/icon-*.png): a green sheet with three list rows and a tick.
// Plain Node (zlib) so that it runs anywhere; run once with `node scripts/make-icons.js`.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const GREEN = [16, 124, 65, 255];
const WHITE = [255, 255, 255, 255];
const LIGHT = [200, 230, 210, 255];
const CLEAR = [0, 0, 0, 0];

function pixel(x, y) {
  const m = 0.06;
  if (x < m || y < m || x > 1 - m || y > 1 - m) return CLEAR;
  // three list rows on the left
  for (const ry of [0.24, 0.44, 0.64]) {
    if (y > ry && y < ry + 0.1 && x > 0.18 && x < 0.56) return WHITE;
  }
  // tick on the right-bottom
  const d1 = Math.abs(y - (0.62 + (x - 0.58))) < 0.07 && x > 0.58 && x < 0.7;
  const d2 = Math.abs(y - (0.74 - (x - 0.7) * 1.4)) < 0.07 && x >= 0.68 && x < 0.86;
  if (d1 || d2) return LIGHT;
  return GREEN;
}

const out = path.join(__dirname, '..', 'assets');
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size, pixel));
}
console.log('icons written to', out);
