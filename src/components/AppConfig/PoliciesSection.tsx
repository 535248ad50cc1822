import React, { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, ConfirmModal, FieldSet, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import { canEditSettings } from '../../api/permissions';
import { LostUpdateError, getPluginSettings } from '../../api/pluginSettings';
import { PolicyInUseError, deletePolicy, readPolicies, savePolicy } from '../../api/policies';
import { ConflictError, ValidationError } from '../../api/slos';
import type { BrokenItem } from '../../api/storedItems';
import { percent } from '../../domain/policy/evaluate';
import {
  ACTION_LABELS,
  POLICY_STATES,
  STATE_LABELS,
  WORKBOOK_POLICY,
  WORKBOOK_POLICY_ID,
  type ErrorBudgetPolicy,
} from '../../domain/policy/model';
import { invalidateAppData } from '../../pages/data/appData';
import { testIds } from '../testIds';
import { PolicyEditor } from './PolicyEditor';
import {
  formErrors,
  formFromPolicy,
  newPolicyForm,
  placeProblems,
  policyFromForm,
  updatePolicyForm,
  type FormErrors,
  type PolicyForm,
} from './policyForm';

interface Loaded {
  /** Stored, valid policies. */
  policies: ErrorBudgetPolicy[];
  broken: BrokenItem[];
  /** SLO ids per policy id they name (SLOs naming none are counted under the default). */
  usedBy: Map<string, string[]>;
}

type Editing = {
  form: PolicyForm;
  loadedRevision?: number;
  editing: boolean;
  showErrors: boolean;
  serverErrors?: FormErrors;
};
type Message = { kind: 'error' | 'success'; title: string; text?: string; conflict?: boolean };

async function load(): Promise<Loaded> {
  const { jsonData } = await getPluginSettings();
  const { items, broken } = readPolicies(jsonData);
  const usedBy = new Map<string, string[]>();
  for (const slo of Array.isArray(jsonData?.slos) ? jsonData.slos : []) {
    const id = typeof slo?.policy === 'string' ? slo.policy : WORKBOOK_POLICY_ID;
    usedBy.set(id, [...(usedBy.get(id) ?? []), String(slo?.id)]);
  }
  return { policies: items, broken, usedBy };
}

function summary(p: ErrorBudgetPolicy): string {
  return `At risk below ${percent(p.atRiskBelow)} · exhausted at or below ${percent(p.exhaustedAtOrBelow)} · fast burn ≥ ${p.fastBurn.rate}× over ${p.fastBurn.window} · incident share ${percent(p.incidentBudgetShare)}`;
}

const actionsText = (p: ErrorBudgetPolicy) =>
  POLICY_STATES.map((s) => `${STATE_LABELS[s]}: ${ACTION_LABELS[p.actions[s]]}`).join(' · ');

/**
 * The Admin page's error-budget policies: the default (the built-in Workbook policy, or its stored customisation)
 * and the stored ones, with create, edit and delete for users who may write the plugin settings.
 */
export function PoliciesSection() {
  const editable = canEditSettings();
  const [data, setData] = useState<Loaded>();
  const [loadError, setLoadError] = useState<string>();
  const [edit, setEdit] = useState<Editing>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();
  const [deleting, setDeleting] = useState<ErrorBudgetPolicy>();

  const reload = useCallback(() => {
    setLoadError(undefined);
    load()
      .then(setData)
      .catch((e: Error) => setLoadError(e.message));
  }, []);
  useEffect(reload, [reload]);

  if (loadError) {
    return (
      <FieldSet label="Error-budget policies" data-testid={testIds.appConfig.policies}>
        <Alert title="Could not load the error-budget policies">
          {loadError}
          <div>
            <Button size="sm" variant="secondary" onClick={reload}>
              Retry
            </Button>
          </div>
        </Alert>
      </FieldSet>
    );
  }
  if (!data) {
    return <LoadingPlaceholder text="Loading policies…" />;
  }

  const stored = data.policies;
  const storedDefault = stored.find((p) => p.id === WORKBOOK_POLICY_ID);
  const listed: Array<{ policy: ErrorBudgetPolicy; builtIn: boolean }> = [
    { policy: storedDefault ?? WORKBOOK_POLICY, builtIn: !storedDefault },
    ...stored.filter((p) => p.id !== WORKBOOK_POLICY_ID).map((policy) => ({ policy, builtIn: false })),
  ];

  const errors: FormErrors = edit ? { ...(edit.showErrors ? formErrors(edit.form) : {}), ...edit.serverErrors } : {};

  const save = async () => {
    if (!edit) {
      return;
    }
    if (Object.keys(formErrors(edit.form)).length > 0) {
      setEdit({ ...edit, showErrors: true });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const saved = await savePolicy(policyFromForm(edit.form), edit.loadedRevision);
      setEdit(undefined);
      setMessage({ kind: 'success', title: `Policy "${saved.name}" saved` });
      reload();
    } catch (e) {
      if (e instanceof ValidationError) {
        setEdit({ ...edit, showErrors: true, serverErrors: placeProblems(e.problems) });
      } else {
        setMessage({
          kind: 'error',
          title: e instanceof LostUpdateError ? 'Your change is not stored' : 'The policy was not saved',
          text: (e as Error).message,
          conflict: e instanceof ConflictError,
        });
      }
    } finally {
      setBusy(false);
      void invalidateAppData();
    }
  };

  const remove = async (policy: ErrorBudgetPolicy) => {
    setDeleting(undefined);
    setMessage(undefined);
    try {
      await deletePolicy(policy.id, policy.revision);
      setMessage({
        kind: 'success',
        title:
          policy.id === WORKBOOK_POLICY_ID
            ? 'The default is the built-in Workbook policy again'
            : `Policy "${policy.name}" deleted`,
      });
      reload();
    } catch (e) {
      setMessage({
        kind: 'error',
        title: e instanceof PolicyInUseError ? 'The policy is still in use' : 'The policy was not deleted',
        text: (e as Error).message,
        conflict: e instanceof ConflictError,
      });
    } finally {
      void invalidateAppData();
    }
  };

  return (
    <FieldSet label="Error-budget policies" data-testid={testIds.appConfig.policies}>
      <Stack direction="column" gap={2}>
        <Text color="secondary">
          What releases may do in each error-budget state. SLOs name a policy in their editor; those that name none
          follow the default.
        </Text>
        {!editable && (
          <Alert severity="info" title="Policies are read-only for you">
            Changing policies needs the plugins:write permission on this app, which organization admins have.
          </Alert>
        )}
        {data.broken.length > 0 && (
          <Alert severity="warning" title="Stored policies that are invalid and not used">
            {data.broken.map((b) => (
              <div
                key={b.index}
              >{`${b.name ?? b.id ?? `policies[${b.index}]`}: ${b.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`}</div>
            ))}
          </Alert>
        )}
        {message && (
          <Alert severity={message.kind} title={message.title} data-testid={testIds.appConfig.policyError}>
            {message.text}
            {message.conflict && (
              <div>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => {
                    setEdit(undefined);
                    setMessage(undefined);
                    reload();
                  }}
                >
                  Discard my edit and reload
                </Button>
              </div>
            )}
          </Alert>
        )}
        {edit ? (
          <>
            {errors.form && <Alert title="The policy is invalid">{errors.form}</Alert>}
            <PolicyEditor
              form={edit.form}
              errors={errors}
              editing={edit.editing}
              busy={busy}
              onChange={(patch) =>
                setEdit({ ...edit, form: updatePolicyForm(edit.form, patch), serverErrors: undefined })
              }
              onSave={save}
              onCancel={() => {
                setEdit(undefined);
                setMessage(undefined);
              }}
            />
          </>
        ) : (
          <>
            {listed.map(({ policy, builtIn }) => {
              const users = data.usedBy.get(policy.id) ?? [];
              const isDefault = policy.id === WORKBOOK_POLICY_ID;
              return (
                <Card key={policy.id} data-testid={testIds.appConfig.policyCard}>
                  <Card.Heading>{policy.name}</Card.Heading>
                  <Card.Tags>
                    <Stack gap={1}>
                      {isDefault && <Badge text="Default" color="blue" />}
                      {builtIn && <Badge text="Built-in" color="darkgrey" />}
                    </Stack>
                  </Card.Tags>
                  <Card.Meta>{[`id: ${policy.id}`, `${users.length} SLO${users.length === 1 ? '' : 's'}`]}</Card.Meta>
                  <Card.Description>
                    <Stack direction="column" gap={0.5}>
                      {policy.description && <span>{policy.description}</span>}
                      <span>{summary(policy)}</span>
                      <span>{actionsText(policy)}</span>
                      {policy.exemptions?.length ? <span>{`Exemptions: ${policy.exemptions.join(', ')}`}</span> : null}
                      <span>
                        {policy.approvers?.length ? `Approvers: ${policy.approvers.join(', ')}` : 'Approvers: anyone'}
                      </span>
                    </Stack>
                  </Card.Description>
                  {editable && (
                    <Card.Actions>
                      <Button
                        variant="secondary"
                        aria-label={builtIn ? 'Customise the default policy' : `Edit ${policy.name}`}
                        onClick={() => {
                          setMessage(undefined);
                          setEdit({
                            form: formFromPolicy(policy),
                            loadedRevision: builtIn ? undefined : (policy.revision ?? 0),
                            editing: true,
                            showErrors: false,
                          });
                        }}
                      >
                        {builtIn ? 'Customise' : 'Edit'}
                      </Button>
                      {!builtIn && (
                        <Button
                          variant="destructive"
                          fill="outline"
                          aria-label={
                            isDefault ? 'Reset the default to the built-in Workbook policy' : `Delete ${policy.name}`
                          }
                          onClick={() => setDeleting(policy)}
                        >
                          {isDefault ? 'Reset to built-in' : 'Delete'}
                        </Button>
                      )}
                    </Card.Actions>
                  )}
                </Card>
              );
            })}
            {stored.filter((p) => p.id !== WORKBOOK_POLICY_ID).length === 0 && (
              <Text color="secondary">No policies of your own yet: every SLO follows the default.</Text>
            )}
            {editable && (
              <div>
                <Button
                  icon="plus"
                  onClick={() => {
                    setMessage(undefined);
                    setEdit({
                      form: newPolicyForm(storedDefault ?? WORKBOOK_POLICY),
                      editing: false,
                      showErrors: false,
                    });
                  }}
                >
                  New policy
                </Button>
              </div>
            )}
          </>
        )}
      </Stack>
      <ConfirmModal
        isOpen={Boolean(deleting)}
        title={deleting?.id === WORKBOOK_POLICY_ID ? 'Reset the default policy' : 'Delete policy'}
        body={
          deleting
            ? `${deleting.id === WORKBOOK_POLICY_ID ? 'Drop the customised default' : `Delete "${deleting.name}"`}? SLOs that use it must be moved first.`
            : ''
        }
        confirmText={deleting?.id === WORKBOOK_POLICY_ID ? 'Reset' : 'Delete'}
        onConfirm={() => deleting && remove(deleting)}
        onDismiss={() => setDeleting(undefined)}
      />
    </FieldSet>
  );
}
