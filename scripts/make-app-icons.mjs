// Draws the app icons of the web manifest (client/public/icon-192.png, icon-512.png, maskable-512.png)
// from the same shapes as client/public/favicon.svg: a dark blue square with a yellow and a white ring.
// Plain Node (zlib for PNG), so no image tool is needed: `node scripts/make-app-icons.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** RGBA of the icon at (x, y) in a 32×32 design space; `full` = no rounded corners (maskable). */
function pixel(x, y, full) {
  const r = 6;
  const inCorner = (cx, cy) => (x - cx) ** 2 + (y - cy) ** 2 > r * r;
  if (!full && ((x < r && y < r && inCorner(r, r)) || (x > 32 - r && y < r && inCorner(32 - r, r)) || (x < r && y > 32 - r && inCorner(r, 32 - r)) || (x > 32 - r && y > 32 - r && inCorner(32 - r, 32 - r))))
    return [0, 0, 0, 0];
  // Maskable icons keep their content in the middle 80 %: shrink the rings around the centre.
  const s = full ? 0.8 : 1;
  const px = 16 + (x - 16) / s;
  const py = 16 + (y - 16) / s;
  const ring = (cx) => Math.abs(Math.hypot(px - cx, py - 16) - 6) <= 1.5;
  if (ring(21)) return [255, 255, 255, 255];
  if (ring(11)) return [255, 209, 102, 255];
  return [11, 61, 110, 255];
}

function png(size, full) {
  const rows = [];
  const ss = 4; // 4×4 supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let j = 0; j < ss; j++)
        for (let i = 0; i < ss; i++) {
          const p = pixel(((x + (i + 0.5) / ss) * 32) / size, ((y + (j + 0.5) / ss) * 32) / size, full);
          for (let k = 0; k < 4; k++) acc[k] += p[k];
        }
      for (let k = 0; k < 4; k++) row[1 + x * 4 + k] = Math.round(acc[k] / (ss * ss));
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../client/public/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), png(192, false));
writeFileSync(new URL('icon-512.png', out), png(512, false));
writeFileSync(new URL('maskable-512.png', out), png(512, true));
console.log('icons written to client/public/');
