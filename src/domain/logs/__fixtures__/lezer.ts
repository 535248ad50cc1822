/** Test-only: the syntax errors lezer-logql (Grafana's own LogQL grammar) finds in a query. */
import { parser } from '@grafana/lezer-logql';

/** Offsets of every error node in the parse tree of `query`; empty means it parsed cleanly. */
export function logqlErrors(query: string): number[] {
  const errors: number[] = [];
  parser.parse(query).iterate({
    enter: (node) => {
      if (node.type.isError) {
        errors.push(node.from);
      }
    },
  });
  return errors;
}
