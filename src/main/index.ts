import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron'

import { runCommand } from './app/commandRunner'
import { nodeTextFiles } from './app/linuxSchemeRegistration'
import { startApp } from './app/startup'
import { bindElectronIpc } from './ipc/electronIpc'
import { createElectronLogSink } from './log/electronLogSink'
import { openElectronKeyValueStore } from './platform/electronKeyValueStore'
import { createServices } from './services'
import { installTray } from './tray/installTray'

const preload = join(__dirname, '../preload/index.js')

// The composition root: binds Electron to the start-up sequence and nothing else.
startApp({
  electron: {
    app,
    createWindow: (options) => new BrowserWindow(options),
    setApplicationMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
    dialog,
    net,
    safeStorage,
    screen,
    defaultSession: () => session.defaultSession,
    shell,
  },
  process,
  paths: {
    preload,
    rendererFile: join(__dirname, '../renderer/index.html'),
    home: homedir(),
  },
  createLogSink: (isDevelopment) => createElectronLogSink({ isDevelopment }),
  openStore: openElectronKeyValueStore,
  createServices,
  bindIpc: (options) => bindElectronIpc({ ...options, ipcMain }),
  // Loaded only when updates are on, so development and tests never load electron-updater.
  loadUpdater: async () => (await import('electron-updater')).autoUpdater,
  run: runCommand,
  files: nodeTextFiles,
  fileExists: existsSync,
})
  .then((started) => {
    if (started === undefined) {
      return
    }

    installTray({
      electron: {
        app,
        createTray: (image) => new Tray(image),
        buildMenu: (template) => Menu.buildFromTemplate(template),
        createImage: (path) => nativeImage.createFromPath(path),
        globalShortcut,
        Notification,
        screen,
        createWindow: (options) => new BrowserWindow(options),
        shell,
      },
      services: started.services,
      mainWindow: started.windows,
      attachIpc: (window) => started.ipc.attach(window.webContents),
      platform: process.platform,
      preload,
      content: started.content,
      iconFolder: app.isPackaged
        ? join(process.resourcesPath, 'tray')
        : join(app.getAppPath(), 'resources/tray'),
    })
    // After sleep, tokens and data may be stale: the session and sync catch up at once.
    powerMonitor.on('resume', () => void started.services.resume())
  })
  .catch((error: unknown) => {
    // Start-up failed before the logger could report it (or the logger is the failure).
    dialog.showErrorBox(
      'mpath Desktop could not start',
      error instanceof Error ? error.message : String(error),
    )
    app.exit(1)
  })
