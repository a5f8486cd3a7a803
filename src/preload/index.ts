import { contextBridge } from 'electron'

contextBridge.exposeInMainWorld('mpath', {})
