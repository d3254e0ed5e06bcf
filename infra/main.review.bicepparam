// The regional review (the regional association, once): a deployment of main.bicep that serves no
// office and drains the hub's regional-review subscription of the protocol-events topic into its read
// model (the review containers of its own Cosmos DB). Its identity's principal id is the hub's
// reviewPrincipalId (docs/deploy.md). The ids of the app registration and of the hub's namespace come
// from the environment; the console (whose review pages regional reviewers open) has its own app registration.
using 'main.bicep'

param environmentName = 'aidef-review'
param offices = []
param serviceBusNamespaceId = readEnvironmentVariable('EXCHANGE_NAMESPACE_ID')
param entraClientId = readEnvironmentVariable('ENTRA_CLIENT_ID')
param entraAudience = readEnvironmentVariable('ENTRA_AUDIENCE')
param consoleClientId = readEnvironmentVariable('CONSOLE_CLIENT_ID')
param reviewSubscription = 'regional-review'
param networkIsolation = false
param cosmosAutoscaleMaxThroughput = 0
param maximumInstanceCount = 10
param logRetentionDays = 30
