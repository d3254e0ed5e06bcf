// A development country deployment (Guatemala): serverless Cosmos DB, public endpoints (each still
// requiring Entra ID), small scale-out. azd fills environmentName from the azd environment.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'gt-dev')
param offices = ['gt-idpp-guatemala', 'gt-idpp-quetzaltenango']
param serviceBusNamespaceId = readEnvironmentVariable('EXCHANGE_NAMESPACE_ID', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aidef-hub/providers/Microsoft.ServiceBus/namespaces/sb-aidef-hub-dev')
param entraClientId = readEnvironmentVariable('ENTRA_CLIENT_ID', '00000000-0000-0000-0000-000000000000')
param entraAudience = readEnvironmentVariable('ENTRA_AUDIENCE', 'api://legalaidreferral-dev')
param networkIsolation = false
param cosmosAutoscaleMaxThroughput = 0
param maximumInstanceCount = 10
param logRetentionDays = 30
