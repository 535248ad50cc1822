import { exportOpenSLO } from '../../../domain/formats/exportOpenSlo';
import type { Slo } from '../../../domain/slo/model';

/** The OpenSLO v1 YAML for one SLO, or undefined while it cannot be exported (an incomplete form). */
export function openSloText(slo: Slo): string | undefined {
  try {
    return exportOpenSLO([slo]);
  } catch {
    return undefined;
  }
}
