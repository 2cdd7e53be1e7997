import { describe, expect, it } from 'vitest';
import { exampleProfile, exampleProfileLoadRow } from './examples';
import { FeedQuerySchema } from './feed-search';
import {
  ProfileIdSchema,
  ProfileLoadResultSchema,
  ProfileLoadRowSchema,
  ProfileSchema,
  ProfileSummarySchema,
  newProfileId,
  profileHomePrefecture,
} from './profile';

describe('ProfileIdSchema (R-FEED-1)', () => {
  it.each([
    ['13-7K3QM2XPA9', true],
    ['01-0000000000', true],
    ['47-ZZZZZZZZZZ', true],
    ['48-7K3QM2XPA9', false],
    ['00-7K3QM2XPA9', false],
    ['13-7K3QM2XPAI', false],
    ['13-7K3QM2XPAU', false],
    ['13-7k3qm2xpa9', false],
    ['13-7K3QM2XPA', false],
    ['137K3QM2XPA9', false],
  ])('%s → %s', (id, ok) => {
    expect(ProfileIdSchema.safeParse(id).success).toBe(ok);
  });

  it('makes random IDs that parse and start with the home prefecture', () => {
    const ids = Array.from({ length: 200 }, () => newProfileId('27'));
    for (const id of ids) {
      expect(ProfileIdSchema.safeParse(id).success).toBe(true);
      expect(profileHomePrefecture(id)).toBe('27');
    }
    expect(new Set(ids).size).toBe(200);
  });
});

describe('ProfileSchema (R-FEED-1)', () => {
  it('takes the example', () => {
    expect(ProfileSchema.parse(exampleProfile)).toEqual(exampleProfile);
  });

  it('refuses a municipality outside its prefecture', () => {
    const areas = [{ prefecture: '14', municipality: '13101' }];
    const result = ProfileSchema.safeParse({ ...exampleProfile, areas });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['areas', 0, 'municipality']);
  });

  it('refuses identifying extras such as a name or a birth date', () => {
    expect(ProfileSchema.safeParse({ ...exampleProfile, name: '山田太郎' }).success).toBe(false);
    expect(ProfileSchema.safeParse({ ...exampleProfile, birthDate: '1990-01-01' }).success).toBe(false);
  });

  it('bounds the lists', () => {
    const bad = [
      { occupations: [] },
      { occupations: ['001', '002', '003', '004', '005', '006'] },
      { occupations: ['050', '050'] },
      { industries: ['A', 'B', 'C', 'D', 'E', 'F'] },
      { areas: [] },
      { areas: Array.from({ length: 11 }, (_, i) => ({ prefecture: String(i + 1).padStart(2, '0') })) },
      { employmentTypes: [] },
      { qualifications: Array.from({ length: 21 }, (_, i) => `資格${i}`) },
      { qualifications: ['あ'.repeat(61)] },
      { experience: [{ occupation: '050', years: 61 }] },
      { experience: [{ occupation: '050', years: 1.5 }] },
      { selfIntroduction: 'あ'.repeat(2001) },
    ];
    for (const change of bad) {
      expect(ProfileSchema.safeParse({ ...exampleProfile, ...change }).success, JSON.stringify(change).slice(0, 80)).toBe(false);
    }
    expect(
      ProfileSchema.safeParse({ ...exampleProfile, industries: [], qualifications: [], experience: [], selfIntroduction: '' }).success,
    ).toBe(true);
  });

  it('refuses a wage range upside down, a bad time and an update before publication', () => {
    expect(ProfileSchema.safeParse({ ...exampleProfile, wage: { unit: 'hour', min: 1500, max: 1200 } }).success).toBe(false);
    expect(ProfileSchema.safeParse({ ...exampleProfile, hours: { ...exampleProfile.hours, start: '25:00' } }).success).toBe(false);
    expect(ProfileSchema.safeParse({ ...exampleProfile, updatedOn: '2026-03-31' }).success).toBe(false);
    expect(ProfileSchema.safeParse({ ...exampleProfile, publishedOn: '2026-02-30' }).success).toBe(false);
  });

  it('R-RET-1 lists a summary without the free text that opening a profile reveals', () => {
    const summary = ProfileSummarySchema.parse(exampleProfile);
    expect(summary).not.toHaveProperty('selfIntroduction');
    expect(summary).not.toHaveProperty('qualifications');
    expect(summary.id).toBe(exampleProfile.id);
  });
});

describe('ProfileLoadRowSchema (R-FEED-2)', () => {
  it('takes a new row and an update row', () => {
    expect(ProfileLoadRowSchema.safeParse(exampleProfileLoadRow).success).toBe(true);
    expect(ProfileLoadRowSchema.safeParse({ ...exampleProfileLoadRow, id: '13-7K3QM2XPA9', homePrefecture: '13' }).success).toBe(true);
  });

  it('requires the bureau reference and bounds it', () => {
    const { hwRef: _h, ...withoutRef } = exampleProfileLoadRow;
    expect(ProfileLoadRowSchema.safeParse(withoutRef).success).toBe(false);
    expect(ProfileLoadRowSchema.safeParse({ ...exampleProfileLoadRow, hwRef: 'x'.repeat(41) }).success).toBe(false);
  });

  it('refuses dates (the worker sets them), unknown fields, and an ID from another prefecture', () => {
    expect(ProfileLoadRowSchema.safeParse({ ...exampleProfileLoadRow, publishedOn: '2026-04-01' }).success).toBe(false);
    expect(ProfileLoadRowSchema.safeParse({ ...exampleProfileLoadRow, phone: '03-1234-5678' }).success).toBe(false);
    expect(ProfileLoadRowSchema.safeParse({ ...exampleProfileLoadRow, id: '13-7K3QM2XPA9', homePrefecture: '14' }).success).toBe(false);
  });

  it('reports per row: created with a code, or refused with field, reason and code', () => {
    expect(
      ProfileLoadResultSchema.safeParse({ line: 1, ok: true, id: '13-7K3QM2XPA9', action: 'created', activationCode: 'K7QM-2XPA-9RTD' })
        .success,
    ).toBe(true);
    expect(
      ProfileLoadResultSchema.safeParse({
        line: 2,
        ok: false,
        errors: [{ field: 'selfIntroduction', reason: '電話番号が含まれています', code: 'contact_details_not_allowed' }],
      }).success,
    ).toBe(true);
    expect(ProfileLoadResultSchema.safeParse({ line: 2, ok: false, errors: [] }).success).toBe(false);
    expect(ProfileLoadResultSchema.safeParse({ line: 0, ok: true, id: '13-7K3QM2XPA9', action: 'created' }).success).toBe(false);
  });
});

describe('FeedQuerySchema (R-FEED-3)', () => {
  it('reads lists, numbers and keywords from the query string', () => {
    expect(
      FeedQuerySchema.parse({
        occupation: '050,051',
        prefecture: ['13', '14'],
        municipality: '13101',
        wageMin: '200000',
        wageUnit: 'month',
        hoursMax: '32.5',
        experienceOccupation: '050',
        experienceYearsMin: '3',
        q: ' 介護 夜勤 ',
      }),
    ).toEqual({
      occupation: ['050', '051'],
      prefecture: ['13', '14'],
      municipality: ['13101'],
      wageMin: 200000,
      wageUnit: 'month',
      hoursMax: 32.5,
      experienceOccupation: '050',
      experienceYearsMin: 3,
      q: '介護 夜勤',
      limit: 20,
    });
  });

  it('refuses bad codes, a wage without its unit, a long keyword, a bad limit and unknown parameters', () => {
    for (const query of [
      { occupation: '050,999' },
      { prefecture: '48' },
      { municipality: '13000' },
      { wageMin: '200000' },
      { wageMax: '300000' },
      { wageMin: '300000', wageMax: '200000', wageUnit: 'month' },
      { hoursMin: '40', hoursMax: '20' },
      { wageMin: 'many', wageUnit: 'month' },
      { q: 'あ'.repeat(101) },
      { limit: '0' },
      { limit: '101' },
      { occupations: '050' },
    ]) {
      expect(FeedQuerySchema.safeParse(query).success, JSON.stringify(query).slice(0, 60)).toBe(false);
    }
  });

  it('bounds wage and hours from both sides', () => {
    expect(FeedQuerySchema.parse({ wageMin: '1200', wageMax: '1500', wageUnit: 'hour', hoursMin: '20', hoursMax: '30' })).toMatchObject({
      wageMin: 1200,
      wageMax: 1500,
      hoursMin: 20,
      hoursMax: 30,
    });
  });

  it('takes no filters at all', () => {
    expect(FeedQuerySchema.parse({})).toEqual({ limit: 20 });
  });
});
