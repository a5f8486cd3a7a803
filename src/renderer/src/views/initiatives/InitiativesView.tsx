/** The Initiatives view; a placeholder until the data views land. */
export function InitiativesView(): React.JSX.Element {
  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title" className="view-title" tabIndex={-1}>
        Initiatives
      </h1>
    </section>
  )
}
