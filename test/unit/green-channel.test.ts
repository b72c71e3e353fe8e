import { describe, expect, it } from 'vitest';
import {
  authorityOf,
  commitmentAuthority,
  greenChannelCategories,
  refusedCommitments,
} from '../../domain/green-channel';
import type { Commitment } from '../../domain/work-orders';

const refusedFields = (commitments: Commitment[], roles: Parameters<typeof refusedCommitments>[1]) =>
  refusedCommitments(commitments, roles).map((r) => r.field);

describe('green-channel commitments within authority', () => {
  it('GC-3: the authority table — duty manager promises no money and no goods, repair limits of 48 h or more', () => {
    expect(commitmentAuthority.dutyManager).toEqual({
      maxCompensationFen: 0,
      minRepairHours: 48,
      specificGoods: false,
    });
    expect(commitmentAuthority.admin).toEqual({
      maxCompensationFen: 10_000,
      minRepairHours: 24,
      specificGoods: false,
    });
  });

  it('GC-3: a duty manager is refused compensation, specific goods and a repair limit under 48 hours', () => {
    const commitments: Commitment[] = [
      { kind: 'compensation', amountFen: 1 },
      { kind: 'specificGoods', item: 'iPhone 16 黑色 256G' },
      { kind: 'repairTimeLimit', hours: 47.5 },
      { kind: 'repairTimeLimit', hours: 48 },
    ];
    const refused = refusedCommitments(commitments, ['dutyManager']);
    expect(refused.map((r) => r.field)).toEqual(['commitments.0', 'commitments.1', 'commitments.2']);
    expect(refused[0]?.en).toContain('compensation of 1 fen is beyond the authority of dutyManager');
    expect(refused[1]?.zh).toContain('指定货品“iPhone 16 黑色 256G”');
    expect(refused[2]?.en).toContain('may not be shorter than 48 hours');
  });

  it('GC-3: an administrator may promise up to 10,000 fen and 24-hour repairs, still no specific goods', () => {
    expect(
      refusedFields(
        [
          { kind: 'compensation', amountFen: 10_000 },
          { kind: 'repairTimeLimit', hours: 24 },
        ],
        ['admin'],
      ),
    ).toEqual([]);
    expect(
      refusedFields(
        [
          { kind: 'compensation', amountFen: 10_001 },
          { kind: 'repairTimeLimit', hours: 23 },
          { kind: 'specificGoods', item: 'points gift' },
        ],
        ['admin'],
      ),
    ).toEqual(['commitments.0', 'commitments.1', 'commitments.2']);
  });

  it('GC-3: the broadest of several roles counts; a role without authority promises nothing', () => {
    expect(authorityOf(['dutyManager', 'admin'])).toEqual(commitmentAuthority.admin);
    expect(refusedFields([{ kind: 'repairTimeLimit', hours: 720 }], ['frontline'])).toEqual([
      'commitments.0',
    ]);
    expect(refusedFields([], ['frontline'])).toEqual([]);
  });

  it('GC-2: each green-channel type maps to the category of work the store does', () => {
    expect(greenChannelCategories).toEqual({
      storeAppointment: 'businessHandling',
      entrustedAcceptance: 'businessHandling',
      itemReservation: 'businessHandling',
      terminalSupport: 'terminalSupport',
    });
  });
});
