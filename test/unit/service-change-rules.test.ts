import { describe, expect, it } from 'vitest';
import {
  allowedLineStatuses,
  hlrServicesFor,
  lineIdentityRefusal,
  nextFeatures,
} from '../../domain/service-change-rules';

const owner = '11010119900101000X';

describe('service-change rules', () => {
  it('CHG-1: every change needs an active line; only resume starts from a suspension (CHG-2)', () => {
    expect(allowedLineStatuses('changeNumber')).toEqual(['active']);
    expect(allowedLineStatuses('reportLoss')).toEqual(['active']);
    expect(allowedLineStatuses('resume')).toEqual(['suspended', 'lossReported']);
  });

  it('CHG-2: resume after a loss report needs the owner identity; after a plain suspension it does not', () => {
    const base = { type: 'resume' as const, ownerIdNumber: owner };
    expect(lineIdentityRefusal({ ...base, status: 'lossReported' })).toBe('IdentityVerificationRequired');
    expect(lineIdentityRefusal({ ...base, status: 'suspended' })).toBeNull();
    expect(
      lineIdentityRefusal({ ...base, status: 'lossReported', identity: { idNumber: owner.toLowerCase() } }),
    ).toBeNull();
    expect(
      lineIdentityRefusal({ ...base, status: 'lossReported', identity: { idNumber: '110101199001019999' } }),
    ).toBe('IdentityMismatch');
  });

  it('CHG-1: SIM swap, data change and transfer act for the owner; identity shown is always checked', () => {
    for (const type of ['swapSim', 'changeCustomerData', 'transferOwnership'] as const) {
      expect(lineIdentityRefusal({ type, status: 'active', ownerIdNumber: owner })).toBe(
        'IdentityVerificationRequired',
      );
    }
    expect(lineIdentityRefusal({ type: 'suspend', status: 'active', ownerIdNumber: owner })).toBeNull();
    expect(
      lineIdentityRefusal({
        type: 'suspend',
        status: 'active',
        ownerIdNumber: owner,
        identity: { idNumber: 'X1234' },
      }),
    ).toBe('IdentityMismatch');
  });

  it('CHG-1: features are added once and removed; the HLR gets the base services plus the features', () => {
    expect(nextFeatures(['voicemail'], ['volte', 'voicemail'], [])).toEqual(['voicemail', 'volte']);
    expect(nextFeatures(['voicemail', 'volte'], [], ['voicemail'])).toEqual(['volte']);
    expect(nextFeatures([], ['volte'], ['volte'])).toEqual([]);
    expect(hlrServicesFor(['volte'])).toEqual(['voice', 'sms', 'data', 'volte']);
  });
});
