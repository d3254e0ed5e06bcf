// The user-assigned managed identity the Function App runs as: every data resource grants its roles
// to this identity, so no key, password or connection string exists anywhere.

@description('Name of the identity.')
param name string

@description('Azure region.')
param location string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
