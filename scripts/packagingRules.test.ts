// The installers' configuration, read and validated by electron-builder itself, checked against
// the rules the app depends on: the scheme on all three OSs, what ships, and the Linux desktop
// entry electron-builder generates from this configuration.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'

import { APP_ID, APP_NAME, LINUX_EXECUTABLE_NAME } from '../src/main/app/appIdentity'
import { lintDesktopEntry } from '../src/main/app/linuxDesktopEntry'
import { windowsCommandLine } from '../src/main/app/protocolRegistration'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)

// electron-builder's internals: the same loader and desktop-entry code a real build runs.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, extra: null): Promise<Config>
  validateConfiguration(config: Config, logger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown
}
const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as {
  LinuxTargetHelper: new (packager: unknown) => {
    computeDesktopEntry(options: unknown, exec?: string): Promise<string>
  }
}

type Config = Record<string, unknown> & {
  appId: string
  productName: string
  files: Array<string | { filter?: string[] }>
  protocols: Array<{ name: string; schemes: string[] }>
  mac: Record<string, unknown>
  nsis: Record<string, unknown>
  linux: Record<string, unknown> & { executableName: string }
  appImage?: Record<string, unknown>
}

let config: Config
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
  string,
  unknown
>

beforeAll(async () => {
  config = await getConfig(root, null, null)
  await validateConfiguration(config, new DebugLogger(false))
})

function desktopEntry(options: Record<string, unknown>, exec?: string): Promise<string> {
  const packager = {
    appInfo: {
      productName: config.productName,
      sanitizedProductName: config.productName,
      description: 'mpath',
    },
    executableName: config.linux.executableName,
    info: { metadata: packageJson },
    fileAssociations: [],
    config,
    platformSpecificBuildOptions: config.linux,
  }

  return new LinuxTargetHelper(packager).computeDesktopEntry(options, exec)
}

describe('electron-builder configuration', () => {
  it('carries the app identity and the one scheme', () => {
    expect(config.appId).toBe(APP_ID)
    expect(config.productName).toBe(APP_NAME)
    expect(config.protocols).toEqual([{ name: 'mpath', schemes: ['mpath'] }])
    expect(config.linux.executableName).toBe(LINUX_EXECUTABLE_NAME)
  })

  it('ships only the built app, never the sandbox, harness, scripts or tests', () => {
    const patterns = config.files.flatMap((entry) =>
      typeof entry === 'string' ? [entry] : (entry.filter ?? []),
    )
    expect(patterns.filter((pattern) => !pattern.startsWith('!'))).toEqual([
      'out/**',
      'package.json',
    ])
    expect(patterns).toContain('!node_modules/**')
    expect(JSON.stringify(patterns)).not.toMatch(/sandbox|harness|scripts|test/)
  })

  it('builds dmg and zip for macOS with the hardened runtime', () => {
    expect(config.mac).toMatchObject({ target: ['dmg', 'zip'], hardenedRuntime: true })
    expect(readFileSync(join(root, 'build', 'entitlements.mac.plist'), 'utf8')).toContain(
      'com.apple.security.cs.allow-jit',
    )
  })

  it('installs per user on Windows and registers the scheme with the launcher guard', () => {
    expect(config.nsis).toMatchObject({
      oneClick: true,
      perMachine: false,
      include: 'build/installer.nsh',
    })
    const include = readFileSync(join(root, 'build', 'installer.nsh'), 'utf8')
    const command = windowsCommandLine('$INSTDIR\\${APP_EXECUTABLE_FILENAME}', [
      '--protocol-launcher',
      '--',
    ])
    expect(command).toBe('"$INSTDIR\\${APP_EXECUTABLE_FILENAME}" "--protocol-launcher" "--" "%1"')
    expect(include).toContain(`"Software\\Classes\\mpath\\shell\\open\\command" "" '${command}'`)
    expect(include).toContain('"URL Protocol" ""')
    expect(include).toMatch(
      /customUnInstall[\s\S]*DeleteRegKey SHELL_CONTEXT "Software\\Classes\\mpath"/,
    )
  })

  it('AppImage and deb desktop entries declare the scheme and pass the link (S3, S4)', async () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    const deb = await desktopEntry(config.linux)
    const appImage = await desktopEntry(
      { ...config.linux, ...config.appImage },
      'AppRun --no-sandbox %U',
    )

    for (const entry of [deb, appImage]) {
      expect(lintDesktopEntry(entry)).toEqual([])
      expect(entry).toContain('MimeType=x-scheme-handler/mpath;')
    }

    expect(deb).toMatch(/^Exec="\/opt\/mpath Desktop\/mpath-desktop" %U$/m)
  })

  it('names the desktop entry the app registers on Linux', () => {
    expect(packageJson.desktopName).toBe(`${LINUX_EXECUTABLE_NAME}.desktop`)
  })

  it('adds no install-time script that downloads Electron', () => {
    const scripts = (packageJson.scripts ?? {}) as Record<string, string>
    expect(scripts.postinstall ?? '').not.toMatch(/install-app-deps/)
  })
})
