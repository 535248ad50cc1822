import type { EditorForm } from '../editorModel';
import type { PlacedProblems } from '../fieldProblems';

/** What every wizard step gets. */
export interface StepProps {
  form: EditorForm;
  onChange: (patch: Partial<EditorForm>) => void;
  errors: PlacedProblems['byField'];
  readOnly: boolean;
  editing: boolean;
}
