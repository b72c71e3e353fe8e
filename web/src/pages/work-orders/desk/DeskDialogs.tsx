import type { Bilingual } from '../../../i18n/messages';
import type { WorkOrderStep } from '../work-order-queries';
import { AssignOutletModal } from './AssignOutletModal';
import { ConfirmStepModal } from './ConfirmStepModal';
import { useDeskSteps, type StepOutcome } from './desk-queries';
import type { DeskStep, DeskTarget } from './desk-steps';
import { DispatchModal } from './DispatchModal';
import { DispatchPreviewPanel } from './DispatchPreviewPanel';
import { deskMessages as m } from './messages';
import { ReasonModal } from './ReasonModal';
import { RedispatchModal } from './RedispatchModal';

/** A desk step the dispatcher has started on some work orders, waiting for its dialog. */
export interface PendingStep {
  step: DeskStep;
  targets: DeskTarget[];
}

/** A step taken on some work orders, with each one's outcome. */
export interface StepRun {
  step: DeskStep;
  label: Bilingual;
  outcomes: StepOutcome[];
}

/** The label of each desk step (its button, and the heading of its results). */
export const deskStepLabels: Record<DeskStep, Bilingual> = {
  accept: m.accept,
  reject: m.reject,
  assignOutlet: m.assignOutlet,
  dispatchByRule: m.dispatchByRule,
  dispatch: m.dispatch,
  redispatch: m.redispatch,
  close: m.close,
  cancel: m.cancel,
};

/**
 * The dialog of a pending desk step (WO-2…WO-4): collects what the step needs, takes it on every work order in
 * turn, then hands over each outcome and closes.
 */
export function DeskDialogs(props: {
  pending: PendingStep | null;
  onClose: () => void;
  onDone: (run: StepRun) => void;
}) {
  const steps = useDeskSteps();
  const { pending } = props;
  if (!pending) return null;
  const ids = pending.targets.map((w) => w.id);
  const [single] = pending.targets;
  const running = steps.isPending;
  const run = (body: WorkOrderStep, step: DeskStep = pending.step) =>
    steps.mutate(
      { ids, step: body },
      {
        onSuccess: (outcomes) => {
          props.onDone({ step, label: deskStepLabels[step], outcomes });
          props.onClose();
        },
      },
    );
  const cancel = props.onClose;

  switch (pending.step) {
    case 'accept':
      return (
        <ConfirmStepModal
          title={m.acceptTitle}
          text={m.acceptText}
          okText={m.accept}
          ids={ids}
          running={running}
          onSubmit={() => run({ action: 'accept' })}
          onCancel={cancel}
        />
      );
    case 'close':
      return (
        <ConfirmStepModal
          title={m.closeTitle}
          text={m.closeText}
          okText={m.close}
          ids={ids}
          running={running}
          onSubmit={() => run({ action: 'close' })}
          onCancel={cancel}
        />
      );
    case 'reject':
      return (
        <ReasonModal
          title={m.rejectTitle}
          okText={m.reject}
          ids={ids}
          running={running}
          onSubmit={(reason) => run({ action: 'reject', reason })}
          onCancel={cancel}
        />
      );
    case 'cancel':
      return (
        <ReasonModal
          title={m.cancelTitle}
          okText={m.cancel}
          ids={ids}
          running={running}
          onSubmit={(reason) => run({ action: 'cancel', reason })}
          onCancel={cancel}
        />
      );
    case 'assignOutlet':
      return (
        <AssignOutletModal
          targets={pending.targets}
          running={running}
          onSubmit={(outletCode, reason) => run({ action: 'assignOutlet', outletCode, reason })}
          onCancel={cancel}
        />
      );
    case 'dispatchByRule':
    case 'dispatch':
      if (single && ids.length === 1) {
        return (
          <DispatchModal
            target={single}
            running={running}
            onByRule={() => run({ action: 'dispatchByRule' }, 'dispatchByRule')}
            onToStaff={(assigneeId) => run({ action: 'dispatch', assigneeId }, 'dispatch')}
            onCancel={cancel}
          />
        );
      }
      return (
        <ConfirmStepModal
          title={m.byRuleTitle}
          text={m.byRuleText}
          okText={m.dispatchByRule}
          ids={ids}
          running={running}
          onSubmit={() => run({ action: 'dispatchByRule' })}
          onCancel={cancel}
        >
          {single && ids.length === 1 ? <DispatchPreviewPanel workOrderId={single.id} /> : null}
        </ConfirmStepModal>
      );
    case 'redispatch':
      return single ? (
        <RedispatchModal
          target={single}
          running={running}
          onSubmit={(assigneeId, reason) => run({ action: 'redispatch', assigneeId, reason })}
          onCancel={cancel}
        />
      ) : null;
  }
}
