// One private endpoint to one sub-resource (group) of a data resource, registered in its private DNS zone.

param name string

@description('Azure region.')
param location string

param tags object

param subnetId string

@description('Id of the resource the endpoint reaches.')
param targetId string

@description('Sub-resource of the target: blob, Sql, vault, namespace...')
param groupId string

param dnsZoneId string

resource endpoint 'Microsoft.Network/privateEndpoints@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: name
        properties: { privateLinkServiceId: targetId, groupIds: [groupId] }
      }
    ]
  }
}

resource dns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-05-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [{ name: groupId, properties: { privateDnsZoneId: dnsZoneId } }]
  }
}
