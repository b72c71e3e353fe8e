import { Alert, Card, Col, Divider, Row } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useSession } from '../../../app/session';
import { useLanguage } from '../../../i18n/language';
import { fill } from '../../../i18n/fill';
import {
  AppointmentHistory,
  BookAppointmentForm,
  ChangeAppointmentForm,
} from '../../service-staff/AppointmentSteps';
import { staffMessages as m } from '../../service-staff/messages';
import { CompleteForm, GrabStep, StartStep } from '../../service-staff/ServiceSteps';
import { finalWorkOrderStatuses, type WorkOrderView } from '../work-order-queries';

/** Accepted, at an outlet or not, and nobody holds it: in the grab pool (WO-4). */
const grabbable = (wo: WorkOrderView) =>
  (wo.status === 'accepted' || wo.status === 'outletAssigned') && wo.assigneeId === null;

/**
 * The service staff's steps on one work order (WO-4, WO-5): grab it from the pool, book and change the
 * appointment with the customer (with its history), start and complete the work. Shown only to service staff;
 * only the steps the status allows, and only to the assignee — others are told who holds it.
 */
export function StaffActions({ workOrder: wo }: { workOrder: WorkOrderView }) {
  const { t } = useLanguage();
  const session = useSession();
  const location = useLocation();
  const me = session?.operator.id;
  const mine = wo.assigneeId !== null && wo.assigneeId === me;
  const cameFromGrab = (location.state as { grabbed?: boolean } | null)?.grabbed === true;
  const hadAppointment = wo.timeline.some(
    (e) => e.action === 'bookAppointment' || e.action === 'changeAppointment',
  );

  // REQ: WO-4 — a work order already at an outlet is grabbed by that outlet's staff only.
  const otherOutlet = wo.outletCode !== null && !!session?.outletCode && wo.outletCode !== session.outletCode;

  let steps: ReactNode;
  if (grabbable(wo) && otherOutlet) {
    steps = (
      <Alert
        type="info"
        showIcon
        data-testid="staff-nothing-to-do"
        title={fill(t(m.otherOutlet), { outlet: wo.outletCode ?? '' })}
      />
    );
  } else if (grabbable(wo)) steps = <GrabStep workOrder={wo} />;
  else if (!mine) {
    steps = finalWorkOrderStatuses.includes(wo.status) ? null : (
      <Alert
        type="info"
        showIcon
        data-testid="staff-nothing-to-do"
        title={wo.assigneeId ? fill(t(m.heldBy), { who: wo.assigneeId }) : t(m.waitingForDesk)}
      />
    );
  } else if (wo.status === 'dispatched') {
    steps = (
      <Row gutter={[32, 16]}>
        <Col xs={24} lg={12}>
          {wo.appointment ? <ChangeAppointmentForm workOrder={wo} /> : <BookAppointmentForm workOrder={wo} />}
        </Col>
        <Col xs={24} lg={12}>
          <StartStep workOrder={wo} />
        </Col>
      </Row>
    );
  } else if (wo.status === 'inService') steps = <CompleteForm workOrder={wo} />;
  else if (wo.status === 'completed') steps = <Alert type="success" showIcon title={t(m.doneByYou)} />;

  const showHistory = hadAppointment || (mine && wo.status === 'dispatched');
  if (!steps && !showHistory) return null;
  return (
    <Card title={t(m.myStepsTitle)} data-testid="staff-actions">
      {mine && cameFromGrab && wo.status === 'dispatched' ? (
        <Alert
          type="success"
          showIcon
          data-testid="grab-won"
          style={{ marginBottom: 16 }}
          title={fill(t(m.grabbed), { id: wo.id })}
        />
      ) : null}
      {steps}
      {showHistory ? (
        <>
          {steps ? <Divider /> : null}
          <AppointmentHistory workOrder={wo} />
        </>
      ) : null}
    </Card>
  );
}
