import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

/**
 * The plain data table of the app's pages: full width, collapsed borders, a weak rule under each row, muted
 * headers, and right-aligned tabular figures in cells with the `num` class. Pages differ only in cell padding
 * (dense or roomy) and vertical alignment (top for cells that wrap, middle for single lines with badges).
 */
export function dataTableStyle(
  theme: GrafanaTheme2,
  { padding = theme.spacing(1), verticalAlign = 'top' }: { padding?: string; verticalAlign?: 'top' | 'middle' } = {}
): string {
  return css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding,
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      verticalAlign,
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
    '.num': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  });
}
