// A production country deployment (Guatemala): network isolation on, Cosmos DB autoscale, longer
// log retention. The ids come from the environment (azd env set, or export before az deployment).
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'gt-prod')
param offices = ['gt-idpp-guatemala', 'gt-idpp-quetzaltenango']
param serviceBusNamespaceId = readEnvironmentVariable('EXCHANGE_NAMESPACE_ID', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aidef-hub/providers/Microsoft.ServiceBus/namespaces/sb-aidef-hub-prod')
param entraClientId = readEnvironmentVariable('ENTRA_CLIENT_ID', '00000000-0000-0000-0000-000000000000')
param entraAudience = readEnvironmentVariable('ENTRA_AUDIENCE', 'api://legalaidreferral')
param networkIsolation = true
param vnetAddressPrefix = '10.40.0.0/16'
param cosmosAutoscaleMaxThroughput = 4000
param maximumInstanceCount = 40
param logRetentionDays = 90
param softDeleteDays = 30
