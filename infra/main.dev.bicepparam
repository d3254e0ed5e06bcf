// A development country deployment (Guatemala): serverless Cosmos DB, public endpoints (each still
// requiring Entra ID), a small scale-out. The ids of the tenant's app registration and of the hub's
// namespace come from the environment (docs/deploy.md).
using 'main.bicep'

param environmentName = 'gt-dev'
param offices = ['gt-idpp-guatemala', 'gt-idpp-quetzaltenango']
param serviceBusNamespaceId = readEnvironmentVariable('EXCHANGE_NAMESPACE_ID')
param entraClientId = readEnvironmentVariable('ENTRA_CLIENT_ID')
param entraAudience = readEnvironmentVariable('ENTRA_AUDIENCE')
param consoleClientId = readEnvironmentVariable('CONSOLE_CLIENT_ID')
param networkIsolation = false
param cosmosAutoscaleMaxThroughput = 0
param maximumInstanceCount = 10
param logRetentionDays = 30
