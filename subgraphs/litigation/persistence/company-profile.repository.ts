import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { CompanyProfile, LitigationAgent } from '../domain/company-profile';

interface ProfileColumns {
  company_id: string;
  legal_name: string;
  domicile: string;
  credit_code: string;
  legal_representative: string;
  legal_representative_title: string;
  phone: string;
  agent: LitigationAgent | null;
  service_address: string | null;
  service_recipient: string | null;
  accepts_electronic_service: boolean;
  electronic_service_address: string | null;
}

const profileOf = (r: ProfileColumns): CompanyProfile => ({
  companyId: r.company_id,
  legalName: r.legal_name,
  domicile: r.domicile,
  creditCode: r.credit_code,
  legalRepresentative: r.legal_representative,
  legalRepresentativeTitle: r.legal_representative_title,
  phone: r.phone,
  agent: r.agent,
  serviceAddress: r.service_address,
  serviceRecipient: r.service_recipient,
  acceptsElectronicService: r.accepts_electronic_service,
  electronicServiceAddress: r.electronic_service_address,
});

export async function findCompanyProfile(em: EntityManager, companyId: string): Promise<CompanyProfile | null> {
  const [row] = await sqlRows<ProfileColumns>(em, `select * from litigation.company_profile where company_id = ?`, [
    companyId,
  ]);
  return row ? profileOf(row) : null;
}

/** Writes the company's particulars, replacing the previous ones. */
export async function saveCompanyProfile(tx: EntityManager, p: CompanyProfile, updatedBy: string): Promise<void> {
  await sqlRun(
    tx,
    `insert into litigation.company_profile (company_id, legal_name, domicile, credit_code, legal_representative, legal_representative_title, phone,
       agent, service_address, service_recipient, accepts_electronic_service, electronic_service_address, updated_by)
     values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
     on conflict (company_id) do update set legal_name = excluded.legal_name, domicile = excluded.domicile, credit_code = excluded.credit_code,
       legal_representative = excluded.legal_representative, legal_representative_title = excluded.legal_representative_title, phone = excluded.phone,
       agent = excluded.agent, service_address = excluded.service_address, service_recipient = excluded.service_recipient,
       accepts_electronic_service = excluded.accepts_electronic_service, electronic_service_address = excluded.electronic_service_address,
       updated_by = excluded.updated_by, updated_at = now()`,
    [
      p.companyId,
      p.legalName,
      p.domicile,
      p.creditCode,
      p.legalRepresentative,
      p.legalRepresentativeTitle,
      p.phone,
      p.agent ? JSON.stringify(p.agent) : null,
      p.serviceAddress,
      p.serviceRecipient,
      p.acceptsElectronicService,
      p.electronicServiceAddress,
      updatedBy,
    ],
  );
}
