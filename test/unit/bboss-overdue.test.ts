import { describe, expect, it } from 'vitest';
import { bbossOverdueNotice, waitText } from '../../domain/bboss-overdue';

describe('the overdue notice of a group order BBOSS has not answered (GRP-4)', () => {
  it('GRP-4: names the order, BBOSS reference, submission in business time, the wait, and whom to ask — in Chinese and English', () => {
    const notice = bbossOverdueNotice(
      {
        orderId: 'GroupOpen:STORE-BJ-001:k-1',
        bbossRef: 'BBOSS-00000007',
        waitingSince: '2025-06-10T02:00:00.000Z',
        action: 'open',
        groupCode: '1000000001',
        productCode: 'HDJ',
        customerManagerId: 'manager01',
        submitterId: 'store01',
        channelCode: 'STORE-BJ-001',
      },
      new Date('2025-06-10T06:05:00.000Z'),
      8,
    );
    expect(notice.zh).toBe(
      '集团产品订单 GroupOpen:STORE-BJ-001:k-1（集团 1000000001，产品 HDJ，开通）已超时：2025-06-10 10:00 提交 BBOSS' +
        '（BBOSS 单号 BBOSS-00000007），已等待 4 小时 5 分，BBOSS 未答复。客户经理 manager01，订单提交人 store01，' +
        '受理渠道 STORE-BJ-001。请与 BBOSS 核实进度；订单仍在等待，BBOSS 答复后自动继续。',
    );
    expect(notice.en).toBe(
      'Group order GroupOpen:STORE-BJ-001:k-1 (group 1000000001, product HDJ, open) is overdue: submitted to ' +
        'BBOSS at 2025-06-10 10:00 (BBOSS ref BBOSS-00000007), no answer from BBOSS after 4h 5m. Customer ' +
        'manager manager01, submitter store01, taken at STORE-BJ-001. Please check with BBOSS; the order keeps ' +
        'waiting and goes on by itself once BBOSS answers.',
    );
  });

  it('GRP-4: a wait reads in seconds, minutes and seconds, or hours and minutes', () => {
    expect(waitText(45_400)).toEqual({ zh: '45 秒', en: '45s' });
    expect(waitText(725_000)).toEqual({ zh: '12 分 5 秒', en: '12m 5s' });
    expect(waitText(12_000_000)).toEqual({ zh: '3 小时 20 分', en: '3h 20m' });
    expect(waitText(-5)).toEqual({ zh: '0 秒', en: '0s' });
  });
});
