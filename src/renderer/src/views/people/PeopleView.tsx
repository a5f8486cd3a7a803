/** The People view; a placeholder until the data views land. */
export function PeopleView(): React.JSX.Element {
  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title" className="view-title" tabIndex={-1}>
        People
      </h1>
    </section>
  )
}
