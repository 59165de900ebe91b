import fc from 'fast-check';
import {
  decodeSingleByte,
  decodeText,
  detectDelimiter,
  estimateFields,
  looksLikeCp1258,
  plainNumber,
} from '../../src/io/csv';
import { encodeCp1258, latin1Bytes, utf8Bytes } from './helpers';

const VI_WORDS = [
  'Nguyễn',
  'Thị',
  'Hoa',
  'Trần',
  'Văn',
  'Đức',
  'Phòng',
  'Nội',
  'vụ',
  'huyện',
  'Văn Lâm',
  'Ủy',
  'ban',
  'nhân',
  'dân',
  'thị xã',
  'Mỹ Hào',
  'Sở',
  'Khoa học',
  'và',
  'Công nghệ',
  'Trưởng',
  'phòng',
  'Cải cách',
  'hành chính',
  'Hưng Yên',
  'ĐỔI MỚI SÁNG TẠO',
  'Tập thể',
  'Cá nhân',
  'khởi nghiệp',
  'tiêu chuẩn',
  'đo lường',
  'chất lượng',
];

describe('decodeText', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const d = decodeText(utf8Bytes('\uFEFFSTT,Họ và tên\r\n1,Nguyễn Thị Hoa\r\n'));
    expect(d).toEqual({ text: 'STT,Họ và tên\r\n1,Nguyễn Thị Hoa\r\n', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8Bytes('Họ tên;Đơn vị\n'))).toMatchObject({
      text: 'Họ tên;Đơn vị\n',
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 little and big endian with a BOM (Excel "Unicode Text")', () => {
    const s = 'Họ và tên\tĐơn vị công tác\r\nNguyễn Thị Hoa\tPhòng Nội vụ\r\n';
    const le = new Uint8Array(2 + s.length * 2);
    const be = new Uint8Array(2 + s.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < s.length; i++) {
      const u = s.charCodeAt(i);
      le[2 + 2 * i] = u & 0xff;
      le[3 + 2 * i] = u >> 8;
      be[2 + 2 * i] = u >> 8;
      be[3 + 2 * i] = u & 0xff;
    }
    expect(decodeText(le)).toEqual({ text: s, encoding: 'utf-16le', bom: true });
    expect(decodeText(be)).toEqual({ text: s, encoding: 'utf-16be', bom: true });
  });

  it('reads Windows-1258 text saved by a Vietnamese Windows (not valid UTF-8)', () => {
    const text = 'STT,Họ và tên,Đơn vị\r\n1,Nguyễn Thị Hoa,Phòng Nội vụ huyện Văn Lâm\r\n';
    const d = decodeText(encodeCp1258(text));
    expect(d.encoding).toBe('windows-1258');
    // Windows-1258 carries tone marks as combining characters; the letters are the same.
    expect(d.text.normalize('NFC')).toBe(text);
  });

  it('keeps TCVN3 text (as Windows-1252 characters) for the legacy-font decoder', () => {
    // "Nguyễn Thị Hoa" typed in .VnTime and saved byte for byte.
    const text = 'NguyÔn ThÞ Hoa,Phßng Néi vô';
    const d = decodeText(latin1Bytes(text));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe(text);
  });

  it('keeps VNI text (as Windows-1252 characters) for the legacy-font decoder', () => {
    const text = 'Nguyeãn Thò Hoa;Phoøng Noäi vuï';
    const d = decodeText(latin1Bytes(text));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe(text);
  });

  it('property: Vietnamese text with tone marks, encoded as Windows-1258, decodes to the same letters', () => {
    // Real lists always carry tone marks somewhere; a file of only "Hưng Yên" could as well be
    // Windows-1252 "Hýng Yên", and is not claimed here.
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...VI_WORDS), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ';', '\t', ' '),
        (words, sep) => {
          const text = words.join(sep);
          fc.pre(/[\u0300\u0301\u0303\u0309\u0323]/.test(text.normalize('NFD')));
          const d = decodeText(encodeCp1258(text));
          expect(d.encoding).toBe('windows-1258');
          expect(d.text.normalize('NFC')).toBe(text.normalize('NFC'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: decoding never throws and valid UTF-8 is always taken as UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const d = decodeText(bytes);
        expect(typeof d.text).toBe('string');
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        fc.pre(!s.startsWith('\uFEFF'));
        const d = decodeText(utf8Bytes(s));
        expect(d.encoding).toBe('utf-8');
        expect(d.text).toBe(s);
      }),
    );
  });
});

describe('single-byte tables', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  it('Windows-1258 matches the platform (ICU) decoder on every byte', () => {
    let platform: string;
    try {
      platform = new TextDecoder('windows-1258').decode(all);
    } catch {
      return; // a Node built without full ICU: nothing to compare against
    }
    expect(decodeSingleByte(all, 1258)).toBe(platform);
  });

  it('Windows-1252 differs from Windows-1258 exactly at the Vietnamese positions', () => {
    const a = decodeSingleByte(all, 1252);
    const b = decodeSingleByte(all, 1258);
    const differ = [...all].filter((i) => a[i] !== b[i]).map((i) => i.toString(16));
    expect(differ).toEqual([
      '8a',
      '8e',
      '9a',
      '9e',
      'c3',
      'cc',
      'd0',
      'd2',
      'd5',
      'dd',
      'de',
      'e3',
      'ec',
      'f0',
      'f2',
      'f5',
      'fd',
      'fe',
    ]);
    expect(a.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(a.slice(0xa0)).toBe(String.fromCharCode(...Array.from({ length: 96 }, (_, i) => 0xa0 + i)));
  });

  it('tells Windows-1258 from legacy-font text by where the tone bytes stand', () => {
    expect(looksLikeCp1258(encodeCp1258('Nguyễn Thị Hoa, Trưởng phòng'))).toBe(true);
    // TCVN3 "ThÞ": 0xDE after a consonant would be a stray tilde in Windows-1258.
    expect(looksLikeCp1258(latin1Bytes('NguyÔn ThÞ Hoa'))).toBe(false);
    expect(looksLikeCp1258(latin1Bytes('plain ascii'))).toBe(false);
  });
});

describe('detectDelimiter', () => {
  it('finds the semicolon even when fields contain commas', () => {
    const text = 'STT;Họ và tên;Địa chỉ\n1;Nguyễn Văn A;Hà Nội, Việt Nam\n2;Trần Thị B;Văn Lâm, Hưng Yên\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('finds the comma when semicolons appear inside quoted fields', () => {
    const text =
      'STT,Họ và tên,Thành tích\n1,"Nguyễn Văn A","Sáng kiến; giải thưởng"\n2,"Trần Thị B","Bằng khen; chiến sĩ thi đua"\n';
    expect(detectDelimiter(text)).toBe(',');
  });

  it('finds the tab, and quoted line breaks do not confuse it', () => {
    const text = 'STT\tHọ và tên\tGhi chú\n1\tNguyễn Văn A\t"dòng 1\ndòng 2, còn nữa"\n2\tTrần Thị B\t\n';
    expect(detectDelimiter(text)).toBe('\t');
  });

  it('obeys an Excel "sep=" line', () => {
    expect(detectDelimiter('sep=;\na,b;c\n')).toBe(';');
  });

  it('defaults to comma for a single column, tab for a .tsv', () => {
    expect(detectDelimiter('Họ và tên\nNguyễn Văn A\n')).toBe(',');
    expect(detectDelimiter('Họ và tên\nNguyễn Văn A\n', true)).toBe('\t');
  });

  it('property: a table written with any delimiter is detected as written', () => {
    const field = fc.constantFrom(...VI_WORDS, '1', '2023', 'Hà Nội, Việt Nam', 'a;b');
    fc.assert(
      fc.property(
        fc.constantFrom<',' | ';' | '\t'>(',', ';', '\t'),
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.array(field, { minLength: 6, maxLength: 6 }), { minLength: 2, maxLength: 8 }),
        (d, cols, rows) => {
          const quote = (s: string) =>
            s.includes(',') || s.includes(';') || s.includes('\t') ? `"${s}"` : s;
          const text = rows.map((r) => r.slice(0, cols).map(quote).join(d)).join('\r\n');
          expect(detectDelimiter(text)).toBe(d);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('plainNumber and estimateFields', () => {
  it('takes only plain numbers; codes, phone numbers and dates stay text', () => {
    expect(plainNumber('1985')).toBe(1985);
    expect(plainNumber('-12.5')).toBe(-12.5);
    expect(plainNumber('0')).toBe(0);
    expect(plainNumber('0912345678')).toBeNull();
    expect(plainNumber('1,5')).toBeNull();
    expect(plainNumber('18/05/2023')).toBeNull();
    expect(plainNumber(' 12')).toBeNull();
    expect(plainNumber('1234567890123456')).toBeNull();
  });

  it('bounds the number of fields from delimiters and line breaks', () => {
    expect(estimateFields('a,b,c\n1,2,3\n', ',')).toBe(7);
  });
});
