import fs from 'fs';
import { corpusPath, describeCorpus } from '../../support/corpus';
import { defaultSchema } from '../../../src/core/schema/default-schema';
import { parseSchema } from '../../../src/core/schema/parse-schema';

describe('parseSchema on good definitions', () => {
  it('reads back the built-in schema unchanged, from an object and from JSON text', () => {
    const builtIn = defaultSchema();
    expect(parseSchema(builtIn)).toEqual({ schema: builtIn, errors: [], warnings: [] });
    expect(parseSchema(JSON.stringify(builtIn, null, 2)).schema).toEqual(builtIn);
  });

  it('tolerates unknown keys and a BOM, and defaults the type to string', () => {
    const text =
      '\uFEFF{"$schema":"x","fields":[{"name":"ten","title":"Họ và tên","rdfType":"x","example":"A",' +
      '"constraints":{"required":true,"x-note":"bắt buộc"}}],"foreignKeys":[]}';
    const { schema, errors } = parseSchema(text);
    expect(errors).toEqual([]);
    expect(schema.fields).toEqual([
      { name: 'ten', title: 'Họ và tên', type: 'string', constraints: { required: true } },
    ]);
  });

  it('accepts Frictionless types it does not check, as "any", with a warning', () => {
    const { schema, errors, warnings } = parseSchema({ fields: [{ name: 'gio', type: 'datetime' }] });
    expect(errors).toEqual([]);
    expect(schema.fields[0].type).toBe('any');
    expect(warnings[0]).toContain('„datetime”');
  });

  it('keeps primaryKey, missingValues, numeric enum values and numeric limits', () => {
    const { schema, errors } = parseSchema({
      fields: [
        { name: 'stt', type: 'integer', constraints: { enum: [1, 2, 3], minimum: '1', maximum: 3 } },
        { name: 'ten', type: 'string' },
      ],
      primaryKey: ['stt'],
      missingValues: ['', 'không có'],
    });
    expect(errors).toEqual([]);
    expect(schema.fields[0].constraints).toEqual({ enum: ['1', '2', '3'], minimum: 1, maximum: 3 });
    expect(schema.primaryKey).toEqual(['stt']);
    expect(schema.missingValues).toEqual(['', 'không có']);
  });
});

describe('parseSchema on nonsense', () => {
  it.each([
    ['{"fields": [', 'không phải JSON hợp lệ'],
    ['[1,2]', 'phải là một đối tượng JSON'],
    [42, 'phải là một đối tượng JSON'],
    [{ field: [] }, 'thiếu danh sách "fields"'],
    [{ fields: {} }, '"fields" phải là một danh sách'],
    [{ fields: [] }, 'không có trường nào'],
  ])('%j is refused', (input, message) => {
    const { schema, errors } = parseSchema(input);
    expect(schema.fields).toEqual([]);
    expect(errors.join('\n')).toContain(message);
  });

  it('names each bad field and keeps the good ones', () => {
    const { schema, errors } = parseSchema({
      fields: [
        { name: 'ten', type: 'string', constraints: { required: true } },
        { name: 'ten', type: 'string' },
        { title: 'Không tên' },
        { name: 'namSinh', type: 'năm' },
        { name: 'loai', type: 'enum' },
        { name: 'linhVuc', type: 'enum', constraints: { enum: ['A', 'B'] }, enumAliases: { C: ['c'] } },
        { name: 'ma', constraints: { pattern: '([0-9' } },
        { name: 'tuoi', type: 'integer', constraints: { minimum: 60, maximum: 18 } },
        { name: 'ghiChu', constraints: { required: 'có', maxLength: -1 } },
        { name: 'donVi', requiredIf: { field: 'khongCo', values: ['Cá nhân'] } },
        'chucVu',
      ],
      primaryKey: 'khongCo',
    });
    expect(schema.fields.map((f) => f.name)).toEqual(['ten']);
    const text = errors.join('\n');
    expect(text).toContain('Trường „ten” (thứ 2): tên trường bị trùng');
    expect(text).toContain('Trường thứ 3: thiếu tên trường');
    expect(text).toContain('Trường „namSinh” (thứ 4): kiểu „năm” không được hỗ trợ');
    expect(text).toContain('Trường „loai” (thứ 5): kiểu enum cần danh sách giá trị');
    expect(text).toContain('„C” không nằm trong danh sách giá trị');
    expect(text).toContain('"pattern" „([0-9” không phải biểu thức chính quy hợp lệ');
    expect(text).toContain('"minimum" (60) lớn hơn "maximum" (18)');
    expect(text).toContain('"required" phải là true hoặc false');
    expect(text).toContain('"maxLength" phải là số nguyên không âm');
    expect(text).toContain('nhắc tới trường „khongCo” không có trong danh sách');
    expect(text).toContain('Trường thứ 11: phải là một đối tượng');
    expect(text).toContain('"primaryKey" nhắc tới trường không có: „khongCo”');
  });

  it('never throws, whatever it is given', () => {
    const weird: unknown[] = [
      null,
      undefined,
      '',
      'null',
      [],
      { fields: [null, 1, [], { name: 5 }] },
      { fields: [{ name: 'a', constraints: [] }] },
    ];
    for (const w of weird) expect(() => parseSchema(w)).not.toThrow();
  });
});

describeCorpus('corpora/frictionless/data', 'parseSchema on the Frictionless schema files', () => {
  it.each(['schema-valid.json', 'unique-field.json', 'issue-277.json', 'duplicate-column-schema.json'])(
    '%s',
    (name) => {
      const text = fs.readFileSync(corpusPath('corpora/frictionless/data', name), 'utf8');
      const raw = JSON.parse(text) as { fields: { name: string }[] };
      const { schema, errors } = parseSchema(text);
      expect(errors).toEqual([]);
      expect(schema.fields.map((f) => f.name)).toEqual(raw.fields.map((f) => f.name));
    },
  );
});
