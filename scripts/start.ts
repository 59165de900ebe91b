/**
 * `npm start`: runs the add-in in Excel desktop, as Microsoft's template does, where that is possible.
 *   1. builds the pane into dist/web;
 *   2. if `office-addin-debugging` is installed (npm i -g office-addin-debugging; it is not a dependency
 *      because its dependency chain does not install from every registry), it serves the pane on
 *      https://localhost:3000 and sideloads manifest.xml into Excel desktop (Windows or Mac);
 *   3. otherwise it says what to do instead: the browser page (`npm run preview`) or sideloading by hand.
 */
import { execFileSync, spawnSync } from 'child_process';
import path from 'path';

const root = path.resolve(__dirname, '..');

function has(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore', shell: process.platform === 'win32' }).status === 0;
}

console.log('Đang dựng phần bổ trợ (webpack)…');
execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: 'inherit' });

if (has('office-addin-debugging')) {
  const r = spawnSync('office-addin-debugging', ['start', 'manifest.xml', 'desktop', '--app', 'excel'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  process.exit(r.status ?? 1);
}

console.log(`
Không tìm thấy office-addin-debugging, nên không tự nạp được phần bổ trợ vào Excel trên máy này.
  • Máy Windows/Mac có Excel: cài công cụ một lần bằng "npm i -g office-addin-debugging office-addin-dev-certs",
    rồi chạy lại "npm start": trang được phục vụ ở https://localhost:3000 và manifest.xml được nạp vào Excel.
  • Excel trên web: phục vụ thư mục dist/web qua https://localhost:3000 và tải manifest.xml lên
    (Trang đầu > Phần bổ trợ > Thêm > Tải lên phần bổ trợ của tôi).
  • Không có Excel chạy được phần bổ trợ: "npm run preview" mở trang web làm cùng việc ngay trong trình duyệt.
`);
