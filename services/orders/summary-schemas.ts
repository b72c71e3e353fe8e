import { z } from 'zod';
import type {
  ChangeCustomerDataSummary,
  ChangeDiscountSummary,
  ChangeFeaturesSummary,
  ChangeNumberSummary,
  LineStatusSummary,
  PayInSummary,
  RefundFeeSummary,
  SwapSimSummary,
  TransferOwnershipSummary,
} from '../../domain/service-change-summaries';
import { attributeValuesSchema } from '../../domain/product-spec';
import { subscriberStatuses } from '../../domain/subscribers';
import type { GroupMemberSummary } from '../../domain/group-member-contract';
import type { GroupProductSummary } from '../../domain/group-product-contract';
import type { OpenAccountSummary } from '../../domain/open-account-contract';
import type { PortInSummary } from '../../domain/port-in-contract';
import type { PortOutSummary } from '../../domain/port-out-contract';
import type { PreCancellationSummary } from '../../domain/pre-cancellation-contract';

/**
 * The summary each order type shows (`summary` of an order), as the OpenAPI document states it. Each schema is
 * bound to the TypeScript type its workflow writes (`summaryOf<T>()`): a field added to one and not the other
 * does not compile, so the document cannot drift from what the server sends. Amounts in fen, times ISO 8601.
 */

/** True only when `A` and `B` are the same type: the same fields, each as optional and of the same type. */
export type Same<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** A schema whose output is exactly `T` (else the call does not compile, naming `T`). */
const summaryOf =
  <T>() =>
  <S extends z.ZodType>(schema: S & (Same<z.output<S>, T> extends true ? unknown : { notExactly: T })): S =>
    schema;

const time = (what: string) => z.string().describe(`${what} (ISO 8601)`);
const fen = (what: string) => z.number().describe(`${what}, in fen`);
const label = z.object({ zh: z.string(), en: z.string() });

/** REQ: OPEN-4 — the price of an opening, line by line (the order's quote, and the quote before submitting). */
export const openingQuoteSchema = z.object({
  lines: z.array(
    z.object({
      item: z.enum(['simFee', 'deposit', 'selectionFee', 'roamingDeposit']),
      label,
      amountFen: fen('The amount'),
    }),
  ),
  totalFen: fen('The total'),
});

/** REQ: OPEN-2…OPEN-6 — account opening (开户). */
export const openAccountSummarySchema = summaryOf<OpenAccountSummary>()(
  z
    .object({
      productCode: z.string(),
      customerName: z.string(),
      msisdn: z.string().optional().describe('The number, once pre-empted'),
      iccid: z.string().optional().describe('The SIM, once pre-empted'),
      quote: openingQuoteSchema.optional().describe('REQ: OPEN-4 — what the customer pays'),
      receiptNo: z.string().optional(),
      advice: label
        .optional()
        .describe('REQ: OPEN-6 — when no service password was given: advice to set one'),
    })
    .meta({
      title: 'OpenAccountSummary',
      description:
        'Account opening (开户, OPEN-2…OPEN-6): product and customer; number, SIM, quote and receipt as the order gets them',
    }),
);

/** REQ: PC-1…PC-6 — pre-cancellation (预销户) and formal cancellation (销号). */
export const preCancellationSummarySchema = summaryOf<PreCancellationSummary>()(
  z
    .object({
      msisdn: z.string(),
      leavingReason: z.string().describe('REQ: PC-1'),
      retention: z
        .object({ offer: z.string(), accepted: z.boolean() })
        .describe('REQ: PC-2 — the offer made and whether the customer took it'),
      outcome: z.enum(['retained', 'revoked', 'cancelledInPerson', 'cancelledWithoutVisit']).optional(),
      settlement: z
        .object({
          arrearsFen: z.number(),
          averageBillFen: z.number(),
          extraDepositFen: z.number(),
          totalFen: z.number(),
          receiptNo: z.string().optional(),
        })
        .optional()
        .describe('REQ: PC-4 — taken at pre-cancellation'),
      graceEndsAt: time('REQ: PC-5 — when the grace ends').optional(),
      visitBy: time('REQ: PC-5 — by when the customer must come in person').optional(),
      reminderSentAt: time('REQ: PC-5 — when the reminder SMS went out').optional(),
      finalBill: z
        .object({
          kind: z.enum(['refund', 'arrears', 'refundDue', 'collection', 'none']),
          amountFen: z.number(),
          method: z.string().optional(),
          receiptNo: z.string().optional(),
        })
        .optional()
        .describe('REQ: PC-5 — the final bill'),
      numberAvailableFrom: time('REQ: PC-5 — when the recycled number may be sold again')
        .nullable()
        .optional(),
    })
    .meta({
      title: 'PreCancellationSummary',
      description:
        'Pre-cancellation (预销户, PC-1…PC-6): reason, retention offer, settlement, grace and visit deadlines, final bill',
    }),
);

/** REQ: MNP-3, MNP-5 — port-in (携号转网, we are the recipient). */
export const portInSummarySchema = summaryOf<PortInSummary>()(
  z
    .object({
      msisdn: z.string(),
      donorOperator: z.string(),
      productCode: z.string(),
      customerName: z.string(),
      channel: z.enum(['store', 'online']),
      feeFen: fen('The porting fee'),
      receiptNo: z.string().optional(),
      iccid: z.string().optional(),
      clearingRef: z.string().optional().describe("The clearing system's reference of the port-in"),
      submissions: z.number().optional().describe('Times sent to the clearing system (1 + re-submissions)'),
      deadline: time('REQ: MNP-3 — by when the porting is normally done').optional(),
      switchOverAt: time('REQ: MNP-5 — when the number switches over to us').optional(),
      donorAnswer: z
        .object({ accepted: z.boolean(), reasonCode: z.string().optional(), reason: z.string().optional() })
        .optional()
        .describe("REQ: MNP-5 — the donor's answer"),
    })
    .meta({
      title: 'PortInSummary',
      description:
        'Port-in (携号转网, we are the recipient; MNP-3, MNP-5): number, donor, fee, clearing reference, deadline, switch-over',
    }),
);

/** REQ: MNP-1, MNP-5 — port-out (携号转网, we are the donor). The authorization code is never shown. */
export const portOutSummarySchema = summaryOf<PortOutSummary>()(
  z
    .object({
      msisdn: z.string(),
      codeSentAt: time('REQ: MNP-5 — when the authorization code was texted to the holder').optional(),
      codeExpiresAt: time('When the code stops being valid').optional(),
      refusedRequests: z.number().optional().describe('Requests refused for a wrong, expired or void code'),
      clearingRef: z.string().optional(),
      recipientOperator: z.string().optional(),
      switchOverAt: time('REQ: MNP-5 — when the number leaves our network').optional(),
      finalBill: z
        .object({
          kind: z.enum(['refund', 'arrears', 'none']),
          amountFen: z.number(),
          receiptNo: z.string().optional(),
        })
        .optional(),
      outcome: z.enum(['portedOut', 'codeExpired', 'codeLocked']).optional(),
    })
    .meta({
      title: 'PortOutSummary',
      description:
        'Port-out (携号转网, we are the donor; MNP-1, MNP-5): when the code was sent and expires, refusals, switch-over, final bill; never the code',
    }),
);

/** REQ: GRP-1…GRP-5, GRP-9 — a group product order (open, change, cancel). */
export const groupProductSummarySchema = summaryOf<GroupProductSummary>()(
  z
    .object({
      action: z.enum(['open', 'change', 'cancel']),
      groupCode: z.string(),
      productCode: z.string(),
      subscriptionId: z
        .string()
        .optional()
        .describe('The group subscription (the ID of the order that opened it)'),
      tariffCode: z.string().optional(),
      tariffParams: attributeValuesSchema
        .optional()
        .describe('REQ: GRP-3 — the tariff parameters (资费参数) ordered'),
      attributes: attributeValuesSchema
        .optional()
        .describe('REQ: GRP-3, GRP-5 — the product attributes ordered (open) or changed to (change)'),
      effectiveMode: z.enum(['immediate', 'nextCycle']).optional(),
      effectiveFrom: time('REQ: GRP-2 — when the new terms take effect').optional(),
      customerManagerId: z.string().optional(),
      submitterId: z.string().optional(),
      approval: z
        .object({
          required: z.boolean(),
          decision: z.enum(['approved', 'rejected']).optional(),
          approverId: z.string().optional(),
          comment: z.string().optional(),
          decidedAt: z.string().optional(),
        })
        .optional()
        .describe('REQ: GRP-3 — the tariff approval'),
      bboss: z
        .object({
          ref: z.string().optional(),
          waitingSince: z.string().optional(),
          queries: z.number(),
          overdueAt: z.string().optional(),
          resubmits: z.number().optional(),
          outcome: z.enum(['completed', 'rejected']).optional(),
          reasonCode: z.string().optional(),
          reason: z.string().optional(),
          answeredAt: z.string().optional(),
        })
        .optional()
        .describe('REQ: GRP-4 — the BBOSS leg'),
      membersRemoved: z.number().optional().describe('REQ: GRP-9 — members removed with the cancellation'),
    })
    .meta({
      title: 'GroupProductSummary',
      description:
        'Group product order (open, change, cancel; GRP-1…GRP-5, GRP-9): product, tariff, when it takes effect, approval, the BBOSS leg',
    }),
);

/** REQ: GRP-6…GRP-8 — a member order (add, change, delete). */
export const groupMemberSummarySchema = summaryOf<GroupMemberSummary>()(
  z
    .object({
      action: z.enum(['add', 'change', 'delete']),
      groupCode: z.string(),
      productCode: z.string(),
      msisdn: z.string(),
      subscriptionId: z.string().optional(),
      attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    })
    .meta({
      title: 'GroupMemberSummary',
      description: 'Member order (add, change, delete; GRP-6…GRP-8): the group product and the member number',
    }),
);

/** REQ: CHG-1, CHG-2 — service changes of a live line: each names the line, then what its steps changed. */
const line = { msisdn: z.string() };

export const changeNumberSummarySchema = summaryOf<ChangeNumberSummary>()(
  z
    .object({
      ...line,
      oldMsisdn: z.string().optional(),
      newMsisdn: z.string().optional(),
      selectionFeeFen: z.number().optional(),
      feeFen: z.number().optional(),
      receiptNo: z.string().optional(),
    })
    .meta({
      title: 'ChangeNumberSummary',
      description: '改号 (CHG-1): the old and the new number, fees and receipt',
    }),
);

export const swapSimSummarySchema = summaryOf<SwapSimSummary>()(
  z
    .object({
      ...line,
      reason: z.enum(['damaged', 'lost', 'upgrade']).optional(),
      oldIccid: z.string().optional(),
      newIccid: z.string().optional(),
      feeFen: z.number().optional(),
      receiptNo: z.string().optional(),
    })
    .meta({
      title: 'SwapSimSummary',
      description: '换卡/补卡 (CHG-1): why, the old and the new SIM, fee and receipt',
    }),
);

export const changeCustomerDataSummarySchema = summaryOf<ChangeCustomerDataSummary>()(
  z
    .object({
      ...line,
      changed: z
        .array(z.string())
        .optional()
        .describe('Which of name, address, contactPhone, servicePassword changed (never the values)'),
    })
    .meta({
      title: 'ChangeCustomerDataSummary',
      description: '客户资料修改 (CHG-1): which fields changed',
    }),
);

export const transferOwnershipSummarySchema = summaryOf<TransferOwnershipSummary>()(
  z
    .object({
      ...line,
      previousCustomerId: z.string().optional(),
      previousOwnerName: z.string().optional(),
      customerId: z.string().optional(),
      ownerName: z.string().optional(),
    })
    .meta({
      title: 'TransferOwnershipSummary',
      description: '过户 (CHG-1): the previous and the new owner',
    }),
);

export const lineStatusSummarySchema = summaryOf<LineStatusSummary>()(
  z
    .object({
      ...line,
      statusBefore: z.enum(subscriberStatuses).optional(),
      statusAfter: z.enum(subscriberStatuses).optional(),
      reason: z.string().optional().describe('Of a suspension or loss report'),
    })
    .meta({
      title: 'LineStatusSummary',
      description: '停机 / 挂失 / 复机 (CHG-1, CHG-2): the line status before and after, and why',
    }),
);

export const changeFeaturesSummarySchema = summaryOf<ChangeFeaturesSummary>()(
  z
    .object({
      ...line,
      featuresBefore: z.array(z.string()).optional(),
      features: z.array(z.string()).optional(),
    })
    .meta({
      title: 'ChangeFeaturesSummary',
      description: 'Feature change (CHG-1): the features before and after',
    }),
);

export const changeDiscountSummarySchema = summaryOf<ChangeDiscountSummary>()(
  z
    .object({
      ...line,
      discountCodeBefore: z.string().nullable().optional(),
      discountCode: z.string().nullable().optional().describe('null: no discount'),
    })
    .meta({
      title: 'ChangeDiscountSummary',
      description: '优惠变更 (CHG-1): the discount before and after',
    }),
);

export const payInSummarySchema = summaryOf<PayInSummary>()(
  z
    .object({
      ...line,
      amountFen: z.number().optional(),
      balanceFenBefore: z.number().optional(),
      receiptNo: z.string().optional(),
      balanceFen: z.number().optional(),
    })
    .meta({
      title: 'PayInSummary',
      description: '充值 / 收通信费 (CHG-1): the amount paid in, receipt, balance before and after',
    }),
);

export const refundFeeSummarySchema = summaryOf<RefundFeeSummary>()(
  z
    .object({
      ...line,
      amountFen: z.number().optional(),
      reason: z.string().optional(),
      balanceFenBefore: z.number().optional(),
      balanceFen: z.number().optional(),
      receiptNo: z.string().optional(),
    })
    .meta({
      title: 'RefundFeeSummary',
      description: '退通信费 (CHG-1): the amount refunded and why, receipt, balance before and after',
    }),
);
