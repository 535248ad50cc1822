import React from 'react';
import type { Postmortem, PostmortemPolicy } from '../../domain/postmortem';
import { ActionItemsSection } from './actionItems/ActionItemsSection';

interface Props {
  pm: Postmortem;
  policy: PostmortemPolicy;
  readOnly: boolean;
  onChange: (pm: Postmortem) => void;
}

/** Where the postmortem page shows its action items: helper "pm-items"' section (table, form, conflicts). */
export function ActionItemsSlot({ pm, policy, readOnly, onChange }: Props) {
  return <ActionItemsSection postmortem={pm} policy={policy} readOnly={readOnly} onChange={onChange} />;
}
