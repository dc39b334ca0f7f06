/** Label and value pairs (a definition list); empty values show a dash. */
export function InfoList({ items, testId }: { items: [string, string | number | null | undefined][]; testId?: string }) {
  return (
    <dl class="more-info" data-testid={testId}>
      {items.map(([label, value]) => (
        <div class="field-row">
          <dt>{label}</dt>
          <dd dir="auto">{value === null || value === undefined || value === "" ? "—" : value}</dd>
        </div>
      ))}
    </dl>
  );
}
