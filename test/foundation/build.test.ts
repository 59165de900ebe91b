import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..', '..');

describe('builds', () => {
  test('npm run build produces the task pane, its manifest and icons', () => {
    execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: 'pipe' });
    const out = path.join(root, 'dist', 'web');
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    expect(html).toContain('Tổng hợp danh sách');
    // the pane's loader names the app bundle, and Microsoft's office.js is served from office/
    const scripts = [...html.matchAll(/"(app\.[0-9a-f]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(fs.existsSync(path.join(out, scripts[0]!))).toBe(true);
    expect(html).toContain('office/office.js');
    for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'vi-vn/office_strings.js']) {
      expect(fs.existsSync(path.join(out, 'office', f))).toBe(true);
    }
    // copied byte for byte (not minified again)
    const original = require.resolve('@microsoft/office-js/dist/office.js');
    expect(fs.readFileSync(path.join(out, 'office', 'office.js'))).toEqual(fs.readFileSync(original));
    expect(fs.readFileSync(path.join(out, 'trang.html'), 'utf8')).toMatch(/data-host="?file/);
    expect(fs.existsSync(path.join(out, 'manifest.xml'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'assets', 'icon-32.png'))).toBe(true);
  });

  test('the browser-only entry files type-check (tsconfig.web.json: ES modules, import.meta for workers)', () => {
    execFileSync('npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json'], { cwd: root, stdio: 'pipe' });
  });

  test('the installed command answers --help (bin/tonghop.js on the compiled CLI)', () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'pipe' });
    const out = execFileSync('node', [path.join(root, 'bin', 'tonghop.js'), '--help'], { encoding: 'utf8' });
    expect(out).toContain('tonghop check');
    expect(out).toContain('tonghop text');
  });
});
