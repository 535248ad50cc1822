import React, { useEffect, useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import {
  Alert,
  Button,
  ClipboardButton,
  EmptyState,
  LoadingPlaceholder,
  Stack,
  Text,
  TextLink,
  useStyles2,
} from '@grafana/ui';
import { getIncident } from '../../api/incidents';
import { canWriteAnnotations } from '../../api/permissions';
import { type PostmortemCommand, startPostmortem } from '../../api/postmortems';
import { appHref } from '../../components/links';
import { LoadError } from '../../components/LoadError';
import { NotAllowedButton } from '../../components/NotAllowedButton';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { type Postmortem, postmortemToMarkdown } from '../../domain/postmortem';
import { errorMessage } from '../data/queryClient';
import { saveText } from '../Slas/download';
import { ActionItemsSlot } from './ActionItemsSlot';
import { markdownFilename, responderNames, sectionFlags } from './model';
import { PostmortemFacts } from './PostmortemFacts';
import { NOT_ALLOWED_START } from './PostmortemList';
import { ReviewersPanel } from './ReviewersPanel';
import { SectionCard } from './SectionCard';
import { usePostmortem, usePostmortemConfig } from './usePostmortems';
import { WorkflowBar } from './WorkflowBar';

const PRINT_CLASS = 'sre-postmortem-print';

/** Printing shows the postmortem alone, as the SLA report does (see SlaReportPage): controls and editors hidden. */
const PRINT_CSS = `@media print {
  @page { margin: 15mm; }
  body *:not(:has(.${PRINT_CLASS})):not(.${PRINT_CLASS}):not(.${PRINT_CLASS} *) { display: none !important; }
  html, body, body *:has(.${PRINT_CLASS}) { overflow: visible !important; height: auto !important; min-height: 0 !important;
    max-height: none !important; position: static !important; margin: 0 !important; padding: 0 !important;
    background: #fff !important; box-shadow: none !important; border: 0 !important; }
  .${PRINT_CLASS}, .${PRINT_CLASS} * { color: #000 !important; background: transparent !important; }
  .${PRINT_CLASS} .no-print, .${PRINT_CLASS} button { display: none !important; }
  .${PRINT_CLASS} table { border-collapse: collapse; width: 100%; font-size: 10pt; }
  .${PRINT_CLASS} th, .${PRINT_CLASS} td { border: 1px solid #999 !important; padding: 3px 6px !important; }
  .${PRINT_CLASS} pre { white-space: pre-wrap; }
  .${PRINT_CLASS} section { break-inside: avoid; }
}`;

function ExportButtons({ pm }: { pm: Postmortem }) {
  const markdown = () => postmortemToMarkdown(pm);
  return (
    <Stack gap={1} wrap="wrap">
      <Button
        variant="secondary"
        icon="download-alt"
        onClick={() => saveText(markdownFilename(pm.incidentId), markdown(), 'text/markdown')}
      >
        Download Markdown
      </Button>
      <ClipboardButton variant="secondary" icon="copy" getText={markdown}>
        Copy Markdown
      </ClipboardButton>
      <Button variant="secondary" icon="file-landscape-alt" onClick={() => window.print()}>
        Print
      </Button>
    </Stack>
  );
}

/** Starts the incident's postmortem once when asked (?start=1) and there is none; says why when it cannot. */
function useStart(incidentId: string, wanted: boolean, loaded: { postmortem?: Postmortem } | undefined) {
  const [, setParams] = useSearchParams();
  const config = usePostmortemConfig();
  const { set } = usePostmortem(incidentId);
  const asked = useRef(false);
  const [state, setState] = useState<{ pending: boolean; error?: string }>({ pending: false });
  const canWrite = canWriteAnnotations();
  const ready = wanted && loaded !== undefined && !config.loading;
  useEffect(() => {
    if (!ready || asked.current) {
      return;
    }
    const dropParam = () =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.delete('start');
          return next;
        },
        { replace: true }
      );
    if (loaded?.postmortem || !canWrite) {
      dropParam();
      return;
    }
    asked.current = true;
    setState({ pending: true });
    (async () => {
      try {
        const { incident } = await getIncident(incidentId);
        if (!incident) {
          throw new Error(`Incident ${incidentId} was not found.`);
        }
        if (incident.status !== 'resolved') {
          throw new Error(`Incident ${incidentId} is ${incident.status}: a postmortem starts once it is resolved.`);
        }
        const postmortem = await startPostmortem(incident, config.sections);
        set({ postmortem, problems: [] });
        setState({ pending: false });
        dropParam();
      } catch (e) {
        setState({ pending: false, error: errorMessage(e) });
      }
    })();
  }, [ready, loaded, canWrite, incidentId, config.sections, set, setParams]);
  return state;
}

/** /postmortems/:incidentId — write, review, publish and export one incident's postmortem. */
export default function PostmortemPage() {
  const styles = useStyles2(getStyles);
  const { incidentId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { query, append, set } = usePostmortem(incidentId);
  const config = usePostmortemConfig();
  const canWrite = canWriteAnnotations();
  const start = useStart(incidentId, params.get('start') === '1', query.data);
  const pm = query.data?.postmortem;
  const names = useMemo(() => (pm ? responderNames(pm.prefill) : []), [pm]);
  const flags = useMemo(() => (pm ? sectionFlags(pm, names) : []), [pm, names]);
  const write = (command: PostmortemCommand) => append(pm!, command);

  const body = () => {
    if (query.isPending || start.pending) {
      return <LoadingPlaceholder text={start.pending ? 'Starting the postmortem…' : 'Loading postmortem…'} />;
    }
    if (query.isError) {
      return (
        <LoadError
          title="Could not load the postmortem"
          error={errorMessage(query.error)}
          onRetry={() => void query.refetch()}
        />
      );
    }
    if (!pm) {
      return (
        <Stack direction="column" gap={2}>
          {start.error !== undefined && (
            <Alert severity="error" title="Could not start the postmortem">
              {start.error}
            </Alert>
          )}
          <EmptyState variant="call-to-action" message={`Incident ${incidentId} has no postmortem yet`}>
            <Stack direction="column" alignItems="center" gap={2}>
              <span>
                It opens prefilled from the resolved incident: its facts, timeline and the error budget it cost.
              </span>
              {canWrite ? (
                start.error === undefined && (
                  <Button icon="file-alt" onClick={() => setParams({ start: '1' }, { replace: true })}>
                    Start postmortem
                  </Button>
                )
              ) : (
                <NotAllowedButton icon="file-alt" reason={NOT_ALLOWED_START}>
                  Start postmortem
                </NotAllowedButton>
              )}
              <TextLink href={appHref(`${ROUTES.Incidents}/${encodeURIComponent(incidentId)}`)} inline={false}>
                Open the incident
              </TextLink>
            </Stack>
          </EmptyState>
        </Stack>
      );
    }
    const published = pm.status === 'published';
    const hasItemsSection = pm.sections.some((s) => s.key === 'action_items');
    const items = (
      <ActionItemsSlot
        pm={pm}
        policy={config.policy}
        readOnly={!canWrite}
        onChange={(next) => set({ postmortem: next, problems: query.data.problems })}
      />
    );
    return (
      <Stack direction="column" gap={3}>
        {!canWrite && (
          <Alert severity="info" title="Read-only" data-testid={testIds.postmortem.readOnly}>
            You can read this postmortem, but changing it needs permission to write annotations (Editor role).
          </Alert>
        )}
        {query.data.problems.length > 0 && (
          <Alert severity="warning" title="Some events of this postmortem were skipped">
            <ul className={styles.list}>
              {query.data.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          </Alert>
        )}
        {config.problems.length > 0 && (
          <Alert severity="warning" title="Postmortem settings">
            {config.problems.join('\n')}
          </Alert>
        )}
        <div className="no-print">
          <Stack justifyContent="space-between" alignItems="flex-start" wrap="wrap">
            <WorkflowBar
              pm={pm}
              canWrite={canWrite}
              flags={flags}
              p0BudgetShare={config.policy.budgetShare}
              write={write}
            />
            <ExportButtons pm={pm} />
          </Stack>
        </div>
        <div className={`${PRINT_CLASS} ${styles.doc}`} data-testid={testIds.postmortem.print}>
          <Text element="h2" variant="h3">{`Postmortem: ${pm.prefill.title}`}</Text>
          <Text color="secondary">
            <TextLink href={appHref(`${ROUTES.Incidents}/${encodeURIComponent(pm.incidentId)}`)} inline>
              {pm.incidentId}
            </TextLink>
            {` · started by ${pm.startedBy}`}
          </Text>
          <PostmortemFacts prefill={pm.prefill} />
          {pm.sections.map((s) => (
            <SectionCard
              key={s.key}
              section={s}
              conflicts={pm.conflicts.filter((c) => c.section === s.key)}
              amendments={pm.amendments.filter((a) => a.section === s.key)}
              published={published}
              canWrite={canWrite}
              responderNames={names}
              write={write}
            >
              {s.key === 'action_items' && items}
            </SectionCard>
          ))}
          {!hasItemsSection && (
            <section className={styles.section}>
              <Text element="h3" variant="h4">
                Action items
              </Text>
              {items}
            </section>
          )}
          {pm.noActionReason && <Text color="secondary">{`No action items: ${pm.noActionReason}`}</Text>}
          <section className={styles.section}>
            <Text element="h3" variant="h4">
              Reviewers
            </Text>
            <ReviewersPanel pm={pm} canWrite={canWrite} write={write} />
          </section>
        </div>
      </Stack>
    );
  };

  return (
    <PluginPage pageNav={{ text: pm ? `Postmortem: ${pm.prefill.title}` : 'Postmortem' }}>
      <style>{PRINT_CSS}</style>
      <div data-testid={testIds.postmortem.page}>{body()}</div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  doc: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(3), maxWidth: 1100 }),
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
