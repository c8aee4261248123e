import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { HouseholdChanges, ownerDaysOf, validateHousehold } from '../domain/compound';
import { ownerKey } from '../../../kernel/owner-key';
import { isOrganisation } from '../../../catalog';
import { todayInChina } from '../../../kernel/clock';
import { formatSquareMetres } from '../domain/floor-area';
import { Household } from '../persistence/compound.entity';
import { courtHoldsReferralAgainst } from '../persistence/court-household.repository';
import { recordFormerOwner } from '../persistence/former-owner.repository';
import {
  findOwnerIdentities,
  removeOwnerIdentity,
  saveOwnerIdentities,
  unsealed,
} from '../persistence/owner-identity.repository';
import { recordBuildingRosters } from './building-rosters';
import { manageableHousehold } from './compound.lookup';

/**
 * Corrects a household: a new certificate area, the owner's identity, or a change of owner (the reference, the name
 * and the identity go together: a new reference without an identity removes the former owner's; the day the new
 * owner became the owner is kept and published with the roster), or the owner's death (published with the roster: a
 * deceased owner is not sued), both by domain/compound.ts ownerDaysOf. The owner a sale replaces (a new reference with
 * the day the new owner became the owner) is kept, their identity sealed anew for the history
 * (persistence/former-owner.repository.ts): the court of a referral against them still reads them (before, the register
 * kept no owner history and that court got nothing of the defendant); a corrected reference that was no sale keeps none,
 * unless a court holds a referral against the owner it replaces, for whom that court's reads still answer.
 */
export async function updateHousehold(
  em: EntityManager,
  identity: Identity,
  householdId: string,
  changes: HouseholdChanges,
): Promise<Household> {
  return em.transactional(async (tx) => {
    const { household, building } = await manageableHousehold(tx, identity, householdId);
    // A reference sent again as it stands is no change of owner (before, correcting only the area with the reference
    // included wiped the owner's name and sealed identity, which courts read), nor retyped in half-width characters
    // (ownerKey, as owners are counted: before, it dated a sale today and wiped the identity, a helper's review).
    const newOwner =
      changes.ownerReference !== undefined &&
      changes.ownerReference !== null &&
      ownerKey(changes.ownerReference) !== ownerKey(household.ownerReference);
    const valid = validateHousehold(
      {
        unit: household.unit,
        room: household.room,
        floorArea: changes.floorArea ?? formatSquareMetres(household.floorAreaCentiM2),
        ownerReference: changes.ownerReference ?? household.ownerReference,
        ownerName: newOwner ? changes.ownerName : (changes.ownerName ?? household.ownerName ?? undefined),
        ownerIdentity: changes.ownerIdentity,
      },
      { storedReference: !newOwner },
    );
    // The identity stored: the former owner's to keep on a change of owner; an organisation does not die (its
    // identity as given now, else as stored).
    const [stored] = newOwner || changes.ownerDiedOn ? await findOwnerIdentities(tx, [householdId]) : [];
    const ownerIdentity = valid.ownerIdentity ?? (newOwner ? undefined : stored);
    // One day for the whole change: the owner's days and the court's live referrals are judged on the same one.
    const today = todayInChina();
    const days = ownerDaysOf(
      changes,
      newOwner,
      { ownerSince: household.ownerSince ?? null, ownerDiedOn: household.ownerDiedOn ?? null },
      !!ownerIdentity && isOrganisation(ownerIdentity),
      today,
    );
    // A former owner only where the new owner has a day they became the owner (given, or the change dated today): a
    // reference corrected with `ownerSince: null`, or a deceased owner's reference corrected without a day (the death
    // stays), was no sale, and no one was succeeded (before, either kept the mistyped owner as a former one, and a
    // correction without a day dated their succession with their own `ownerSince`). Unless a court holds a referral
    // against the owner the correction replaces: they stay its defendant, kept (succeeded on no day) for that court
    // alone, which reads them as it read them before (domain/access.ts ownerInFull; never the corrected owner, whom its
    // grant does not name). Before, a correction without a sale left that court nothing but the owner now, masked,
    // and the complaint DEFENDANT_NO_LONGER_OWNER: a correction could take the defendant from the court.
    const kept =
      newOwner &&
      (!!days.ownerSince || (await courtHoldsReferralAgainst(tx, householdId, household.ownerReference, today)));
    if (kept)
      await recordFormerOwner(
        tx,
        {
          householdId,
          ownerReference: household.ownerReference,
          ownerName: household.ownerName ?? null,
          ownerSince: household.ownerSince ?? null,
          ownerDiedOn: household.ownerDiedOn ?? null,
          succeededOn: days.ownerSince ?? null,
          identity: stored ? unsealed(stored) : null,
        },
        identity.subject,
      );
    Object.assign(household, {
      floorAreaCentiM2: valid.floorAreaCentiM2,
      ownerReference: valid.ownerReference,
      ownerName: valid.ownerName,
      ...days,
    });
    await recordBuildingRosters(tx, [building.id]);
    if (valid.ownerIdentity)
      await saveOwnerIdentities(tx, [{ householdId, identity: valid.ownerIdentity }], identity.subject);
    else if (newOwner) await removeOwnerIdentity(tx, householdId);
    return household;
  });
}
