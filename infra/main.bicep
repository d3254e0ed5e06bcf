// One country deployment of LegalAidReferral: the Function App and the data it keeps at home
// (Cosmos DB, Blob storage, Key Vault), its monitoring, and optionally its own network. Referrals
// leave it only through the regional exchange (hub.bicep), which it joins by the Service Bus
// namespace id and whose Sender/Receiver roles the hub grants to this deployment's identity.
// Parameters and the steps to deploy: docs/deploy.md.
targetScope = 'resourceGroup'

@description('Short name of this deployment, e.g. gt-prod (the azd environment name). Part of every resource name.')
@minLength(2)
@maxLength(20)
param environmentName string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Office ids this deployment serves; each needs its subscription on the hub (Exchange:ServiceBus:Offices). Empty only for the regional review\'s deployment.')
param offices string[]

@description('Resource id of the hub\'s Service Bus namespace (output serviceBusNamespaceId of hub.bicep).')
param serviceBusNamespaceId string

@description('When true: a virtual network, VNet integration, private endpoints and private DNS zones, public network access off on every data resource.')
param networkIsolation bool = false

@description('Address space of the virtual network (used with networkIsolation); the first two /24 become the subnets.')
param vnetAddressPrefix string = '10.40.0.0/16'

@description('0 for a serverless Cosmos DB account; otherwise the autoscale maximum of the database in RU/s (1000 or more).')
param cosmosAutoscaleMaxThroughput int = 0

@description('Entra ID tenant of the app registration (AzureAd:TenantId).')
param entraTenantId string = tenant().tenantId

@description('Application (client) id of the API\'s app registration (AzureAd:ClientId).')
param entraClientId string

@description('Audience of the tokens the API accepts, e.g. api://legalaidreferral (AzureAd:Audience).')
param entraAudience string

@description('Application (client) id of the web console\'s app registration (a single-page application; docs/deploy.md).')
param consoleClientId string

@description('The API\'s delegated scope the console asks tokens for, under the audience: <entraAudience>/<this>.')
param consoleApiScopeName string = 'access_as_user'

@description('Region of the console\'s static web app: one where Static Web Apps runs (it holds no case data).')
param consoleLocation string = 'eastus2'

@description('Claim holding the caller\'s office id (Identity:OfficeClaimType).')
param officeClaimType string = 'officeId'

@description('Claim holding the caller\'s user id (Identity:UserIdClaimType).')
param userIdClaimType string = 'oid'

@description('Largest JSON body accepted, in bytes (Api:MaxJsonBodyBytes).')
param maxJsonBodyBytes int = 65536

@description('Grace period for a JSON body to arrive (Api:BodyReadTimeout, a .NET TimeSpan).')
param bodyReadTimeout string = '00:00:30'

@description('Token bucket per signed-in caller (Throttling:PermitsPerSecond and Throttling:Burst).')
param throttlingPermitsPerSecond int = 20000
param throttlingBurst int = 40000

@description('Token bucket per client address on anonymous routes (Throttling:AnonymousPermitsPerSecond and Throttling:AnonymousBurst).')
param throttlingAnonymousPermitsPerSecond int = 200
param throttlingAnonymousBurst int = 400

@description('Buckets of each kind (callers, client addresses) the request throttle holds per instance at most; beyond, a new caller or address gets 429 until a bucket has been unused long enough to refill (Throttling:MaxBuckets).')
param throttlingMaxBuckets int = 100000

@description('How long an Idempotency-Key is remembered (Idempotency:Retention, a .NET TimeSpan).')
param idempotencyRetention string = '1.00:00:00'

@description('Largest document accepted, in bytes (Documents:MaxBytes).')
param documentsMaxBytes int = 20971520

@description('SKU of the Azure Bot: F0 (free, standard channels limited) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'S1'

@description('OpenID configuration of the Bot Connector\'s signing keys (BotFramework:OpenIdConfiguration).')
param botOpenIdConfiguration string = 'https://login.botframework.com/v1/.well-known/openidconfiguration'

@description('Issuers of the Bot Connector\'s tokens, separated by commas (BotFramework:Issuers).')
param botIssuers string = 'https://api.botframework.com'

@description('Largest chat activity accepted, in bytes (BotFramework:MaxActivityBytes).')
param botMaxActivityBytes int = 65536

@description('Turns a chat conversation may take at once, then per minute (BotFramework:TurnBurst and BotFramework:TurnsPerMinute).')
param chatTurnBurst int = 20
param chatTurnsPerMinute int = 60

@description('Chat conversations whose turns are counted per instance at most; beyond, a new conversation gets 429 until one has been idle long enough to refill its burst (BotFramework:MaxThrottledConversations).')
param chatMaxThrottledConversations int = 100000

@description('The regional review only: the hub\'s subscription of the protocol-events topic this deployment drains into its review (Exchange:ServiceBus:ReviewSubscription); empty in a country deployment, which reviews the events its own offices publish.')
param reviewSubscription string = ''

@description('The smallest count the review shows; smaller counts are suppressed (Review:MinCellSize).')
@minValue(1)
param reviewMinCellSize int = 5

@description('The IANA time zone of the review\'s months (Review:TimeZone).')
param reviewTimeZone string = 'UTC'


@description('Most instances the Flex Consumption plan scales out to.')
param maximumInstanceCount int = 40

@description('Memory of each Function App instance in MB (512, 2048 or 4096).')
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps logs.')
param logRetentionDays int = 30

@description('Days deleted blobs and containers can be restored.')
param softDeleteDays int = 14

var suffix = uniqueString(subscription().id, resourceGroup().id, environmentName)
var tags = { 'azd-env-name': environmentName, application: 'legalaidreferral' }
var databaseName = 'legalaidreferral'
var documentsContainerName = 'case-documents'
var pseudonymKeySecretName = 'pseudonym-key'
var identityName = 'id-${environmentName}'
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)
var serviceBusNamespaceName = last(split(serviceBusNamespaceId, '/'))

// One private endpoint per data resource and sub-resource, each with its private DNS zone.
var privateLinks = [
  { target: 'storage', groupId: 'blob', zone: 'privatelink.blob.${environment().suffixes.storage}' }
  { target: 'cosmos', groupId: 'Sql', zone: 'privatelink.documents.azure.com' }
  { target: 'keyVault', groupId: 'vault', zone: 'privatelink.vaultcore.azure.net' }
  { target: 'serviceBus', groupId: 'namespace', zone: 'privatelink.servicebus.windows.net' }
]

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: identityName, location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { namePrefix: environmentName, location: location, tags: tags, retentionDays: logRetentionDays }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${toLower(replace(environmentName, '-', ''))}${suffix}', 24)
    location: location
    tags: tags
    identityId: identityId
    principalId: identity.outputs.principalId
    packageContainerName: 'app-package'
    documentsContainerName: documentsContainerName
    softDeleteDays: softDeleteDays
    networkIsolation: networkIsolation
    workspaceId: monitoring.outputs.workspaceId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    name: 'cosmos-${toLower(environmentName)}-${suffix}'
    location: location
    tags: tags
    databaseName: databaseName
    identityId: identityId
    principalId: identity.outputs.principalId
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    networkIsolation: networkIsolation
    workspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv${suffix}'
    location: location
    tags: tags
    identityId: identityId
    principalId: identity.outputs.principalId
    networkIsolation: networkIsolation
    workspaceId: monitoring.outputs.workspaceId
  }
}

module network 'modules/network.bicep' = if (networkIsolation) {
  name: 'network'
  params: {
    name: 'vnet-${environmentName}'
    location: location
    tags: tags
    addressPrefix: vnetAddressPrefix
    dnsZoneNames: map(privateLinks, link => link.zone)
  }
}

module privateEndpoints 'modules/private-endpoint.bicep' = [
  for (link, i) in privateLinks: if (networkIsolation) {
    name: 'pe-${link.target}'
    params: {
      name: 'pe-${environmentName}-${link.target}'
      location: location
      tags: tags
      subnetId: network!.outputs.endpointSubnetId
      targetId: {
        storage: storage.outputs.id
        cosmos: cosmos.outputs.id
        keyVault: keyVault.outputs.id
        serviceBus: serviceBusNamespaceId
      }[link.target]
      groupId: link.groupId
      dnsZoneId: network!.outputs.dnsZoneIds[i]
    }
  }
]

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: 'func-${environmentName}-${suffix}'
    location: location
    tags: tags
    identityId: identityId
    identityClientId: identity.outputs.clientId
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    packageContainerName: 'app-package'
    insightsName: 'appi-${environmentName}'
    workspaceId: monitoring.outputs.workspaceId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    appSubnetId: networkIsolation ? network!.outputs.appSubnetId : ''
    // Every setting the application reads (docs/deploy.md); the deployment tests compare these keys
    // with the configuration the code reads, both ways.
    applicationSettings: union(
      {
        AzureAd__Instance: environment().authentication.loginEndpoint
        AzureAd__TenantId: entraTenantId
        AzureAd__ClientId: entraClientId
        AzureAd__Audience: entraAudience
        Identity__OfficeClaimType: officeClaimType
        Identity__UserIdClaimType: userIdClaimType
        Api__MaxJsonBodyBytes: string(maxJsonBodyBytes)
        Api__BodyReadTimeout: bodyReadTimeout
        Throttling__PermitsPerSecond: string(throttlingPermitsPerSecond)
        Throttling__Burst: string(throttlingBurst)
        Throttling__AnonymousPermitsPerSecond: string(throttlingAnonymousPermitsPerSecond)
        Throttling__AnonymousBurst: string(throttlingAnonymousBurst)
        Throttling__MaxBuckets: string(throttlingMaxBuckets)
        Idempotency__Retention: idempotencyRetention
        Storage__Provider: 'cosmos'
        Storage__Cosmos__AccountEndpoint: cosmos.outputs.endpoint
        Storage__Cosmos__Database: databaseName
        Documents__Provider: 'blob'
        Documents__Blob__ServiceUri: storage.outputs.blobEndpoint
        Documents__Blob__Container: documentsContainerName
        Documents__MaxBytes: string(documentsMaxBytes)
        Exchange__Provider: 'service-bus'
        Exchange__ServiceBus__FullyQualifiedNamespace: '${serviceBusNamespaceName}.servicebus.windows.net'
        Exchange__ServiceBus__ReviewSubscription: reviewSubscription
        Review__MinCellSize: string(reviewMinCellSize)
        Review__TimeZone: reviewTimeZone
        // A Key Vault reference: the app resolves it with its identity; no secret is in the settings.
        Referrals__PseudonymKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${pseudonymKeySecretName})'
        // The bot's app id is the app's own identity (modules/bot.bicep).
        BotFramework__AppId: identity.outputs.clientId
        BotFramework__OpenIdConfiguration: botOpenIdConfiguration
        BotFramework__Issuers: botIssuers
        BotFramework__MaxActivityBytes: string(botMaxActivityBytes)
        BotFramework__TurnBurst: string(chatTurnBurst)
        BotFramework__TurnsPerMinute: string(chatTurnsPerMinute)
        BotFramework__MaxThrottledConversations: string(chatMaxThrottledConversations)
      },
      toObject(range(0, length(offices)), i => 'Exchange__ServiceBus__Offices__${i}', i => offices[i])
    )
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${environmentName}-${suffix}'
    tags: tags
    messagingEndpoint: '${functionApp.outputs.url}/api/messages'
    identityId: identityId
    identityClientId: identity.outputs.clientId
    tenantId: tenant().tenantId
    sku: botSku
    workspaceId: monitoring.outputs.workspaceId
  }
}

module console 'modules/console.bicep' = {
  name: 'console'
  params: {
    name: 'stapp-${environmentName}-${suffix}'
    location: consoleLocation
    tags: tags
    functionAppId: resourceId('Microsoft.Web/sites', functionApp.outputs.name)
    functionAppLocation: location
  }
}

output functionAppUrl string = functionApp.outputs.url
output consoleUrl string = console.outputs.url
output consoleName string = console.outputs.name
// The console's wwwroot/appsettings.json for this deployment (docs/deploy.md); the deployment tests
// compare its keys with the ones the console reads.
output consoleSettings object = {
  Api: {
    BaseUrl: ''
  }
  SignIn: {
    Authority: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
    ClientId: consoleClientId
    ApiScope: '${entraAudience}/${consoleApiScopeName}'
    OfficeClaim: officeClaimType
  }
}
output functionAppName string = functionApp.outputs.name
output identityName string = identity.outputs.name
@description('Give this to the hub\'s operator: the hub grants this principal its roles on the exchange.')
output identityPrincipalId string = identity.outputs.principalId
output storageAccountName string = storage.outputs.name
output cosmosAccountName string = cosmos.outputs.name
output keyVaultName string = keyVault.outputs.name
output insightsName string = monitoring.outputs.insightsName
output botName string = bot.outputs.name
