import { it } from 'vitest'
import { createServices } from '../services'
import { fakeServicePorts } from '../services/testing/fakePorts'
it('dbg', async () => {
  const ports = fakeServicePorts()
  const services = createServices(ports)
  services.senders.register('page')
  await services.start()
  const request = Object.assign(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "x": null}'), {})
  const e = await services.ipc.invoke({ channel: 'settings:update', request, senderId: 'page' })
  console.log(JSON.stringify(e))
  console.log(ports.entries.filter(e=>e.level==='error').map(e=>JSON.stringify(e).slice(0,1500)))
})
