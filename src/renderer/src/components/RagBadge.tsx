const RAG_LABELS: Record<string, string> = { green: 'On track', amber: 'At risk', red: 'Off track' }

/** An initiative's RAG rating as a coloured badge that also says it in words. */
export function RagBadge({ rag }: { rag: string }): React.JSX.Element {
  const known = rag in RAG_LABELS

  return (
    <span className={`badge badge-rag-${known ? rag : 'unknown'}`}>{RAG_LABELS[rag] ?? rag}</span>
  )
}
