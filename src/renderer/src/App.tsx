export function App(): React.JSX.Element {
  return <main aria-label="mpath Desktop">mpath Desktop</main>
}
