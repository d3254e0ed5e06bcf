// The regional exchange with every office of the seed directory, grouped by the country deployment
// that serves it. Each principalId is that deployment's output identityPrincipalId.
using 'hub.bicep'

param environmentName = 'aidef-hub'
param networkIsolation = true
param reviewPrincipalId = ''
param countries = [
  { name: 'br', principalId: '00000000-0000-0000-0000-0000000000b1', offices: ['br-dpu-brasilia'] }
  { name: 'cl', principalId: '00000000-0000-0000-0000-0000000000c1', offices: ['cl-dpp-santiago'] }
  { name: 'cr', principalId: '00000000-0000-0000-0000-0000000000c2', offices: ['cr-dp-san-jose'] }
  { name: 'do', principalId: '00000000-0000-0000-0000-0000000000d1', offices: ['do-ondp-santo-domingo'] }
  { name: 'gt', principalId: '00000000-0000-0000-0000-0000000000a1', offices: ['gt-idpp-guatemala', 'gt-idpp-quetzaltenango'] }
  { name: 'hn', principalId: '00000000-0000-0000-0000-0000000000a2', offices: ['hn-dndp-san-pedro-sula'] }
  { name: 'mx', principalId: '00000000-0000-0000-0000-0000000000a3', offices: ['mx-ifdp-ciudad-juarez', 'mx-ifdp-tapachula'] }
  { name: 'ni', principalId: '00000000-0000-0000-0000-0000000000a4', offices: ['ni-dp-managua'] }
]
