import { Card, Col, Row, Space } from 'antd';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { usePaging } from '../../../components/usePaging';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { movementMessages as m } from './messages';
import { MovementForm } from './MovementForm';
import { MovementHistory } from './MovementHistory';
import { unitIndex, useOrgTree } from './movement-queries';
import { OrgTree } from './OrgTree';
import { UnitStock } from './UnitStock';
import { unitName } from './unit-name';

/**
 * REQ: RES-2 — issue and recycle (号卡发放与回收) along the organisation tree: the tree with each unit's stock,
 * the chosen unit's stock, the form that moves numbers or SIM cards one level down or up with the receiver, and
 * the unit's history. The chosen unit is kept in the URL (`?unit=BJ-XC`; none = central stock).
 */
export default function MovementsPage() {
  const { t } = useLanguage();
  const tree = useOrgTree();
  const { params, setFilter } = usePaging();
  const selected = params.get('unit') || null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <QueryState query={tree}>
        {(root) => {
          const index = unitIndex(root);
          const unit = index.get(selected ?? '') ?? root;
          const parent = unit.code === null ? undefined : index.get(unit.parentCode ?? '');
          return (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={8}>
                <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(m.tree)}</h2>}>
                  <OrgTree
                    root={root}
                    selected={unit.code}
                    onSelect={(code) => setFilter('unit', code ?? '')}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={16}>
                <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                  <UnitStock unit={unit} />
                  <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(m.formTitle)}</h2>}>
                    <MovementForm key={unit.code ?? ''} from={unit} parent={parent} />
                  </Card>
                  <Card
                    title={
                      <h2 style={{ fontSize: 16, margin: 0 }}>
                        {unit.code === null
                          ? t(m.historyAll)
                          : fill(t(m.historyOf), { unit: unitName(t, unit) })}
                      </h2>
                    }
                  >
                    <MovementHistory unitCode={unit.code} />
                  </Card>
                </Space>
              </Col>
            </Row>
          );
        }}
      </QueryState>
    </Space>
  );
}
