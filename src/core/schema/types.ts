/**
 * Field definitions: a Frictionless Table Schema (fields[] with name, title, type, constraints)
 * with the additions of GUIDE §4: aliases for header matching and for enum values, and a
 * requirement that depends on another field.
 */

export type FieldType = 'string' | 'integer' | 'number' | 'year' | 'date' | 'enum' | 'boolean' | 'any';

export interface FieldConstraints {
  required?: boolean;
  unique?: boolean;
  enum?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

export interface FieldDef {
  name: string;
  title?: string;
  description?: string;
  type: FieldType;
  format?: string;
  constraints?: FieldConstraints;
  /** Addition: other header texts that mean this field ("Họ tên", "HO VA TEN"). */
  aliases?: string[];
  /** Addition: other spellings of enum values, keyed by the canonical value ("KH&CN" forms). */
  enumAliases?: Record<string, string[]>;
  /** Addition: the field is required only when another field has one of these values. */
  requiredIf?: { field: string; values: string[] };
  /** Addition: the value may come from a section row ("I. TẬP THỂ") or a sheet name instead of a column. */
  fromSection?: boolean;
}

export interface TableSchema {
  fields: FieldDef[];
  primaryKey?: string | string[];
  missingValues?: string[];
}
