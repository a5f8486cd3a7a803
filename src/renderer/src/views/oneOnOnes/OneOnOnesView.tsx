/** The One-on-ones view; a placeholder until the data views land. */
export function OneOnOnesView(): React.JSX.Element {
  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title" className="view-title" tabIndex={-1}>
        One-on-ones
      </h1>
    </section>
  )
}
