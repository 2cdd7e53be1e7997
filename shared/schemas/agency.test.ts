import { describe, expect, it } from 'vitest';
import { ContactMethodSchema, OfficerSchema, SuspensionSchema } from './agency';
import { AgencyPublicRecordSchema, DirectoryQuerySchema } from './agency-directory';
import { MandatoryInformationSchema } from './agency-mandatory-information';
import { PlacementSchema, RegistrationRequestSchema } from './agency-registration';
import { exampleMandatoryInformationShown, exampleOfficer, exampleRegistration } from './examples';

describe('RegistrationRequestSchema', () => {
  it('takes a complete registration and normalises the account ID', () => {
    const parsed = RegistrationRequestSchema.parse({ ...exampleRegistration, email: ' Info@Mirai.Example.JP' });
    expect(parsed.email).toBe('info@mirai.example.jp');
    expect(parsed.placements).toHaveLength(1);
  });

  it('R-SEC-3 refuses unknown fields at the top level and inside', () => {
    expect(RegistrationRequestSchema.safeParse({ ...exampleRegistration, isAdmin: true }).success).toBe(false);
    const organisation = { ...exampleRegistration.organisation, fax: '03-0000-0000' };
    expect(RegistrationRequestSchema.safeParse({ ...exampleRegistration, organisation }).success).toBe(false);
  });

  it('R-MSG-1 requires mandatory information for the jobseeker service only', () => {
    const { mandatoryInformation: _m, ...withoutInfo } = exampleRegistration;
    const result = RegistrationRequestSchema.safeParse(withoutInfo);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['mandatoryInformation']);
    expect(RegistrationRequestSchema.safeParse({ ...withoutInfo, services: ['job_offer'] }).success).toBe(true);
  });

  it('R-ROLE-1 refuses an officer who is not full-time', () => {
    const liaisonOfficer = { ...exampleOfficer, fullTime: false };
    expect(RegistrationRequestSchema.safeParse({ ...exampleRegistration, liaisonOfficer }).success).toBe(false);
    expect(OfficerSchema.safeParse(exampleOfficer).success).toBe(true);
  });

  it('refuses a short password, repeated services and more than ten contact methods', () => {
    expect(RegistrationRequestSchema.safeParse({ ...exampleRegistration, password: 'short' }).success).toBe(false);
    expect(RegistrationRequestSchema.safeParse({ ...exampleRegistration, services: ['job_offer', 'job_offer'] }).success).toBe(false);
    const contactMethods = Array.from({ length: 11 }, (_, i) => ({ kind: 'url', value: `https://mirai.example.jp/${i}` }));
    expect(RegistrationRequestSchema.safeParse({ ...exampleRegistration, contactMethods }).success).toBe(false);
    expect(RegistrationRequestSchema.safeParse({ ...exampleRegistration, contactMethods: [] }).success).toBe(false);
  });

  it('refuses wrong types', () => {
    expect(RegistrationRequestSchema.safeParse({ ...exampleRegistration, handlesSubsidies: 'yes' }).success).toBe(false);
    expect(RegistrationRequestSchema.safeParse({ ...exampleRegistration, licence: { kind: 'dispatch', number: 'x' } }).success).toBe(false);
    expect(RegistrationRequestSchema.safeParse('{}').success).toBe(false);
  });
});

describe('ContactMethodSchema (R-MSG-4)', () => {
  it('checks the value by kind', () => {
    expect(ContactMethodSchema.safeParse({ kind: 'email', value: 'a@example.jp' }).success).toBe(true);
    expect(ContactMethodSchema.safeParse({ kind: 'email', value: '03-1234-5678' }).success).toBe(false);
    expect(ContactMethodSchema.safeParse({ kind: 'url', value: 'javascript:alert(1)' }).success).toBe(false);
    expect(ContactMethodSchema.safeParse({ kind: 'fax', value: '03-1234-5678' }).success).toBe(false);
  });
});

describe('MandatoryInformationSchema (R-MSG-1)', () => {
  it('takes the example', () => {
    expect(MandatoryInformationSchema.safeParse(exampleMandatoryInformationShown).success).toBe(true);
  });

  it('requires a description when fees are charged to jobseekers', () => {
    const feesToJobseekers = { hasFees: true, text: '' };
    const result = MandatoryInformationSchema.safeParse({ ...exampleMandatoryInformationShown, feesToJobseekers });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['feesToJobseekers', 'text']);
  });

  it('refuses jobs handled with no occupation, a repeated prefecture or an unknown code', () => {
    const base = exampleMandatoryInformationShown.jobsHandled;
    for (const jobsHandled of [
      { ...base, occupations: [] },
      { ...base, prefectures: ['13', '13'] },
      { ...base, industries: ['Z'] },
    ]) {
      expect(MandatoryInformationSchema.safeParse({ ...exampleMandatoryInformationShown, jobsHandled }).success).toBe(false);
    }
  });
});

describe('PlacementSchema (R-ELIG-2 evidence)', () => {
  it('takes an open-ended or fixed-term placement and refuses a zero-month term or a bad date', () => {
    expect(PlacementSchema.safeParse({ placedOn: '2026-03-10', fixedTermMonths: null, seasonal: false }).success).toBe(true);
    expect(PlacementSchema.safeParse({ placedOn: '2026-03-10', fixedTermMonths: 4, seasonal: true }).success).toBe(true);
    expect(PlacementSchema.safeParse({ placedOn: '2026-03-10', fixedTermMonths: 0, seasonal: false }).success).toBe(false);
    expect(PlacementSchema.safeParse({ placedOn: '2026-02-30', fixedTermMonths: null, seasonal: false }).success).toBe(false);
    expect(PlacementSchema.safeParse({ placedOn: '2026-03-10', seasonal: false }).success).toBe(false);
  });
});

describe('SuspensionSchema (R-SAN-2)', () => {
  it('requires an end date for a fixed suspension and refuses one before the start', () => {
    const fixed = { reason: '報告なし', startsOn: '2026-05-22', endsOn: '2026-11-21', kind: 'fixed' };
    expect(SuspensionSchema.safeParse(fixed).success).toBe(true);
    expect(SuspensionSchema.safeParse({ ...fixed, endsOn: null }).success).toBe(false);
    expect(SuspensionSchema.safeParse({ ...fixed, endsOn: '2026-05-21' }).success).toBe(false);
    expect(SuspensionSchema.safeParse({ ...fixed, endsOn: null, kind: 'until_corrected' }).success).toBe(true);
  });
});

describe('directory (R-DIR-1)', () => {
  it('describes a listed agency with its 停止中 flag', () => {
    const record = {
      id: 'ag_01',
      name: '株式会社みらい人材',
      address: '東京都千代田区霞が関1-2-2',
      prefecture: '13',
      licenceNumber: '13-ユ-123456',
      licenceKind: 'paid',
      services: ['job_offer'],
      handlesSubsidies: true,
      certifications: ['privacy_mark', 'yuryo'],
      suspended: true,
    };
    expect(AgencyPublicRecordSchema.parse(record).suspended).toBe(true);
    expect(AgencyPublicRecordSchema.safeParse({ ...record, certifications: ['iso9001'] }).success).toBe(false);
  });

  it('filters by prefecture, service and text, and refuses unknown filters', () => {
    expect(DirectoryQuerySchema.parse({ prefecture: '13', service: 'jobseeker', q: ' 介護 ' })).toEqual({
      prefecture: '13',
      service: 'jobseeker',
      q: '介護',
      limit: 20,
    });
    expect(DirectoryQuerySchema.safeParse({ prefecture: '99' }).success).toBe(false);
    expect(DirectoryQuerySchema.safeParse({ sort: 'name' }).success).toBe(false);
  });
});
