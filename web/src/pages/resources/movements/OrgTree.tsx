import { Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { movementMessages as m } from './messages';
import type { Unit } from './movement-queries';
import { unitName } from './unit-name';

export const CENTRAL_KEY = 'central';

/**
 * The organisation tree (city → area → outlet → clerk) under central stock, each unit with the numbers and SIM
 * cards it holds now; choosing one selects it for the stock, the form and the history (REQ: RES-2).
 */
export function OrgTree(props: {
  root: Unit;
  selected: string | null;
  onSelect: (code: string | null) => void;
}) {
  const { t } = useLanguage();
  const node = (u: Unit): DataNode => ({
    key: u.code ?? CENTRAL_KEY,
    title: (
      <span>
        {unitName(t, u)}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {fill(t(m.held), { numbers: String(u.held.numbers), sims: String(u.held.sims) })}
        </Typography.Text>
      </span>
    ),
    children: u.children.map(node),
  });
  return (
    <Tree
      blockNode
      defaultExpandAll
      showLine
      treeData={[node(props.root)]}
      selectedKeys={[props.selected ?? CENTRAL_KEY]}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) props.onSelect(key === CENTRAL_KEY ? null : String(key));
      }}
    />
  );
}
