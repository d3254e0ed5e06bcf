// A production country deployment (Guatemala): network isolation on, Cosmos DB autoscale, longer log
// retention and soft delete. The ids of the tenant's app registration and of the hub's namespace come
// from the environment (docs/deploy.md).
using 'main.bicep'

param environmentName = 'gt-prod'
param offices = ['gt-idpp-guatemala', 'gt-idpp-quetzaltenango']
param serviceBusNamespaceId = readEnvironmentVariable('EXCHANGE_NAMESPACE_ID')
param entraClientId = readEnvironmentVariable('ENTRA_CLIENT_ID')
param entraAudience = readEnvironmentVariable('ENTRA_AUDIENCE')
param consoleClientId = readEnvironmentVariable('CONSOLE_CLIENT_ID')
param networkIsolation = true
param vnetAddressPrefix = '10.40.0.0/16'
param cosmosAutoscaleMaxThroughput = 4000
param maximumInstanceCount = 40
param logRetentionDays = 90
param softDeleteDays = 30
