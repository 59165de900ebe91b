import fc from 'fast-check';
import zlib from 'zlib';
import { DEFLATE_LEVEL, deflateInPieces } from '../../src/io/node/zip-deflate';

/** Sheet XML much like a master's: long, repetitive, with Vietnamese in it. */
function sheetXml(rows: number): Buffer {
  let xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet><sheetData>';
  for (let r = 1; r <= rows; r++) {
    xml += `<row r="${r}"><c r="A${r}" s="9"><v>${r}</v></c><c r="B${r}" s="6" t="s"><v>${(r * 7919) % 5003}</v></c>`;
    xml += `<c r="C${r}" t="inlineStr"><is><t>Nguyễn Thị Hồng ${r}</t></is></c></row>`;
  }
  return Buffer.from(xml + '</sheetData></worksheet>', 'utf8');
}

test('a part compressed in pieces inflates to exactly the same bytes, and compresses about as well as in one go', async () => {
  const xml = sheetXml(20000);
  expect(xml.length).toBeGreaterThan(2 * 1024 * 1024);
  const pieces = await deflateInPieces(xml);
  expect(zlib.inflateRawSync(pieces).equals(xml)).toBe(true);
  const whole = zlib.deflateRawSync(xml, { level: DEFLATE_LEVEL });
  expect(pieces.length).toBeLessThan(whole.length * 1.02);
});

test('any bytes, any piece size: one valid deflate stream of the same bytes', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: 5000 }),
      fc.integer({ min: 1, max: 1200 }),
      async (bytes, piece) => {
        const data = Buffer.from(bytes);
        const packed = await deflateInPieces(data, piece);
        expect(zlib.inflateRawSync(packed).equals(data)).toBe(true);
      },
    ),
    { numRuns: 200 },
  );
});
