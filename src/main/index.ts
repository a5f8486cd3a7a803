import { join } from 'node:path'

import { app, BrowserWindow } from 'electron'

// Bootstrap only: later steps bind the Electron ports and call createServices().
function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  })

  window.once('ready-to-show', () => window.show())
  void window.loadFile(join(__dirname, '../renderer/index.html'))

  return window
}

void app.whenReady().then(() => createMainWindow())
