import fc from 'fast-check';
import { collapseSpaces } from '../../../src/core/text/spaces';

/** Every character JavaScript's \s matches, and some it does not (zero-width, other separators). */
const SPACES = [
  ...'\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
];
const OTHERS = ['a', 'Ư', 'ễ', '.', '\u200b', '\u180e', '\u0085', '\u001f', '\u0000', '😀'];

describe('whitespace in cell texts', () => {
  test('collapseSpaces is s.replace(/\\s+/g, " ").trim() for any text', () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom(...SPACES), fc.constantFrom(...OTHERS), fc.string({ maxLength: 3 })), {
        maxLength: 12,
      })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(collapseSpaces(s)).toBe(s.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 5000 },
    );
  });

  test('a header written over two lines in its cell reads as one line', () => {
    expect(collapseSpaces('  Họ và tên\n(Ông/Bà)\u00a0 ')).toBe('Họ và tên (Ông/Bà)');
    expect(collapseSpaces('Đơn vị công tác')).toBe('Đơn vị công tác');
  });
});
