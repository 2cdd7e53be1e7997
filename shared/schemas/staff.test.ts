import { describe, expect, it } from 'vitest';
import { StaffCreateSchema } from './staff';

const bureauStaff = {
  email: 'tokyo@roudoukyoku.example.go.jp',
  password: 'correct horse battery',
  name: '鈴木 次郎',
  role: 'bureau',
  prefecture: '13',
};

describe('StaffCreateSchema (R-SEC-2)', () => {
  it('takes bureau staff with a prefecture and ministry staff without', () => {
    expect(StaffCreateSchema.safeParse(bureauStaff).success).toBe(true);
    const { prefecture: _p, ...ministry } = { ...bureauStaff, role: 'ministry' };
    expect(StaffCreateSchema.safeParse(ministry).success).toBe(true);
  });

  it('requires a prefecture for bureau staff and refuses one for the ministry', () => {
    const { prefecture: _p, ...withoutPrefecture } = bureauStaff;
    const result = StaffCreateSchema.safeParse(withoutPrefecture);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['prefecture']);
    expect(StaffCreateSchema.safeParse({ ...bureauStaff, role: 'ministry' }).success).toBe(false);
  });

  it('refuses unknown roles and fields, and a short password', () => {
    expect(StaffCreateSchema.safeParse({ ...bureauStaff, role: 'admin' }).success).toBe(false);
    expect(StaffCreateSchema.safeParse({ ...bureauStaff, superuser: true }).success).toBe(false);
    expect(StaffCreateSchema.safeParse({ ...bureauStaff, password: 'short' }).success).toBe(false);
  });
});
