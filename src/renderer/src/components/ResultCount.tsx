/** Props of {@link ResultCount}. */
export interface ResultCountProps {
  /** How many items match, or null while the first answer is awaited. */
  total: number | null
  /** The item's name for one and for any other number, e.g. "person" and "people". */
  singular: string
  plural: string
}

/** "1,204 people": how many items a list's query matched, announced as it changes. */
export function ResultCount({ total, singular, plural }: ResultCountProps): React.JSX.Element {
  return (
    <p className="result-count" role="status">
      {total === null ? '' : `${total.toLocaleString()} ${total === 1 ? singular : plural}`}
    </p>
  )
}
