// The parameters azd uses (azure.yaml): everything from the azd environment (azd env set NAME value),
// so one file serves every country and stage. See docs/deploy.md.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME')
param offices = split(readEnvironmentVariable('EXCHANGE_OFFICES'), ',')
param serviceBusNamespaceId = readEnvironmentVariable('EXCHANGE_NAMESPACE_ID')
param entraClientId = readEnvironmentVariable('ENTRA_CLIENT_ID')
param entraAudience = readEnvironmentVariable('ENTRA_AUDIENCE')
param consoleClientId = readEnvironmentVariable('CONSOLE_CLIENT_ID')
param networkIsolation = bool(readEnvironmentVariable('NETWORK_ISOLATION', 'false'))
param cosmosAutoscaleMaxThroughput = int(readEnvironmentVariable('COSMOS_AUTOSCALE_MAX_THROUGHPUT', '0'))
