import { describe, expect, it } from 'vitest';
import {
  ActivationCodeSchema,
  ActivationSchema,
  AdminSignInSchema,
  AgencySignInSchema,
  SeekerAccountSchema,
  SeekerSignInSchema,
  SessionInfoSchema,
  TokenResponseSchema,
} from './session';

describe('sign-in bodies (R-SEC-2)', () => {
  it('takes each role’s credentials and normalises the agency account ID', () => {
    expect(AgencySignInSchema.parse({ email: 'Info@Mirai.example.jp', password: 'correct horse battery' }).email).toBe(
      'info@mirai.example.jp',
    );
    expect(SeekerSignInSchema.safeParse({ profileId: '13-7K3QM2XPA9', passphrase: 'さくらが咲く春の朝に' }).success).toBe(true);
    expect(AdminSignInSchema.safeParse({ email: 'kanri@mhlw.example.go.jp', password: 'correct horse battery' }).success).toBe(true);
    expect(AdminSignInSchema.safeParse({ bootstrapToken: 'b'.repeat(40) }).success).toBe(true);
  });

  it('refuses unknown fields, a mix of both admin forms and wrong types', () => {
    expect(AgencySignInSchema.safeParse({ email: 'a@example.jp', password: 'x', remember: true }).success).toBe(false);
    expect(AdminSignInSchema.safeParse({ email: 'a@example.jp', password: 'x', bootstrapToken: 'b'.repeat(40) }).success).toBe(false);
    expect(AdminSignInSchema.safeParse({ bootstrapToken: 'short' }).success).toBe(false);
    expect(SeekerSignInSchema.safeParse({ profileId: 13, passphrase: 'x' }).success).toBe(false);
  });
});

describe('activation', () => {
  it('normalises a code typed from paper', () => {
    expect(ActivationCodeSchema.parse(' k7qm-2xpa-9rtd ')).toBe('K7QM-2XPA-9RTD');
    expect(ActivationCodeSchema.parse('O1IL-0000-AAAA')).toBe('0111-0000-AAAA');
    expect(ActivationCodeSchema.safeParse('K7QM2XPA9RTD').success).toBe(false);
    expect(ActivationCodeSchema.safeParse('K7QM-2XPA-9RTU').success).toBe(false);
  });

  it('requires the profile ID and a passphrase of at least 12 characters', () => {
    expect(
      ActivationSchema.safeParse({ profileId: '13-7K3QM2XPA9', code: 'K7QM-2XPA-9RTD', passphrase: 'さくらが咲く春の朝に吹く風' }).success,
    ).toBe(true);
    expect(ActivationSchema.safeParse({ profileId: '13-7K3QM2XPA9', code: 'K7QM-2XPA-9RTD', passphrase: 'short' }).success).toBe(false);
    expect(ActivationSchema.safeParse({ code: 'K7QM-2XPA-9RTD', passphrase: 'さくらが咲く春の朝に吹く風' }).success).toBe(false);
  });
});

describe('the jobseeker account (R-SEC-2)', () => {
  it('R-SEC-2 describes the account activation creates, and refuses one without a valid profile ID or time', () => {
    const account = { profileId: '13-7K3QM2XPA9', activatedAt: '2026-04-01T01:00:00.000Z', inFeed: true };
    expect(SeekerAccountSchema.parse(account)).toEqual(account);
    expect(SeekerAccountSchema.safeParse({ ...account, profileId: '99-7K3QM2XPA9' }).success).toBe(false);
    expect(SeekerAccountSchema.safeParse({ ...account, activatedAt: '2026-04-01' }).success).toBe(false);
    expect(SeekerAccountSchema.safeParse({ ...account, inFeed: 'yes' }).success).toBe(false);
  });
});

describe('tokens and sessions (R-SEC-1)', () => {
  it('describes a token and a session', () => {
    expect(TokenResponseSchema.safeParse({ token: 't'.repeat(43), expiresAt: '2026-04-02T01:00:00.000Z', role: 'agency' }).success).toBe(
      true,
    );
    expect(TokenResponseSchema.safeParse({ token: 't'.repeat(43), expiresAt: '2026-04-02T01:00:00.000Z', role: 'root' }).success).toBe(
      false,
    );
    const session = {
      id: 'ses_01',
      createdAt: '2026-04-01T00:00:00.000Z',
      lastSeenAt: '2026-04-01T01:00:00.000Z',
      expiresAt: '2026-04-02T00:00:00.000Z',
      current: true,
    };
    expect(SessionInfoSchema.parse(session).current).toBe(true);
  });
});
