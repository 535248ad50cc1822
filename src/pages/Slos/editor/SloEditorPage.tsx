import React, { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import {
  Alert,
  Button,
  ConfirmModal,
  LinkButton,
  LoadingPlaceholder,
  Stack,
  Tab,
  TabContent,
  TabsBar,
  useStyles2,
} from '@grafana/ui';
import { canEditSettings } from '../../../api/permissions';
import { testIds } from '../../../components/testIds';
import { appHref } from '../../../components/links';
import { ROUTES } from '../../../constants';
import type { Slo } from '../../../domain/slo/model';
import { formFromSlo } from './editorModel';
import { placeProblems } from './fieldProblems';
import { PreviewPanel } from './PreviewPanel';
import { useSloEditor } from './useSloEditor';
import { STEP_TITLES, Wizard } from './Wizard';
import { YamlTab } from './YamlTab';
import { AlertingStep } from './steps/AlertingStep';
import { DetailsStep } from './steps/DetailsStep';
import { ObjectiveStep } from './steps/ObjectiveStep';
import { QueriesStep } from './steps/QueriesStep';
import { ReviewStep } from './steps/ReviewStep';
import { SliStep } from './steps/SliStep';

const STEPS = [SliStep, QueriesStep, ObjectiveStep, AlertingStep, DetailsStep];
const PREVIEW_STEPS = [1, 2, 5];

/** Create or edit one SLO (routes `slos/new` and `slos/:id/edit`): a wizard, a YAML tab and a live preview. */
export default function SloEditorPage({ previewDebounceMs }: { previewDebounceMs?: number }) {
  const styles = useStyles2(getStyles);
  const { id } = useParams();
  const editor = useSloEditor(id);
  const [search, setSearch] = useSearchParams();
  const [step, setStep] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const readOnly = !canEditSettings();
  const placed = useMemo(() => placeProblems(editor.problems, editor.form.tiers), [editor.problems, editor.form.tiers]);
  const tab = search.get('tab') === 'yaml' ? 'yaml' : 'form';
  const listUrl = appHref(ROUTES.Slos);
  const title = editor.editing ? editor.form.name || id || 'Edit SLO' : 'New SLO';

  const setTab = (t: 'form' | 'yaml') =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        t === 'yaml' ? next.set('tab', 'yaml') : next.delete('tab');
        return next;
      },
      { replace: true }
    );

  const onImport = (slo: Slo) =>
    // Editing keeps the stored id and revision: an import changes what the SLO says, not which SLO it is.
    editor.replace(
      formFromSlo(editor.editing ? { ...slo, id: editor.form.id, revision: editor.form.rest.revision } : slo)
    );

  let content: React.ReactNode;
  if (editor.load.status === 'loading') {
    content = <LoadingPlaceholder text="Loading SLO…" />;
  } else if (editor.load.status === 'error') {
    content = <Alert title="Could not load the SLO">{editor.load.message}</Alert>;
  } else if (editor.load.status === 'notFound') {
    content = (
      <Alert severity="warning" title={`There is no SLO with id "${id}"`} data-testid={testIds.sloEditor.notFound}>
        <p>It may have been deleted or renamed.</p>
        <LinkButton href={listUrl} variant="secondary">
          Back to SLOs
        </LinkButton>
      </Alert>
    );
  } else {
    const Step = STEPS[step];
    const stepProps = {
      form: editor.form,
      onChange: editor.change,
      errors: placed.byField,
      readOnly,
      editing: editor.editing,
    };
    content = (
      <Stack direction="column" gap={2}>
        {readOnly && (
          <Alert severity="info" title="Read-only" data-testid={testIds.sloEditor.readOnly}>
            Only organization admins can create, change or delete SLOs. Ask an admin, or change the SLO as code (see the
            README).
          </Alert>
        )}
        {editor.actionError && (
          <Alert
            severity="error"
            title={
              editor.actionError.conflict
                ? 'Someone else changed this SLO'
                : editor.actionError.lost
                  ? 'Another save replaced yours'
                  : 'Not saved'
            }
            data-testid={testIds.sloEditor.conflict}
          >
            <p>{editor.actionError.message}</p>
            {editor.actionError.lost && (
              <Button variant="primary" onClick={editor.save} disabled={editor.busy}>
                Save my change again
              </Button>
            )}
            {editor.actionError.conflict && editor.editing && (
              <Button variant="secondary" onClick={editor.reload}>
                Reload (discards your changes)
              </Button>
            )}
          </Alert>
        )}
        <TabsBar>
          <Tab label="Form" active={tab === 'form'} onChangeTab={() => setTab('form')} />
          <Tab label="YAML" active={tab === 'yaml'} onChangeTab={() => setTab('yaml')} />
        </TabsBar>
        <TabContent>
          {tab === 'yaml' ? (
            <YamlTab slo={editor.slo} readOnly={readOnly} onImport={onImport} />
          ) : (
            <Wizard step={step} onStep={setStep} perStep={placed.perStep}>
              {Step ? (
                <Step {...stepProps} />
              ) : (
                <ReviewStep slo={editor.slo} placed={placed} stepTitles={STEP_TITLES} onGoTo={setStep} />
              )}
              {PREVIEW_STEPS.includes(step) && (
                <PreviewPanel
                  slo={editor.slo}
                  valid={editor.problems.length === 0}
                  datasourceUid={editor.slo.datasource?.uid ?? editor.defaultUid}
                  debounceMs={previewDebounceMs}
                />
              )}
            </Wizard>
          )}
        </TabContent>
        <div className={styles.actions}>
          <Stack gap={1} alignItems="center">
            {!readOnly && (
              <Button
                onClick={editor.save}
                disabled={editor.problems.length > 0 || editor.busy}
                data-testid={testIds.sloEditor.save}
              >
                {editor.busy ? 'Saving…' : editor.editing ? 'Save SLO' : 'Create SLO'}
              </Button>
            )}
            {!readOnly && editor.problems.length > 0 && (
              <span className={styles.hint}>
                {editor.problems.length === 1 ? '1 problem to fix' : `${editor.problems.length} problems to fix`}
              </span>
            )}
            <LinkButton
              variant="secondary"
              fill="outline"
              href={editor.editing ? appHref(`${ROUTES.Slos}/${id}`) : listUrl}
            >
              Cancel
            </LinkButton>
            {!readOnly && editor.editing && (
              <Button
                variant="destructive"
                fill="outline"
                icon="trash-alt"
                onClick={() => setConfirmDelete(true)}
                data-testid={testIds.sloEditor.delete}
              >
                Delete
              </Button>
            )}
          </Stack>
        </div>
        <ConfirmModal
          isOpen={confirmDelete}
          title="Delete SLO"
          body={`Delete "${editor.form.name}" (${id})? Its rules and alerts stop being generated.`}
          confirmText="Delete"
          onConfirm={() => {
            setConfirmDelete(false);
            editor.remove();
          }}
          onDismiss={() => setConfirmDelete(false)}
        />
      </Stack>
    );
  }

  return (
    <PluginPage pageNav={{ text: title }}>
      <div data-testid={testIds.sloEditor.page}>{content}</div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  actions: css({ borderTop: `1px solid ${theme.colors.border.weak}`, paddingTop: theme.spacing(2) }),
  hint: css({ color: theme.colors.text.secondary }),
});
