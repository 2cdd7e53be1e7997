import type { ChangeRequest } from '../../../shared/schemas';
import type { Refusal } from '../../lib/problem';
import { agencyStub } from '../../lib/stubs';
import { appendAudit } from './audit';
import * as organisations from './organisations';
import { decideProcedure, pendingProcedure, procedure } from './procedures';
import { directoryText, licenceKey, shownMandatoryInformation, storedRecord, type ApplyResult, type RegistryStore } from './store';
import type { ProcedureRecord, RegistrationInput, StaffRecord } from './types';

// The bureau's acceptance of an agency's change request (R-APP-4): the request itself is filed,
// listed and rejected in procedures.ts.

/**
 * The bureau accepts a change request (R-APP-4): only now does it take effect. New mandatory
 * information, or a new privacy officer (who is the complaints officer it shows, R-MSG-1), becomes a
 * new version and every open conversation is told (R-MSG-3).
 *
 * @example await registry.acceptChange('P…', staff, null, now);
 */
export async function acceptChange(
  s: RegistryStore,
  id: string,
  staff: StaffRecord,
  reason: string | null,
  now: number,
): Promise<{ ok: true; procedure: ProcedureRecord; mandatoryInformationVersion: number | null; notified: number } | Refusal> {
  const found = pendingProcedure(s, id, 'change', staff, now);
  if ('ok' in found) return found;
  const { row, agency } = found;
  const change = JSON.parse(row.request) as ChangeRequest;
  if (change.licenceNumber) {
    // R-ORG-1: a new number must not be another organisation's.
    const holder = organisations.licenceHolder(s.sql, change.licenceNumber);
    if (holder && holder.id !== agency.id) return organisations.licenceRefusal(s.sql, change.licenceNumber)!;
  }
  const stub = agencyStub(s.env, agency.id);
  let version: number | null = null;
  let notified = 0;
  const current = storedRecord(agency);
  const filed = change.mandatoryInformation ?? (change.privacyOfficer ? current.mandatoryInformation?.content : undefined);
  if (filed) {
    const installed = await stub.installMandatoryInformation(
      shownMandatoryInformation(filed, change.privacyOfficer ?? current.registration?.privacyOfficer),
      now,
    );
    version = installed.version;
    notified = installed.notified;
  }
  const applied: ApplyResult = await stub.applyAcceptedChange(
    {
      name: change.organisation?.name,
      licenceNumber: change.licenceNumber,
      contactMethods: change.contactMethods,
      // R-MSG-7: the notification of paid services for new graduates takes effect with the change.
      paidServicesForNewGraduates: change.paidServicesForNewGraduates,
    },
    now,
  );
  if (!applied.ok) return applied;
  const stored = storedRecord(agency);
  const registration: RegistrationInput = {
    ...(stored.registration ?? ({} as RegistrationInput)),
    ...(change.organisation ? { organisation: { ...stored.registration!.organisation, ...change.organisation } } : {}),
    ...(change.liaisonOfficer ? { liaisonOfficer: change.liaisonOfficer } : {}),
    ...(change.privacyOfficer ? { privacyOfficer: change.privacyOfficer } : {}),
    ...(change.placements ? { placements: change.placements } : {}),
    ...(change.handlesSubsidies !== undefined ? { handlesSubsidies: change.handlesSubsidies } : {}),
    ...(change.certifications ? { certifications: change.certifications } : {}),
  };
  const record = applied.record;
  const address = registration.organisation?.address ?? agency.address;
  s.tx(() => {
    s.sql.exec(
      `UPDATE agencies SET name = ?, record = ?, address = ?, licence_number = ?, licence_key = ?, handles_subsidies = ?, certifications = ?,
        search_text = ?, updated_at = ? WHERE id = ?`,
      record.name,
      JSON.stringify({ ...record, registration }),
      address,
      record.licence.number,
      licenceKey(record.licence.number),
      registration.handlesSubsidies ? 1 : 0,
      JSON.stringify(registration.certifications ?? []),
      directoryText(`${record.name} ${address} ${record.licence.number}`),
      now,
      agency.id,
    );
    decideProcedure(s, id, 'accepted', staff.id, reason, now);
    appendAudit(s, now, staff.id, 'change.accept', id, reason, {
      agencyId: agency.id,
      fields: Object.keys(change).filter((k) => k !== 'note'),
      mandatoryInformationVersion: version,
      notified,
    });
  });
  return { ok: true, procedure: procedure(s, id)!, mandatoryInformationVersion: version, notified };
}
