// The Cosmos DB (NoSQL) account of one country deployment: local (key) auth off, continuous backup,
// the database and every container the adapters define (cosmos-containers.json, one entry per
// container: partition key, the only indexed paths, composite indexes, TTL, unique keys), and the
// data-plane role for the Function App identity on that database only.

param name string

@description('Azure region.')
param location string

param tags object

@description('Database name (Storage:Cosmos:Database).')
param databaseName string

@description('Resource id of the Function App identity (known before deployment: names the role assignments).')
param identityId string

@description('Principal id of the Function App identity.')
param principalId string

@description('0: serverless. Otherwise the database\'s autoscale maximum in RU/s (at least 1000).')
param autoscaleMaxThroughput int

@description('When true, the account is reached only through a private endpoint.')
param networkIsolation bool

param workspaceId string

var serverless = autoscaleMaxThroughput == 0
var containers = loadJsonContent('cosmos-containers.json')
// Cosmos DB Built-in Data Contributor (a data-plane role, not an Azure RBAC role).
var dataContributor = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: { tier: 'Continuous30Days' }
    }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'
    isVirtualNetworkFilterEnabled: false
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-04-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
    options: serverless ? {} : { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } }
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: union(
        {
          id: container.name
          partitionKey: { paths: [container.partitionKeyPath], kind: 'Hash', version: 2 }
          indexingPolicy: {
            automatic: true
            indexingMode: 'consistent'
            includedPaths: map(container.indexedPaths, path => { path: path })
            excludedPaths: [{ path: '/*' }]
            compositeIndexes: container.compositeIndexes
          }
          uniqueKeyPolicy: { uniqueKeys: map(container.uniqueKeys, key => { paths: key }) }
        },
        container.defaultTtl == null ? {} : { defaultTtl: container.defaultTtl }
      )
    }
  }
]

resource dataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = {
  parent: account
  name: guid(database.id, identityId, dataContributor)
  properties: {
    principalId: principalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributor}'
    scope: '${account.id}/dbs/${databaseName}'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: workspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'Requests', enabled: true }]
  }
}

output id string = account.id
output name string = account.name
output endpoint string = account.properties.documentEndpoint
