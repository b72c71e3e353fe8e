import { describe, expect, it } from 'vitest';
import { createGreenChannelSchema, createWorkOrderSchema } from '../../domain/work-orders';
import { ApiError } from '../../web/src/api-client/client';
import { namePathOf } from '../../web/src/components/fieldPath';
import { refusedFields } from '../../web/src/components/fieldPath';
import {
  formNameOf,
  greenChannelRequestOf,
  initialGreenChannelForm,
  placedRefusals,
} from '../../web/src/pages/green-channel/green-channel-form';
import {
  startingValues,
  workOrderRequestOf,
} from '../../web/src/pages/work-orders/new/create-work-order-form';
import { newWorkOrderHref, prefillOf } from '../../web/src/pages/work-orders/new/prefill';

const customer = { msisdn: '13900100002', name: '韩**', address: '' };

/** Where the console's work-order forms put a refusal: the antd name of the field beside which it shows. */
const placed = (fields: { path: string }[], nameOf = (p: (string | number)[]) => p) =>
  fields.map((f) => nameOf(namePathOf(f.path)));

describe('the console’s work-order forms make the requests the API takes', () => {
  it('UI-1 WO-1: a new work order starts at P3 and sends what was typed, blank optional fields left out', () => {
    const values = {
      ...startingValues({}),
      category: 'broadbandRepair' as const,
      title: ' 宽带无法上网 ',
      description: '光猫红灯',
      customer,
      territory: '  ',
      requiredSkill: 'broadband',
    };
    expect(values.priority).toBe('P3');
    const request = workOrderRequestOf(values);
    expect(request).toEqual({
      category: 'broadbandRepair',
      priority: 'P3',
      title: '宽带无法上网',
      description: '光猫红灯',
      customer: { msisdn: '13900100002', name: '韩**', address: undefined },
      territory: undefined,
      requiredSkill: 'broadband',
    });
    expect(createWorkOrderSchema.safeParse(request).success).toBe(true);
  });

  it('UI-1 GC-3: the escalation to a complaint fills the new work order through its address, never a password', () => {
    const href = newWorkOrderHref({
      from: 'greenChannel',
      category: 'complaintFollowUp',
      priority: 'P2',
      title: '投诉升级：预约办理',
      description: '客户要求赔偿\n- 赔款/优惠 500000 分超出职权',
      msisdn: '13900100002',
      name: '韩**',
    });
    expect(href).not.toMatch(/password/i);
    const prefill = prefillOf(new URLSearchParams(href.split('?')[1]));
    expect(startingValues(prefill)).toMatchObject({
      category: 'complaintFollowUp',
      priority: 'P2',
      title: '投诉升级：预约办理',
      description: '客户要求赔偿\n- 赔款/优惠 500000 分超出职权',
      customer: { msisdn: '13900100002', name: '韩**' },
    });
    expect(startingValues(prefillOf(new URLSearchParams('category=nonsense&priority=P9')))).toMatchObject({
      category: undefined,
      priority: 'P3',
    });
  });

  it('UI-1 GC-2 GC-3: a green-channel request starts at P2, promises compensation in fen and names paper documents only for an entrusted acceptance', () => {
    const values = {
      ...initialGreenChannelForm,
      type: 'entrustedAcceptance' as const,
      title: '委托办理',
      description: '客户在外地',
      customer,
      servicePassword: '112233',
      paperDocuments: 'send' as const,
      commitments: [
        { kind: 'compensation' as const, value: 12.34 },
        { kind: 'repairTimeLimit' as const, value: 72 },
        { kind: 'specificGoods' as const, value: ' 充电宝 ' },
      ],
    };
    expect(initialGreenChannelForm.priority).toBe('P2');
    const request = greenChannelRequestOf(values);
    expect(request).not.toHaveProperty('servicePassword');
    expect(request.paperDocuments).toBe('send');
    expect(request.commitments).toEqual([
      { kind: 'compensation', amountFen: 1234 },
      { kind: 'repairTimeLimit', hours: 72 },
      { kind: 'specificGoods', item: '充电宝' },
    ]);
    expect(createGreenChannelSchema.safeParse(request).success).toBe(true);
    expect(greenChannelRequestOf({ ...values, type: 'storeAppointment' }).paperDocuments).toBeUndefined();
  });

  it('UI-1 GC-2 GC-3: a refused promise shows beside its row and a wrong service password beside its field', () => {
    const overPromise = new ApiError(
      422,
      'CommitmentBeyondAuthority',
      '承诺超出职权范围，不能受理；可升级至投诉处理流程',
      'body.commitments.1: compensation of 500000 fen is beyond the authority of dutyManager: no compensation may be promised. You may escalate to the complaint process',
      {
        refused: [
          { field: 'commitments.1', commitment: {}, zh: '赔款/优惠 500000 分超出职权', en: 'compensation…' },
        ],
        escalation: { process: 'complaint', zh: '可升级至投诉处理流程', en: 'You may escalate…' },
      },
      null,
    );
    expect(placed(placedRefusals(overPromise), formNameOf)).toEqual([['commitments', 1, 'value']]);
    expect(placedRefusals(overPromise)[0]?.zh).toBe('赔款/优惠 500000 分超出职权');

    const wrongPassword = new ApiError(
      422,
      'ServicePasswordInvalid',
      '服务密码验证失败',
      'body.servicePassword: the service password does not match the line 13900300001',
      undefined,
      null,
    );
    expect(refusedFields(wrongPassword)).toEqual([
      {
        path: 'body.servicePassword',
        zh: '服务密码验证失败',
        en: 'the service password does not match the line 13900300001',
      },
    ]);
    expect(placed(refusedFields(wrongPassword))).toEqual([['servicePassword']]);

    const badAmount = new ApiError(
      400,
      'ValidationFailed',
      '',
      '',
      [{ path: 'body.commitments.0.amountFen', zh: '应大于 0', en: 'must be positive' }],
      null,
    );
    expect(placed(placedRefusals(badAmount), formNameOf)).toEqual([['commitments', 0, 'value']]);
  });
});
