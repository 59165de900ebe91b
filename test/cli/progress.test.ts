import { PassThrough } from 'stream';
import { startProgress } from '../../src/cli/progress';

function stream(isTTY: boolean): {
  s: PassThrough & { isTTY?: boolean; columns?: number };
  text: () => string;
} {
  const s = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number; cursorTo?: unknown };
  let out = '';
  s.on('data', (d) => (out += d.toString()));
  if (isTTY) {
    s.isTTY = true;
    s.columns = 100;
    Object.assign(s, { cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  }
  return { s, text: () => out };
}

test('a progress bar is drawn on a terminal, with the count and the file name', () => {
  const { s, text } = stream(true);
  const p = startProgress('Đang đọc', 5, s as unknown as NodeJS.WriteStream);
  for (let i = 0; i < 5; i++) p.tick(`UBND_huyen_${i}.xlsx`);
  p.stop();
  expect(text()).toContain('Đang đọc');
  expect(text()).toMatch(/5\/5/);
  expect(text()).toContain('UBND_huyen_4.xlsx');
});

test('nothing is written when stderr is not a terminal (pipes, logs, CI)', () => {
  const { s, text } = stream(false);
  const p = startProgress('Đang đọc', 60, s as unknown as NodeJS.WriteStream);
  for (let i = 0; i < 60; i++) p.tick('x.xlsx');
  p.stop();
  expect(text()).toBe('');
});
