import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron'

import { runCommand } from './app/commandRunner'
import { nodeTextFiles } from './app/linuxSchemeRegistration'
import { startApp } from './app/startup'
import { bindElectronIpc } from './ipc/electronIpc'
import { createElectronLogSink } from './log/electronLogSink'
import { openElectronKeyValueStore } from './platform/electronKeyValueStore'
import { createServices } from './services'

// The composition root: binds Electron to the start-up sequence and nothing else.
startApp({
  electron: {
    app,
    createWindow: (options) => new BrowserWindow(options),
    setApplicationMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
    dialog,
    ipcMain,
    net,
    safeStorage,
    screen,
    defaultSession: () => session.defaultSession,
    shell,
  },
  process,
  paths: {
    preload: join(__dirname, '../preload/index.js'),
    rendererFile: join(__dirname, '../renderer/index.html'),
    home: homedir(),
  },
  createLogSink: (isDevelopment) => createElectronLogSink({ isDevelopment }),
  openStore: openElectronKeyValueStore,
  createServices,
  bindIpc: bindElectronIpc,
  // Loaded only when updates are on, so development and tests never load electron-updater.
  loadUpdater: async () => (await import('electron-updater')).autoUpdater,
  run: runCommand,
  files: nodeTextFiles,
  fileExists: existsSync,
}).catch((error: unknown) => {
  // Start-up failed before the logger could report it (or the logger is the failure).
  dialog.showErrorBox(
    'mpath Desktop could not start',
    error instanceof Error ? error.message : String(error),
  )
  app.exit(1)
})
