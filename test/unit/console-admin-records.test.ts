import { describe, expect, it } from 'vitest';
import { categoryEffects, identitySchema } from '../../domain/customer-categories';
import { dispatchRuleKindLabels } from '../../domain/dispatch-rules';
import { ApiError } from '../../web/src/api-client/client';
import { namePathOf } from '../../web/src/components/fieldPath';
import { effectLabels } from '../../web/src/pages/admin/customer-categories/messages';
import { kindLabels } from '../../web/src/pages/admin/dispatch-rules/messages';
import { idTypeLabels } from '../../web/src/pages/admin/partner-blacklist/messages';
import { refusedFields } from '../../web/src/components/fieldPath';

const refusal = (status: number, code: string, reason: string, message: string, details?: unknown) =>
  new ApiError(status, code, reason, message, details, null);

describe('the administration screens speak the API’s codes and place its refusals', () => {
  it('UI-1 WO-4: the rule form offers every dispatch strategy, labelled as the API labels a saved rule', () => {
    expect(kindLabels).toEqual(dispatchRuleKindLabels);
  });

  it('UI-1 CUST-1 CUST-2: every category effect and every identity type a partner may list has its label', () => {
    expect(Object.keys(effectLabels).sort()).toEqual([...categoryEffects].sort());
    expect(Object.keys(idTypeLabels).sort()).toEqual([...identitySchema.shape.idType.options].sort());
  });

  it('UI-1 WO-4: an invalid rule is refused beside each field it names, in both languages', () => {
    const invalid = refusal(
      422,
      'InvalidDispatchRule',
      '派工规则不合法',
      'target.staffIds: is required for a roundRobin rule (at least one staff member, taken in turn)',
      {
        issues: [
          {
            field: 'target.staffIds',
            rule: 'is required for a roundRobin rule (at least one staff member, taken in turn)',
          },
        ],
      },
    );
    const [field] = refusedFields(invalid);
    expect(field?.path).toBe('target.staffIds');
    expect(field?.zh).toContain('派工规则不合法');
    expect(field?.en).toBe('is required for a roundRobin rule (at least one staff member, taken in turn)');
    expect(namePathOf(field?.path ?? '')).toEqual(['target', 'staffIds']);
  });

  it('UI-1 WO-4 CUST-1: a taken rule ID or category code is refused beside that field; a refusal naming none stays above the form', () => {
    const taken = refusal(
      409,
      'DispatchRuleExists',
      '派工规则编号已存在',
      'id: a dispatch rule R-LEAST-LOAD already exists',
    );
    expect(refusedFields(taken)).toEqual([
      { path: 'id', zh: '派工规则编号已存在', en: 'a dispatch rule R-LEAST-LOAD already exists' },
    ]);
    const code = refusal(409, 'CategoryExists', '客户类别编码已存在', 'code: category vip exists');
    expect(refusedFields(code).map((f) => f.path)).toEqual(['code']);
    const unknownOutlet = refusal(
      422,
      'OutletNotFound',
      '网点不存在或已停用',
      'target.outletCode: no outlet OUT-X',
    );
    expect(refusedFields(unknownOutlet).map((f) => namePathOf(f.path))).toEqual([['target', 'outletCode']]);
    const lock = refusal(
      409,
      'LockHolderRunning',
      '占用它的订单仍在办理中，不能释放',
      'body.key: order X holding the line 1 is still running; it lets go when it ends',
    );
    expect(refusedFields(lock)).toEqual([]);
    const plain = refusal(
      409,
      'CategoryCannotBeDeleted',
      '客户类别只能新增和修改，不能删除',
      'Category vip cannot be deleted',
    );
    expect(refusedFields(plain)).toEqual([]);
  });

  it('UI-1 RES-2: a resource refusal naming its field is shown beside it, in Chinese with the API’s reason and rule', () => {
    const unknownUnit = refusal(
      422,
      'OrgUnitNotFound',
      '组织单元不存在',
      'toCode: no organisation unit OU-X',
    );
    expect(refusedFields(unknownUnit, { ruleInZh: true })).toEqual([
      { path: 'toCode', zh: '组织单元不存在：no organisation unit OU-X', en: 'no organisation unit OU-X' },
    ]);
    const listed = refusal(422, 'NumberNotFound', '号码不存在', 'numbers[2]: no number 13900000000');
    expect(refusedFields(listed, { ruleInZh: true }).map((f) => namePathOf(f.path))).toEqual([
      ['numbers', 2],
    ]);
  });
});
