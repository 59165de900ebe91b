/**
 * `npm run preview`: builds the pane and serves it on http://127.0.0.1:3001 — the browser page
 * (trang.html) for offices whose Excel cannot run add-ins. Everything runs in the browser; the server only
 * hands out the files (127.0.0.1 counts as a secure origin, so Web Workers and WebCrypto work).
 * `--no-build` serves dist/web as it is.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import { serve } from './static-server';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  if (!process.argv.includes('--no-build')) {
    console.log('Đang dựng trang (webpack)…');
    execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: 'inherit' });
  }
  const port = Number(process.env.PORT ?? 3001);
  const s = await serve(path.join(root, 'dist', 'web'), port);
  console.log(`Trang web Tổng hợp danh sách: ${s.url}/trang.html  (Ctrl+C để dừng)`);
}

void main();
