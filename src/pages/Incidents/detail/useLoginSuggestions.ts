import { useCallback, useRef, useState } from 'react';
import type { ComboboxOption } from '@grafana/ui';
import { searchOrgUsers } from '../../../api/users';

/**
 * Async Combobox options from Grafana's org user lookup, shared by every role picker. Once Grafana refuses the
 * lookup (the user is no org, folder or team admin) it stops asking and `available` turns false; typing a login
 * still works. Other failures reject, so Combobox shows its own error row.
 */
export function useLoginSuggestions() {
  const [available, setAvailable] = useState(true);
  const refused = useRef(false);
  const loadOptions = useCallback(async (query: string): Promise<Array<ComboboxOption<string>>> => {
    if (refused.current) {
      return [];
    }
    const found = await searchOrgUsers(query.trim());
    if (!found.available) {
      refused.current = true;
      setAvailable(false);
    }
    return found.users.map((u) => ({ value: u.login, label: u.login }));
  }, []);
  return { loadOptions, available };
}
