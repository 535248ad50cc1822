const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Returns why a Loki label name is unusable, or undefined when it is fine. */
export function validateLabelName(name: string): string | undefined {
  if (!name) {
    return 'Service label: required';
  }
  if (!LABEL_NAME.test(name)) {
    return `Service label: "${name}" is not a valid label name (letters, digits and _; not starting with a digit)`;
  }
  return undefined;
}
