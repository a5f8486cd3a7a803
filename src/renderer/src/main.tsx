import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './App'
import { ErrorBoundary } from './components/ErrorBoundary'
import './styles/theme.css'
import './styles/layout.css'
import './styles/components.css'
import { QuickView } from './views/quickView/QuickView'
import { isQuickViewRoute } from './views/quickView/quickViewRoute'

const container = document.getElementById('root')

if (container) {
  createRoot(container).render(
    <StrictMode>
      <ErrorBoundary>
        {isQuickViewRoute(window.location.hash) ? <QuickView /> : <App />}
      </ErrorBoundary>
    </StrictMode>,
  )
}
